import { useState } from 'react';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { MyRegistration } from '@shared/events';
import { AUDIENCE_LABELS, EVENT_STATUS_LABELS, EVENT_TYPE_LABELS, registrationLabel } from '@shared/labels';
import type { Contact } from '@shared/registrations';
import type { Answers } from '@shared/questions';
import { callApi } from '../../api/callApi';
import { requestSubscribe } from '../../api/subscribe';
import { ApiFailure, messageOf } from '../../api/failure';
import { useAction } from '../../api/hooks';
import { useMutation } from '../../api/useMutation';
import { useMe } from '../../api/useMe';
import { seatsText } from '@shared/plain/events';
import { ListState } from '../../components/ListState';
import { Ticket } from '../../components/Ticket';
import { boolAttr } from '../../utils/boolAttr';
import { formatDateTime, formatEventTime } from '../../utils/time';
import { FairSection } from './detail/FairSection';
import { StaffCheckin } from './detail/StaffCheckin';
import { RelatedPolicies } from './detail/RelatedPolicies';
import { SignupForm, type ContactErrors } from './detail/SignupForm';
import { signupBlocker } from './detail/signupGate';
import { SignInPointer } from '../../components/SignInPointer';
import './detail.scss';

/** Registrations that still hold (or wait for) a seat can be cancelled by their owner. */
const CANCELLABLE = new Set<MyRegistration['status']>(['confirmed', 'waitlisted']);

function contactErrorsOf(error: unknown): ContactErrors | undefined {
  if (!(error instanceof ApiFailure) || error.code !== 'INVALID_INPUT') return undefined;
  const errors: ContactErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[issue.path.length - 1];
    if (field === 'name' || field === 'phone') errors[field] = issue.message;
  }
  return errors;
}

/** The server's messages about answers, by question id (issue path ['answers', id]). */
function answerErrorsOf(error: unknown): Record<string, string> | undefined {
  if (!(error instanceof ApiFailure) || error.code !== 'INVALID_INPUT') return undefined;
  const errors: Record<string, string> = {};
  for (const issue of error.issues) if (issue.path[0] === 'answers' && typeof issue.path[1] === 'string') errors[issue.path[1]] ??= issue.message;
  return errors;
}

