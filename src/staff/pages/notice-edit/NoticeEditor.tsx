import { useEffect, useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Picker, Text, Textarea, View } from '@tarojs/components';
import {
  NOTICE_CATEGORIES,
  NOTICE_ISSUER_MAX,
  NOTICE_SUMMARY_MAX,
  NOTICE_TITLE_MAX,
  NoticeBlock,
  type Notice,
  type NoticeStatus,
} from '@shared/notices';
import { parseNoticeMarkdown } from '@shared/notice-markdown';
import { NOTICE_CATEGORY_LABELS, NOTICE_STATUS_LABELS } from '@shared/labels';
import { callApi } from '../../../api/callApi';
import { ApiFailure } from '../../../api/failure';
import { useMutation } from '../../../api/useMutation';
import { NoticeBody } from '../../../components/NoticeBody';
import { FormRow, TextRow } from '../../../components/form/FormRow';
import { OptionPicker } from '../../../components/form/OptionPicker';
import { TagPicker } from '../../../components/form/TagPicker';
import { useZodForm } from '../../../components/form/useZodForm';
import { boolAttr } from '../../../utils/boolAttr';
import { todayInShanghai } from '../../../utils/time';
import { emptyNoticeForm, noticeErrorsFromIssues, noticeFormFrom, validateNoticeForm, type NoticeField, type NoticeFormValues } from './noticeForm';

export interface EventOption {
  id: string;
  title: string;
}

const BODY_MAX = 20000;
const SYNTAX_HELP = '写法：“# 小标题”，“- 列表项”，“1. 编号项”，“[链接文字](https://…)”单独一行；空一行分段。';

/** The blocks the preview may show: only those the contract accepts (an unchecked link never becomes a link). */
function previewOf(text: string): { blocks: NoticeBlock[]; problems: string[] } {
  const blocks: NoticeBlock[] = [];
  const problems: string[] = [];
  parseNoticeMarkdown(text).forEach((block, i) => {
    const checked = NoticeBlock.safeParse(block);
    if (checked.success) blocks.push(checked.data);
    else problems.push(`第 ${i + 1} 段：${checked.error.issues[0]?.message ?? '格式不正确'}`);
  });
  return { blocks, problems };
}

