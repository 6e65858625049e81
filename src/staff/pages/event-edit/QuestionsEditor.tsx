import { Button, Input, Switch, Text, View } from '@tarojs/components';
import { QUESTION_KIND_LABELS } from '@shared/labels';
import { OPTION_MAX, OPTIONS_MAX, QUESTION_KINDS, QUESTION_LABEL_MAX, QUESTIONS_MAX } from '@shared/questions';
import { ChoiceChips } from '../../../components/form/ChoiceChips';
import { boolAttr } from '../../../utils/boolAttr';
import { newQuestion, type QuestionDraft } from './eventForm';

export interface QuestionsEditorProps {
  questions: QuestionDraft[];
  onChange: (questions: QuestionDraft[]) => void;
  error?: string;
  disabled: boolean;
  /** Once someone has signed up only wording may change: say so before staff try more. */
  locked: boolean;
}

/** 报名问题: what the sign-up form asks besides name and phone (所在平台, 是否党员, 需要的服务…). */
export function QuestionsEditor({ questions, onChange, error, disabled, locked }: QuestionsEditorProps) {
  const update = (index: number, patch: Partial<QuestionDraft>) =>
    onChange(questions.map((q, i) => (i === index ? { ...q, ...patch } : q)));
  const remove = (index: number) => onChange(questions.filter((_, i) => i !== index));
  const setOption = (index: number, at: number, text: string) =>
    update(index, { options: questions[index].options.map((o, j) => (j === at ? text : o)) });

  return (
    <View className='questions-editor'>
      <Text className='questions-editor__title'>报名问题</Text>
      <Text className='questions-editor__hint'>
        {locked ? '已有人报名：只能修改问题和选项的文字。' : `除姓名、手机号外想了解的内容，最多 ${QUESTIONS_MAX} 个。`}
      </Text>
      {questions.map((q, index) => {
        const choice = q.kind === 'single' || q.kind === 'multi';
        return (
          <View key={q.id} className='question-card'>
            <View className='question-card__head'>
              <Text className='question-card__number'>{`第 ${index + 1} 题`}</Text>
              <Button className='question-remove btn-link' size='mini' disabled={boolAttr(disabled || locked)} onClick={() => remove(index)}>
                删除
              </Button>
            </View>
            <Input
              className='question-label'
              placeholder='问题，如：所在平台'
              maxlength={QUESTION_LABEL_MAX}
              value={q.label}
              disabled={boolAttr(disabled)}
              onInput={(e) => update(index, { label: e.detail.value })}
            />
            <ChoiceChips
              className='question-kind'
              options={QUESTION_KINDS}
              labels={QUESTION_KIND_LABELS}
              value={q.kind}
              onChange={(kind) => kind && !locked && update(index, { kind })}
            />
            <View className='question-card__required'>
              <Text>必答</Text>
              <Switch
                aria-label={`第 ${index + 1} 题必答`}
                checked={q.required}
                color='#c8161d'
                disabled={boolAttr(disabled || locked)}
                onChange={(e) => update(index, { required: e.detail.value })}
              />
            </View>
            {choice ? (
              <View className='question-options'>
                {q.options.map((option, at) => (
                  <View key={at} className='question-option'>
                    <Input
                      className='question-option__input'
                      placeholder={`选项 ${at + 1}`}
                      maxlength={OPTION_MAX}
                      value={option}
                      disabled={boolAttr(disabled)}
                      onInput={(e) => setOption(index, at, e.detail.value)}
                    />
                    {q.options.length > 2 && !locked ? (
                      <Text className='question-option__remove' onClick={() => update(index, { options: q.options.filter((_, j) => j !== at) })}>
                        移除
                      </Text>
                    ) : null}
                  </View>
                ))}
                {q.options.length < OPTIONS_MAX && !locked ? (
                  <Text className='question-option__add' onClick={() => update(index, { options: [...q.options, ''] })}>
                    ＋ 添加选项
                  </Text>
                ) : null}
              </View>
            ) : null}
          </View>
        );
      })}
      {error ? <Text className='field-error'>{error}</Text> : null}
      {questions.length < QUESTIONS_MAX && !locked ? (
        <Button className='question-add btn-secondary' disabled={boolAttr(disabled)} onClick={() => onChange([...questions, newQuestion()])}>
          ＋ 添加问题
        </Button>
      ) : null}
    </View>
  );
}
