/**
 * Sign-up questions staff add to an event (所在平台, 是否党员, 需要的服务…) and the one rule that checks a person's
 * answers against them: the sign-up form runs it before sending, the server runs it on the locked event row.
 * Plain TypeScript, no zod: the sign-up form in the main package runs `answerIssues` without the schema library.
 */

export const QUESTION_KINDS = ['text', 'number', 'single', 'multi'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QUESTIONS_MAX = 10;
export const QUESTION_LABEL_MAX = 50;
export const OPTIONS_MIN = 2;
export const OPTIONS_MAX = 20;
export const OPTION_MAX = 30;
export const TEXT_ANSWER_MAX = 200;
/** Numbers people give at a sign-up (年龄, 人数, 工龄) are far inside this; beyond it a spreadsheet shows 1E+15. */
export const NUMBER_ANSWER_LIMIT = 1_000_000_000;

export interface Question {
  id: string;
  kind: QuestionKind;
  label: string;
  required: boolean;
  /** The choices of a single or multiple choice question; absent for text and number. */
  options?: string[];
}

export type AnswerValue = string | number | string[];
/** Question id → answer; a question left unanswered is absent. */
export type Answers = Record<string, AnswerValue>;

export interface AnswerIssue {
  path: ['answers', string];
  message: string;
}

function isEmpty(value: AnswerValue | undefined): boolean {
  return value === undefined || (typeof value === 'string' && !value.trim()) || (Array.isArray(value) && !value.length);
}

/**
 * What is wrong with one answer, or null. The kind of value comes first (an empty list is no answer to a number
 * question); an empty answer of the right kind is only wrong when the question must be answered.
 */
function answerProblem(q: Question, value: AnswerValue | undefined): string | null {
  const missing = q.required ? `请回答「${q.label}」` : null;
  if (value === undefined) return missing;
  const options = q.options ?? [];
  switch (q.kind) {
    case 'text':
      if (typeof value !== 'string') return `「${q.label}」请填写文字`;
      if (isEmpty(value)) return missing;
      return value.trim().length > TEXT_ANSWER_MAX ? `「${q.label}」最多 ${TEXT_ANSWER_MAX} 个字` : null;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `「${q.label}」请填写数字`;
      return Math.abs(value) > NUMBER_ANSWER_LIMIT ? `「${q.label}」的数字太大` : null;
    case 'single':
      if (typeof value !== 'string') return `「${q.label}」请从选项中选择一项`;
      if (isEmpty(value)) return missing;
      return options.includes(value) ? null : `「${q.label}」请从选项中选择一项`;
    case 'multi':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !options.includes(v))) return `「${q.label}」请从选项中选择`;
      if (isEmpty(value)) return missing;
      return new Set(value).size === value.length ? null : `「${q.label}」的选项重复了`;
  }
}

/** Every answer that does not fit the event's questions, each naming its question; empty when all fit. */
export function answerIssues(questions: readonly Question[], answers: Answers): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const known = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) issues.push({ path: ['answers', id], message: '这个问题已不在报名表中，请刷新后重新填写' });
  }
  for (const q of questions) {
    const problem = answerProblem(q, answers[q.id]);
    if (problem) issues.push({ path: ['answers', q.id], message: problem });
  }
  return issues;
}

/**
 * The answers as stored: text trimmed, empty answers left out. It needs no questions, so it can run before the event
 * is locked while the check (`answerIssues`) runs on the locked questions.
 */
export function cleanAnswers(answers: Answers): Answers {
  const out: Answers = {};
  for (const [id, value] of Object.entries(answers)) {
    if (isEmpty(value)) continue;
    out[id] = typeof value === 'string' ? value.trim() : value;
  }
  return out;
}

/**
 * Once someone has signed up, their answers must keep meaning what they meant: only the wording may change (labels and
 * option texts), with the same questions in the same order, of the same kinds, equally required, with as many options.
 * Answers a problem in Chinese, or null when the new questions may replace the old.
 */
export function questionChangeProblem(before: readonly Question[], after: readonly Question[]): string | null {
  if (before.length !== after.length) return '已有人报名，不能增加或删除报名问题，只能修改文字';
  for (const [i, old] of before.entries()) {
    const next = after[i];
    if (next.id !== old.id) return '已有人报名，不能调整报名问题的顺序';
    if (next.kind !== old.kind) return `已有人报名，不能修改「${old.label}」的题型`;
    if (next.required !== old.required) return `已有人报名，不能修改「${old.label}」是否必答`;
    if ((next.options?.length ?? 0) !== (old.options?.length ?? 0)) return `已有人报名，不能增加或删除「${old.label}」的选项`;
  }
  return null;
}

/** An answer as one line of text, for the staff list and the export. */
export function answerText(value: AnswerValue | undefined): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join('、') : String(value);
}