/** 新建政策 / 编辑政策: the fields, the body in the markdown subset with a preview, and the moves its state allows. */
export function NoticeEditor({ initial, events }: { initial: Notice | null; events: readonly EventOption[] }) {
  const [noticeId, setNoticeId] = useState<string | null>(initial?.id ?? null);
  const [status, setStatus] = useState<NoticeStatus>(initial?.status ?? 'draft');
  const [preview, setPreview] = useState(false);
  const change = useMutation();
  const serverErrors = useMemo(
    () => (change.error instanceof ApiFailure && change.error.code === 'INVALID_INPUT' ? noticeErrorsFromIssues(change.error.issues) : undefined),
    [change.error],
  );
  const { values, errors, set, submit } = useZodForm<NoticeFormValues, NoticeField>({
    initial: () => (initial ? noticeFormFrom(initial) : emptyNoticeForm(todayInShanghai())),
    serverErrors,
    busy: change.busy,
    clears: (field) => [field === 'bodyText' ? 'body' : (field as NoticeField)],
  });

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: noticeId ? '编辑政策' : '新建政策' });
  }, [noticeId]);

  const adopt = (saved: Notice) => {
    setNoticeId(saved.id);
    setStatus(saved.status);
  };

  const save = (publish: boolean) =>
    submit(
      validateNoticeForm,
      ({ input }) =>
        void change.run(async () => {
          let saved = noticeId ? await callApi('notices.update', { id: noticeId, ...input }) : await callApi('notices.create', input);
          adopt(saved);
          if (publish) saved = await callApi('notices.publish', { id: saved.id });
          adopt(saved);
          void Taro.showToast({ title: publish ? '已发布' : '已保存', icon: 'success' });
        }),
      () => void Taro.showToast({ title: '请检查标红的内容', icon: 'none' }),
    );

  const withdraw = async () => {
    if (!noticeId) return;
    const answer = await Taro.showModal({
      title: '撤回政策',
      content: '撤回后群众将看不到这条政策，之后可以重新发布。确定撤回吗？',
      confirmText: '撤回',
      cancelText: '再想想',
      confirmColor: '#c8161d',
    });
    if (!answer.confirm) return;
    await change.run(async () => {
      adopt(await callApi('notices.withdraw', { id: noticeId }));
      void Taro.showToast({ title: '已撤回', icon: 'none' });
    });
  };

  const shown = preview ? previewOf(values.bodyText) : null;
  const eventOptions = [...events];
  for (const id of values.eventIds) if (!eventOptions.some((e) => e.id === id)) eventOptions.push({ id, title: '已关联的活动' });
  const eventLabels = Object.fromEntries(eventOptions.map((e) => [e.id, e.title]));

  return (
    <View className='notice-editor'>
      {noticeId ? (
        <View className={`notice-editor__status notice-editor__status--${status}`}>
          <Text>{`状态：${NOTICE_STATUS_LABELS[status]}`}</Text>
        </View>
      ) : null}
      <View className='followup-card'>
        <View className='followup-form notice-form'>
          <TextRow label='标题' error={errors.title} field='notice-title' placeholder={`2–${NOTICE_TITLE_MAX} 个字`} maxlength={NOTICE_TITLE_MAX} value={values.title} onInput={(v) => set('title', v)} />
          <FormRow label='类别' error={errors.category}>
            <OptionPicker className='notice-category' options={NOTICE_CATEGORIES} labels={NOTICE_CATEGORY_LABELS} value={values.category} placeholder='请选择政策类别' onChange={(c) => set('category', c)} />
          </FormRow>
          <TextRow label='摘要' error={errors.summary} field='notice-summary' multiline placeholder='一两句话说清这是什么政策、谁能享受' maxlength={NOTICE_SUMMARY_MAX} value={values.summary} onInput={(v) => set('summary', v)} />
          <TextRow label='发文单位' error={errors.issuer} field='notice-issuer' placeholder='如：上海市人力资源和社会保障局' maxlength={NOTICE_ISSUER_MAX} value={values.issuer} onInput={(v) => set('issuer', v)} />
          <FormRow label='发文日期' error={errors.issuedOn}>
            <Picker className='notice-issued-on' mode='date' value={values.issuedOn} onChange={(e) => set('issuedOn', e.detail.value)}>
              <Text className='picker-value'>{values.issuedOn}</Text>
            </Picker>
          </FormRow>

          <FormRow label='正文' error={errors.body}>
            <View className='choice-chips notice-editor__modes'>
              <View className={`choice-chip notice-mode-edit${preview ? '' : ' choice-chip--active'}`} onClick={() => setPreview(false)}>
                <Text>编辑</Text>
              </View>
              <View className={`choice-chip notice-mode-preview${preview ? ' choice-chip--active' : ''}`} onClick={() => setPreview(true)}>
                <Text>预览</Text>
              </View>
            </View>
            {shown ? (
              <View className='notice-editor__preview'>
                {shown.blocks.length ? <NoticeBody blocks={shown.blocks} /> : <Text className='notice-editor__hint'>正文还是空的</Text>}
                {shown.problems.map((p) => (
                  <Text key={p} className='field-error'>
                    {p}
                  </Text>
                ))}
              </View>
            ) : (
              <>
                <Textarea
                  className='followup-form__textarea notice-body-input'
                  placeholder={'# 补贴对象\n在本镇灵活就业的人员……\n\n- 第一项\n- 第二项'}
                  maxlength={BODY_MAX}
                  value={values.bodyText}
                  onInput={(e) => set('bodyText', e.detail.value)}
                />
                <Text className='notice-editor__hint'>{SYNTAX_HELP}</Text>
              </>
            )}
          </FormRow>

          <TextRow
            label='附件（PDF 链接）'
            optional
            error={errors.attachmentUrl}
            field='notice-attachment'
            placeholder='https://…/文件.pdf'
            maxlength={500}
            value={values.attachmentUrl}
            onInput={(v) => set('attachmentUrl', v)}
          />
          <FormRow label='相关活动' optional error={errors.eventIds}>
            {eventOptions.length ? (
              <TagPicker className='notice-events' options={eventOptions.map((e) => e.id)} labels={eventLabels} value={values.eventIds} onChange={(ids) => set('eventIds', ids)} />
            ) : (
              <Text className='notice-editor__hint'>暂无已发布的活动</Text>
            )}
          </FormRow>

          <View className='followup-form__actions notice-editor__actions'>
            <Button className='notice-save' disabled={boolAttr(change.busy)} onClick={() => save(false)}>
              {status === 'published' ? '保存修改' : '保存草稿'}
            </Button>
            {status !== 'published' ? (
              <Button className='followup-form__submit notice-publish' disabled={boolAttr(change.busy)} onClick={() => save(true)}>
                {status === 'withdrawn' ? '保存并重新发布' : '保存并发布'}
              </Button>
            ) : (
              <Button className='notice-withdraw' disabled={boolAttr(change.busy)} onClick={() => void withdraw()}>
                撤回
              </Button>
            )}
          </View>
        </View>
      </View>
    </View>
  );
}
