/**
 * Sign-up questions staff add to an event (所在平台, 是否党员, 需要的服务…) and the one rule that checks a person's
 * answers against them: the sign-up form runs it before sending, the server runs it on the locked event row.
 */

import { z } from 'zod';
import { OPTION_MAX, OPTIONS_MAX, OPTIONS_MIN, QUESTION_KINDS, QUESTION_LABEL_MAX, QUESTIONS_MAX } from './plain/questions';

export * from './plain/questions';

export const QuestionId = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, '问题编号格式不正确');

const option = z.string().trim().min(1, '选项不能为空').max(OPTION_MAX, `选项最多 ${OPTION_MAX} 个字`);

export const QuestionInput = z
  .object({
    id: QuestionId,
    kind: z.enum(QUESTION_KINDS, { message: '请选择问题类型' }),
    label: z.string().trim().min(1, '请填写问题').max(QUESTION_LABEL_MAX, `问题最多 ${QUESTION_LABEL_MAX} 个字`),
    required: z.boolean({ message: '请说明是否必答' }),
    options: z.array(option).max(OPTIONS_MAX, `选项最多 ${OPTIONS_MAX} 个`).optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const choice = q.kind === 'single' || q.kind === 'multi';
    if (choice && (!q.options || q.options.length < OPTIONS_MIN)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['options'], message: `选择题至少需要 ${OPTIONS_MIN} 个选项` });
    }
    if (!choice && q.options !== undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['options'], message: '填空题和数字题没有选项' });
    }
    const seen = new Set<string>();
    q.options?.forEach((o, i) => {
      if (seen.has(o)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['options', i], message: `选项「${o}」重复了` });
      seen.add(o);
    });
  });

export const QuestionsInput = z
  .array(QuestionInput)
  .max(QUESTIONS_MAX, `报名问题最多 ${QUESTIONS_MAX} 个`)
  .superRefine((questions, ctx) => {
    const seen = new Set<string>();
    questions.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [i, 'id'], message: '问题编号重复了' });
      seen.add(q.id);
    });
  });

/**
 * The shape of answers only (which values can be answers at all); whether they fit the event's questions is
 * `answerIssues`' to say, with the question's own wording.
 */
export const AnswersInput = z
  .record(
    QuestionId,
    z.union([z.string().max(2000, '回答太长'), z.number().finite('请填写数字'), z.array(z.string().max(200, '选项太长')).max(OPTIONS_MAX)], {
      message: '回答格式不正确',
    }),
  )
  .refine((a) => Object.keys(a).length <= QUESTIONS_MAX, `回答最多 ${QUESTIONS_MAX} 个`);
