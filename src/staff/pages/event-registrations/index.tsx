import { useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { registrationLabel } from '@shared/labels';
import { answerText } from '@shared/questions';
import type { RegistrationStatus, RegistrationWithUser } from '@shared/registrations';
import { callApi } from '../../../api/callApi';
import { ApiFailure } from '../../../api/failure';
import { useAction } from '../../../api/hooks';
import { useMutation } from '../../../api/useMutation';
import { FilterTabs, type FilterOption } from '../../../components/FilterTabs';
import { ListState } from '../../../components/ListState';
import { ExportButton } from '../../../components/ExportButton';
import { boolAttr } from '../../../utils/boolAttr';
import { formatDateTime, formatEventTime } from '../../../utils/time';
import './index.scss';

const STATUS_TABS: readonly FilterOption<RegistrationStatus>[] = [
  { value: 'confirmed', label: '已报名' },
  { value: 'waitlisted', label: '候补' },
  { value: 'attended', label: '已签到' },
  { value: 'cancelled', label: '已取消' },
];

export default function EventRegistrationsPage() {
  const eventId = useRouter().params.eventId ?? '';
  const [status, setStatus] = useState<RegistrationStatus>('confirmed');
  const event = useAction('events.get', { id: eventId }, { enabled: eventId !== '' });
  const list = useAction('registrations.listByEvent', { eventId, status }, { enabled: eventId !== '' });
  const checkingIn = useMutation();

  usePullDownRefresh(() => {
    void Promise.all([event.reload(), list.reload()]).finally(() => Taro.stopPullDownRefresh());
  });

  const checkIn = (registration: RegistrationWithUser) =>
    checkingIn.run(async () => {
      await callApi('registrations.checkIn', { id: registration.id });
      void Taro.showToast({ title: `${registration.contact.name} 已签到`, icon: 'success' });
      void Promise.all([event.reload(), list.reload()]);
    });

  // Undoing is for a tap on the wrong name: the server allows it on the day of the check-in and keeps it on the record.
  const undo = async (registration: RegistrationWithUser) => {
    const { confirm } = await Taro.showModal({
      title: '撤销签到',
      content: `撤销 ${registration.contact.name} 的签到？撤销会记录在案。`,
      confirmText: '撤销',
      confirmColor: '#c8161d',
    });
    if (!confirm) return;
    await checkingIn.run(async () => {
      await callApi('checkins.undo', { registrationId: registration.id });
      void Taro.showToast({ title: '已撤销签到', icon: 'success' });
      void Promise.all([event.reload(), list.reload()]);
    });
  };

  const rows = list.data ?? [];
  return (
    <View className='event-registrations'>
      {event.data ? (
        <View className='event-registrations__head'>
          <Text className='event-registrations__title'>{event.data.title}</Text>
          <Text className='event-registrations__meta'>{formatEventTime(event.data.startAt, event.data.endAt)}</Text>
          <Text className='event-registrations__meta'>
            {`名额 ${event.data.capacity} · 已报名 ${event.data.confirmedCount} · 候补 ${event.data.waitlistCount}`}
          </Text>
          <ExportButton className='registrations-export' request={() => callApi('exports.registrations', { eventId })} />
          {event.data.status === 'published' ? (
            <View className='event-registrations__checkin'>
              <Button
                className='registrations-scan btn-primary'
                size='mini'
                onClick={() => void Taro.navigateTo({ url: `/staff/pages/checkin/index?eventId=${encodeURIComponent(eventId)}` })}
              >
                扫码签到
              </Button>
              <Button
                className='registrations-code btn-secondary'
                size='mini'
                onClick={() => void Taro.navigateTo({ url: `/staff/pages/checkin-code/index?eventId=${encodeURIComponent(eventId)}` })}
              >
                活动签到码
              </Button>
            </View>
          ) : null}
        </View>
      ) : null}
      <FilterTabs options={STATUS_TABS} value={status} onChange={setStatus} />
      <ListState
        loading={list.loading}
        error={eventId ? list.error : new ApiFailure('NOT_FOUND', '没有指定活动')}
        empty={rows.length === 0}
        emptyText='暂无名单'
        onRetry={() => void list.reload()}
      />
      {rows.map((r) => (
        <View key={r.id} className='registration-row'>
          <View className='registration-row__main'>
            <Text className='registration-row__name'>{r.contact.name}</Text>
            <Text className='registration-row__phone' userSelect>
              {r.contact.phone}
            </Text>
            <Text className='registration-row__meta'>
              {`${registrationLabel(r.status, r.position)} · ${formatDateTime(r.createdAt)} 报名`}
              {r.attendedAt ? ` · ${formatDateTime(r.attendedAt)} 签到` : ''}
            </Text>
            {(event.data?.questions ?? []).map((q) =>
              r.answers[q.id] === undefined ? null : (
                <Text key={q.id} className='registration-row__answer'>
                  <Text className='registration-row__question'>{`${q.label}：`}</Text>
                  {answerText(r.answers[q.id])}
                </Text>
              ),
            )}
          </View>
          {r.status === 'confirmed' ? (
            <Button
              className='registration-checkin btn-primary'
              size='mini'
              disabled={boolAttr(checkingIn.busy)}
              onClick={() => void checkIn(r)}
            >
              签到
            </Button>
          ) : null}
          {r.status === 'attended' ? (
            <Button
              className='registration-checkin btn-secondary'
              size='mini'
              disabled={boolAttr(checkingIn.busy)}
              onClick={() => void undo(r)}
            >
              撤销签到
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  );
}
