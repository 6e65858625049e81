import { useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { registrationLabel } from '@shared/labels';
import type { RegistrationStatus, RegistrationWithUser } from '@shared/registrations';
import { callApi } from '../../../api/callApi';
import { ApiFailure, messageOf } from '../../../api/failure';
import { useAction } from '../../../api/hooks';
import { FilterTabs, type FilterOption } from '../../../components/FilterTabs';
import { ListState } from '../../../components/ListState';
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
  const [checkingIn, setCheckingIn] = useState<string | null>(null);

  usePullDownRefresh(() => {
    void Promise.all([event.reload(), list.reload()]).finally(() => Taro.stopPullDownRefresh());
  });

  const checkIn = async (registration: RegistrationWithUser) => {
    setCheckingIn(registration.id);
    try {
      await callApi('registrations.checkIn', { id: registration.id });
      void Taro.showToast({ title: `${registration.contact.name} 已签到`, icon: 'success' });
      void Promise.all([event.reload(), list.reload()]);
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setCheckingIn(null);
    }
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
          </View>
          {r.status === 'confirmed' ? (
            <Button
              className='registration-checkin btn-primary'
              size='mini'
             
              disabled={boolAttr(checkingIn !== null)}
              onClick={() => void checkIn(r)}
            >
              签到
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  );
}
