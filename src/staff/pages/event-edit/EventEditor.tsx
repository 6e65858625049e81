import { useEffect, useState, type PropsWithChildren } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components';
import {
  AUDIENCES,
  DESCRIPTION_MAX,
  EVENT_TYPES,
  EventCancelInput,
  LOCATION_MAX,
  TITLE_MAX,
  type Event,
  type EventStatus,
} from '@shared/events';
import { AUDIENCE_LABELS, EVENT_STATUS_LABELS, EVENT_TYPE_LABELS } from '@shared/labels';
import { callApi } from '../../../api/callApi';
import { useMutation } from '../../../api/useMutation';
import { boolAttr } from '../../../utils/boolAttr';
import { todayInShanghai } from '../../../utils/time';
import { announceEventSaved } from '../../eventSaved';
import { QuestionsEditor } from './QuestionsEditor';
import { emptyEventForm, eventErrorsOf, formFromEvent, validateEventForm, type EventForm, type EventFormErrors } from './eventForm';

const TYPE_NAMES = EVENT_TYPES.map((t) => EVENT_TYPE_LABELS[t]);
const AUDIENCE_NAMES = AUDIENCES.map((a) => AUDIENCE_LABELS[a]);

function Row({ label, error, children }: PropsWithChildren<{ label: string; error?: string }>) {
  return (
    <View className='edit-row'>
      <Text className='edit-row__label'>{label}</Text>
      <View className='edit-row__control'>{children}</View>
      {error ? <Text className='field-error edit-row__error'>{error}</Text> : null}
    </View>
  );
}

/** Publishing or cancelling finishes the job: return to the workbench (when we came from it) after the toast. */
const TOAST_MS = 800;
function backToList(): void {
  if (Taro.getCurrentPages().length < 2) return;
  setTimeout(() => void Taro.navigateBack(), TOAST_MS);
}

function PickerText({ value, placeholder }: { value: string; placeholder: string }) {
  return <Text className={value ? 'picker-value' : 'picker-value picker-value--empty'}>{value || placeholder}</Text>;
}

/**
 * The editor starts from the loaded event (or an empty form) and never from a value set right after mount:
 * Taro's H5 inputs throw if their value changes before they have rendered.
 */