export default function EventDetailPage() {
  const id = useRouter().params.id ?? '';
  const detail = useAction('events.get', { id }, { enabled: id !== '' });
  const who = useMe();
  const [justMade, setJustMade] = useState<MyRegistration | null>(null);
  // Sign-up and cancel are never offered together: one change at a time, its failure shown on the page.
  const change = useMutation({ toast: false });
  const failure = change.error;

  const event = detail.data;
  useShareAppMessage(() => ({ title: event?.title ?? '佘山两新服务', path: `/pages/events/detail?id=${id}` }));

  const refresh = async () => {
    await detail.reload();
    setJustMade(null);
  };

  const signUp = async (contact: Contact, answers: Answers) => {
    void requestSubscribe('signup');
    await change.run(async () => {
      const made = await callApi('registrations.create', { eventId: id, contact, answers });
      // Shown at once; the reload below brings seats and status from the server.
      setJustMade({ id: made.id, status: made.status, position: made.position });
      void Taro.showToast({ title: made.status === 'waitlisted' ? '已加入候补' : '报名成功', icon: 'success' });
      void refresh();
    });
  };

  const cancel = async (registration: MyRegistration) => {
    const answer = await Taro.showModal({
      title: '取消报名',
      content: '确定要取消报名吗？名额会让给候补的人。',
      confirmText: '确认',
      cancelText: '再想想',
      confirmColor: '#c8161d',
    });
    if (!answer.confirm) return;
    await change.run(async () => {
      await callApi('registrations.cancel', { id: registration.id });
      setJustMade({ ...registration, status: 'cancelled', position: null });
      void Taro.showToast({ title: '已取消报名', icon: 'none' });
      void refresh();
    });
  };

  if (!id) {
    return (
      <View className='event-detail'>
        <ListState loading={false} error={new ApiFailure('NOT_FOUND', '没有指定活动')} empty onRetry={() => Taro.navigateBack()} />
      </View>
    );
  }
  if (!event) {
    return (
      <View className='event-detail'>
        <ListState loading={detail.loading} error={detail.error} empty emptyText='活动不存在' onRetry={() => void detail.reload()} />
      </View>
    );
  }

  const mine = justMade ?? event.myRegistration;
  const holdsSeat = mine !== null && mine.status !== 'cancelled';
  const blocker = signupBlocker(event);

  return (
    <View className='event-detail'>
      <View className='event-detail__head'>
        <View className='event-detail__tags'>
          <Text className={`event-card__type event-card__type--${event.type}`}>{EVENT_TYPE_LABELS[event.type]}</Text>
          {event.status !== 'published' ? (
            <Text className='event-detail__state'>{EVENT_STATUS_LABELS[event.status]}</Text>
          ) : null}
        </View>
        <Text className='event-detail__title'>{event.title}</Text>
      </View>

      <View className='event-detail__info'>
        <InfoRow label='时间' value={formatEventTime(event.startAt, event.endAt)} />
        <InfoRow label='地点' value={event.location} />
        <InfoRow label='名额' value={`共 ${event.capacity} 个，${seatsText(event)}`} />
        {event.waitlistCount > 0 ? <InfoRow label='候补' value={`${event.waitlistCount} 人在候补`} /> : null}
        <InfoRow label='面向' value={AUDIENCE_LABELS[event.audience]} />
        {event.signupDeadline ? <InfoRow label='报名截止' value={formatDateTime(event.signupDeadline)} /> : null}
        {event.status === 'cancelled' && event.cancelReason ? <InfoRow label='取消原因' value={event.cancelReason} /> : null}
      </View>

      {event.description ? (
        <View className='event-detail__section'>
          <Text className='event-detail__section-title'>活动介绍</Text>
          <Text className='event-detail__description' userSelect>
            {event.description}
          </Text>
        </View>
      ) : null}

      {event.type === 'fair' && event.status !== 'draft' ? <FairSection eventId={event.id} /> : null}

      <RelatedPolicies policies={event.policies} />

      {who.me?.roles.some((r) => r === 'staff' || r === 'admin') && event.status === 'published' ? <StaffCheckin eventId={event.id} /> : null}

      <View className='event-detail__section'>
        <Text className='event-detail__section-title'>报名</Text>
        {mine ? (
          <View className='event-detail__mine'>
            <Text className={`registration-status registration-status--${mine.status}`}>
              {registrationLabel(mine.status, mine.position)}
            </Text>
            {CANCELLABLE.has(mine.status) ? (
              <Button className='registration-cancel' size='mini' disabled={boolAttr(change.busy)} onClick={() => void cancel(mine)}>
                取消报名
              </Button>
            ) : null}
          </View>
        ) : null}
        {mine && (mine.status === 'confirmed' || mine.status === 'attended') && event.status === 'published' ? (
          <Ticket registrationId={mine.id} attended={mine.status === 'attended'} />
        ) : null}

        {failure ? <Text className='signup-error'>{messageOf(failure)}</Text> : null}

        {holdsSeat ? null : !who.signedIn ? (
          <SignInPointer verb='报名' className='event-detail__login' />
        ) : blocker ? (
          <Text className='signup-closed'>{blocker}</Text>
        ) : who.loading && !who.me ? (
          // The form waits for the profile so it starts prefilled (Taro's H5 inputs dislike a value set just after mount).
          <Text className='event-detail__hint'>加载中…</Text>
        ) : (
          <SignupForm
            initial={{ name: who.me?.profile.name, phone: who.me?.profile.phone }}
            submitting={change.busy}
            errors={contactErrorsOf(failure)}
            questions={event.questions}
            answerErrors={answerErrorsOf(failure)}
            onSubmit={(contact, answers) => void signUp(contact, answers)}
          />
        )}
        {event.seatsLeft <= 0 && event.waitlist && !holdsSeat && !blocker && who.signedIn ? (
          <Text className='event-detail__hint'>名额已满，提交后将进入候补，有人取消时按顺序递补。</Text>
        ) : null}
      </View>
    </View>
  );
}

function InfoRow({ label, value }: { label: string; value: string }) {
  return (
    <View className='info-row'>
      <Text className='info-row__label'>{label}</Text>
      <Text className='info-row__value'>{value}</Text>
    </View>
  );
}
