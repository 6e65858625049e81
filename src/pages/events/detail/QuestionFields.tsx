import { Input, Text, View } from '@tarojs/components';
import { TEXT_ANSWER_MAX, type AnswerValue, type Answers, type Question } from '@shared/plain/questions';
import { ChoiceChips } from '../../../components/form/ChoiceChips';
import { FormRow } from '../../../components/form/FormRow';
import { TagPicker } from '../../../components/form/TagPicker';

/** What the person has typed or tapped so far; numbers stay text until the form is sent. */
export type AnswerDrafts = Record<string, string | string[]>;

/** The drafts as the answers the rule checks: a number question's text becomes a number when it is one. */
export function answersOf(questions: readonly Question[], drafts: AnswerDrafts): Answers {
  const answers: Answers = {};
  for (const q of questions) {
    const draft = drafts[q.id];
    if (draft === undefined) continue;
    let value: AnswerValue = draft;
    if (q.kind === 'number' && typeof draft === 'string') {
      const text = draft.trim();
      if (!text) continue;
      value = Number.isFinite(Number(text)) ? Number(text) : text;
    }
    answers[q.id] = value;
  }
  return answers;
}

const identity = (options: readonly string[]) => Object.fromEntries(options.map((o) => [o, o])) as Record<string, string>;

export interface QuestionFieldsProps {
  questions: readonly Question[];
  drafts: AnswerDrafts;
  errors: Record<string, string | undefined>;
  onChange: (id: string, value: string | string[]) => void;
}

/** The event's sign-up questions, each as the kind asks: a text or number box, or chips to tap. */
export function QuestionFields({ questions, drafts, errors, onChange }: QuestionFieldsProps) {
  return (
    <View className='signup-questions'>
      {questions.map((q) => {
        const draft = drafts[q.id];
        const options = q.options ?? [];
        return (
          <FormRow key={q.id} label={q.label} optional={!q.required} error={errors[q.id]} className={`signup-question signup-question--${q.kind}`}>
            {q.kind === 'text' || q.kind === 'number' ? (
              <Input
                className={`signup-answer signup-answer--${q.id}`}
                type={q.kind === 'number' ? 'digit' : 'text'}
                placeholder={q.kind === 'number' ? '请填写数字' : '请填写'}
                maxlength={q.kind === 'number' ? 12 : TEXT_ANSWER_MAX}
                value={typeof draft === 'string' ? draft : ''}
                onInput={(e) => onChange(q.id, e.detail.value)}
              />
            ) : q.kind === 'single' ? (
              <ChoiceChips
                options={options}
                labels={identity(options)}
                value={typeof draft === 'string' && draft ? draft : null}
                clearable={!q.required}
                onChange={(v) => onChange(q.id, v ?? '')}
              />
            ) : (
              <TagPicker options={options} labels={identity(options)} value={Array.isArray(draft) ? draft : []} onChange={(v) => onChange(q.id, v)} />
            )}
            {q.kind === 'multi' ? <Text className='signup-question__hint'>可多选</Text> : null}
          </FormRow>
        );
      })}
    </View>
  );
}