export function EventEditor({ initial }: { initial: Event | null }) {
  const [eventId, setEventId] = useState<string | null>(initial?.id ?? null);
  const [status, setStatus] = useState<EventStatus>(initial?.status ?? 'draft');
  const [cancelReason, setCancelReason] = useState<string | null>(initial?.cancelReason ?? null);
  const [form, setForm] = useState<EventForm>(() => (initial ? formFromEvent(initial) : emptyEventForm()));
  const [errors, setErrors] = useState<EventFormErrors>({});
  const change = useMutation();
  const busy = change.busy;
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const signupsOf = (e: Event | null) => (e ? e.confirmedCount + e.waitlistCount : 0);
  const [signedUp, setSignedUp] = useState(signupsOf(initial) > 0);

  const adopt = (event: Event) => {
    setEventId(event.id);
    setStatus(event.status);
    setCancelReason(event.cancelReason);
    setForm(formFromEvent(event));
    setSignedUp((before) => before || signupsOf(event) > 0);
  };

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: eventId ? '编辑活动' : '新建活动' });
  }, [eventId]);

  const set = <K extends keyof EventForm>(key: K, value: EventForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
  };
  const clearError = (field: keyof EventFormErrors) => setErrors((e) => ({ ...e, [field]: undefined }));

  const save = async (publish: boolean) => {
    const checked = validateEventForm(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      void Taro.showToast({ title: '请检查标红的内容', icon: 'none' });
      return;
    }
    setErrors({});
    await change.run(
      async () => {
        let saved = eventId
          ? await callApi('events.update', { id: eventId, ...checked.fields })
          : await callApi('events.create', checked.fields);
        setEventId(saved.id);
        if (publish) saved = await callApi('events.publish', { id: saved.id });
        adopt(saved);
        announceEventSaved(saved);
        void Taro.showToast({ title: publish ? '已发布' : '已保存', icon: 'success' });
        if (publish) backToList();
      },
      { onFailure: (e) => setErrors(eventErrorsOf(e)) },
    );
  };

  const cancelEvent = async () => {
    if (!eventId) return;
    const checked = EventCancelInput.safeParse({ id: eventId, reason });
    if (!checked.success) {
      setReasonError(checked.error.issues[0]?.message ?? '请填写取消原因');
      return;
    }
    const answer = await Taro.showModal({
      title: '取消活动',
      content: '取消后已报名的人将看到活动已取消，且不能恢复。确定取消吗？',
      confirmText: '确认',
      cancelText: '再想想',
      confirmColor: '#c8161d',
    });
    if (!answer.confirm) return;
    await change.run(async () => {
      const cancelledEvent = await callApi('events.cancel', checked.data);
      adopt(cancelledEvent);
      announceEventSaved(cancelledEvent);
      void Taro.showToast({ title: '活动已取消', icon: 'none' });
      backToList();
    });
  };

  const cancelled = status === 'cancelled';
  const today = todayInShanghai();
  const typeIndex = form.type ? EVENT_TYPES.indexOf(form.type) : 0;

  return (
    <View className='event-editor'>
      {eventId ? (
        <View className={`event-editor__status event-edit__status--${status}`}>
          <Text>{`状态：${EVENT_STATUS_LABELS[status]}`}</Text>
          {cancelled && cancelReason ? <Text>{`取消原因：${cancelReason}`}</Text> : null}
        </View>
      ) : null}

      <View className='event-editor__card'>
        <Row label='活动类型' error={errors.type}>
          <Picker
            mode='selector'
            range={TYPE_NAMES}
            value={typeIndex}
            disabled={boolAttr(cancelled)}
            onChange={(e) => {
              const picked = EVENT_TYPES[Number(e.detail.value)];
              if (picked) set('type', picked);
              clearError('type');
            }}
          >
            <PickerText value={form.type ? EVENT_TYPE_LABELS[form.type] : ''} placeholder='请选择活动类型' />
          </Picker>
        </Row>
        <Row label='标题' error={errors.title}>
          <Input
            className='event-title'
            placeholder={`2–${TITLE_MAX} 个字`}
            maxlength={TITLE_MAX}
            disabled={boolAttr(cancelled)}
            value={form.title}
            onInput={(e) => {
              set('title', e.detail.value);
              clearError('title');
            }}
          />
        </Row>
        <Row label='活动介绍' error={errors.description}>
          <Textarea
            className='event-description'
            placeholder='时间安排、参加对象、需要携带的材料等'
            maxlength={DESCRIPTION_MAX}
            autoHeight
            disabled={boolAttr(cancelled)}
            value={form.description}
            onInput={(e) => {
              set('description', e.detail.value);
              clearError('description');
            }}
          />
        </Row>
        <Row label='开始时间' error={errors.startAt}>
          <View className='edit-row__pair'>
            <Picker mode='date' value={form.startDate || today} disabled={boolAttr(cancelled)} onChange={(e) => { set('startDate', e.detail.value); clearError('startAt'); }}>
              <PickerText value={form.startDate} placeholder='选择日期' />
            </Picker>
            <Picker mode='time' value={form.startTime || '09:00'} disabled={boolAttr(cancelled)} onChange={(e) => { set('startTime', e.detail.value); clearError('startAt'); }}>
              <PickerText value={form.startTime} placeholder='选择时间' />
            </Picker>
          </View>
        </Row>
        <Row label='结束时间' error={errors.endAt}>
          <View className='edit-row__pair'>
            <Picker mode='date' value={form.endDate || form.startDate || today} disabled={boolAttr(cancelled)} onChange={(e) => { set('endDate', e.detail.value); clearError('endAt'); }}>
              <PickerText value={form.endDate} placeholder='选择日期' />
            </Picker>
            <Picker mode='time' value={form.endTime || '11:00'} disabled={boolAttr(cancelled)} onChange={(e) => { set('endTime', e.detail.value); clearError('endAt'); }}>
              <PickerText value={form.endTime} placeholder='选择时间' />
            </Picker>
          </View>
        </Row>
        <Row label='地点' error={errors.location}>
          <Input
            className='event-location'
            placeholder='如：佘山镇党群服务中心 2 楼'
            maxlength={LOCATION_MAX}
            disabled={boolAttr(cancelled)}
            value={form.location}
            onInput={(e) => {
              set('location', e.detail.value);
              clearError('location');
            }}
          />
        </Row>
        <Row label='人数上限' error={errors.capacity}>
          <Input
            className='event-capacity'
            type='number'
            placeholder='如：50'
            disabled={boolAttr(cancelled)}
            value={form.capacity}
            onInput={(e) => {
              set('capacity', e.detail.value);
              clearError('capacity');
            }}
          />
        </Row>
        <Row label='报名截止' error={errors.signupDeadline}>
          <View className='edit-row__pair'>
            <Picker mode='date' value={form.deadlineDate || form.startDate || today} disabled={boolAttr(cancelled)} onChange={(e) => { set('deadlineDate', e.detail.value); clearError('signupDeadline'); }}>
              <PickerText value={form.deadlineDate} placeholder='不设则到开始为止' />
            </Picker>
            <Picker mode='time' value={form.deadlineTime || '18:00'} disabled={boolAttr(cancelled)} onChange={(e) => { set('deadlineTime', e.detail.value); clearError('signupDeadline'); }}>
              <PickerText value={form.deadlineTime} placeholder='时间' />
            </Picker>
            {form.deadlineDate || form.deadlineTime ? (
              <Text
                className='edit-row__clear'
                onClick={() => {
                  if (cancelled) return;
                  setForm((f) => ({ ...f, deadlineDate: '', deadlineTime: '' }));
                  clearError('signupDeadline');
                }}
              >
                清除
              </Text>
            ) : null}
          </View>
        </Row>
        <Row label='满员后候补'>
          <Switch aria-label='满员后候补' checked={form.waitlist} color='#c8161d' disabled={boolAttr(cancelled)} onChange={(e) => set('waitlist', e.detail.value)} />
        </Row>
        <Row label='面向人群' error={errors.audience}>
          <Picker
            mode='selector'
            range={AUDIENCE_NAMES}
            value={AUDIENCES.indexOf(form.audience)}
            disabled={boolAttr(cancelled)}
            onChange={(e) => {
              const picked = AUDIENCES[Number(e.detail.value)];
              if (picked) set('audience', picked);
            }}
          >
            <PickerText value={AUDIENCE_LABELS[form.audience]} placeholder='请选择' />
          </Picker>
        </Row>
      </View>

      <View className='event-editor__card'>
        <QuestionsEditor
          questions={form.questions}
          onChange={(questions) => {
            set('questions', questions);
            clearError('questions');
          }}
          error={errors.questions}
          disabled={cancelled}
          locked={signedUp}
        />
      </View>

      {!cancelled ? (
        <View className='event-editor__actions'>
          {status === 'draft' ? (
            <>
              <Button className='event-save-draft' disabled={boolAttr(busy)} onClick={() => void save(false)}>
                保存草稿
              </Button>
              <Button className='event-publish btn-primary' disabled={boolAttr(busy)} onClick={() => void save(true)}>
                发布
              </Button>
            </>
          ) : (
            <Button className='event-save btn-primary' disabled={boolAttr(busy)} onClick={() => void save(false)}>
              保存修改
            </Button>
          )}
        </View>
      ) : null}

      {eventId ? (
        <View className='event-editor__card'>
          <View
            className='event-editor__link'
            onClick={() => void Taro.navigateTo({ url: `/staff/pages/event-registrations/index?eventId=${encodeURIComponent(eventId)}` })}
          >
            <Text>查看报名名单</Text>
            <Text className='event-editor__arrow'>›</Text>
          </View>
        </View>
      ) : null}

      {eventId && !cancelled ? (
        <View className='event-editor__card event-edit__danger'>
          <Text className='event-editor__danger-title'>取消活动</Text>
          <Textarea
            className='cancel-reason'
            placeholder='请填写取消原因（会告知已报名的人）'
            maxlength={200}
            autoHeight
            value={reason}
            onInput={(e) => {
              setReason(e.detail.value);
              setReasonError(null);
            }}
          />
          {reasonError ? <Text className='field-error'>{reasonError}</Text> : null}
          <Button className='event-cancel' disabled={boolAttr(busy)} onClick={() => void cancelEvent()}>
            取消活动
          </Button>
        </View>
      ) : null}
    </View>
  );
}
