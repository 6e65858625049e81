import { useEffect, useRef, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { checkContact, type Contact } from '@shared/plain/contact';
import { answerIssues, type Answers, type Question } from '@shared/plain/questions';
import { useZodForm } from '../../../components/form/useZodForm';
import { boolAttr } from '../../../utils/boolAttr';
import { answersOf, QuestionFields, type AnswerDrafts } from './QuestionFields';

type Field = keyof Contact;
export type ContactErrors = Partial<Record<Field, string>>;

export interface SignupFormProps {
  /** Prefill, usually the contact used last time (`me.get` profile). */
  initial?: { name?: string | null; phone?: string | null };
  submitting?: boolean;
  /** Field messages from the server, e.g. an INVALID_INPUT answer. */
  errors?: ContactErrors;
  /** The event's sign-up questions, asked under the contact. */
  questions?: readonly Question[];
  /** Messages per question id from the server's INVALID_INPUT answer (path ['answers', id]). */
  answerErrors?: Record<string, string>;
  /** Called with trimmed, valid values only: the contact, and answers that fit the questions by the server's own rule. */
  onSubmit: (contact: Contact, answers: Answers) => void;
}

/** One message per question the answers do not fit, by the same rule the server applies. */
export function validateAnswers(questions: readonly Question[], answers: Answers): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of answerIssues(questions, answers)) errors[issue.path[1]] ??= issue.message;
  return errors;
}

export function SignupForm({ initial, submitting = false, errors: serverErrors, questions = [], answerErrors, onSubmit }: SignupFormProps) {
  const { values, setValues, errors, set, submit } = useZodForm<Contact, Field>({
    initial: { name: initial?.name ?? '', phone: initial?.phone ?? '' },
    serverErrors,
    busy: submitting,
  });
  const edited = useRef(false);
  const [drafts, setDrafts] = useState<AnswerDrafts>({});
  const [questionErrors, setQuestionErrors] = useState<Record<string, string | undefined>>({});

  useEffect(() => {
    if (answerErrors) setQuestionErrors(answerErrors);
  }, [answerErrors]);

  const answer = (id: string, value: string | string[]) => {
    setDrafts((d) => ({ ...d, [id]: value }));
    setQuestionErrors((e) => ({ ...e, [id]: undefined }));
  };

  // Contact and answers are checked together, so every message shows at once.
  const send = () => {
    const answers = answersOf(questions, drafts);
    const wrong = validateAnswers(questions, answers);
    setQuestionErrors(wrong);
    const answersFit = Object.keys(wrong).length === 0;
    submit(
      (values) => {
        // The rule the contract's schema is built from, plain: this page is in the main package, which carries no zod.
        const checked = checkContact(values);
        return checked.ok && !answersFit ? { ok: false as const, errors: {} } : checked;
      },
      (checked) => onSubmit(checked.contact, answers),
    );
  };

  // The profile may arrive after the form is shown; take it unless the person has started typing.
  useEffect(() => {
    if (edited.current) return;
    setValues({ name: initial?.name ?? '', phone: initial?.phone ?? '' });
  }, [initial?.name, initial?.phone]);

  const change = (field: Field, value: string) => {
    edited.current = true;
    set(field, value);
  };

  return (
    <View className='signup-form'>
      <View className='signup-form__field'>
        <Text className='signup-form__label'>姓名</Text>
        <Input
          className='signup-name'
          name='name'
          placeholder='请输入姓名'
          maxlength={20}
          value={values.name}
          onInput={(e) => change('name', e.detail.value)}
        />
        {errors.name ? <Text className='field-error signup-form__error'>{errors.name}</Text> : null}
      </View>
      <View className='signup-form__field'>
        <Text className='signup-form__label'>手机号</Text>
        <Input
          className='signup-phone'
          name='phone'
          type='number'
          placeholder='请输入 11 位手机号码'
          maxlength={11}
          value={values.phone}
          onInput={(e) => change('phone', e.detail.value)}
        />
        {errors.phone ? <Text className='field-error signup-form__error'>{errors.phone}</Text> : null}
      </View>
      {questions.length ? <QuestionFields questions={questions} drafts={drafts} errors={questionErrors} onChange={answer} /> : null}
      <Button className='signup-submit btn-primary' disabled={boolAttr(submitting)} onClick={send}>
        报名
      </Button>
    </View>
  );
}
