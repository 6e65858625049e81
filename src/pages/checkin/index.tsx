import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { SelfCheckin } from '@shared/checkins';
import { callApi } from '../../api/callApi';
import { ApiFailure, messageOf } from '../../api/failure';
import { useAction } from '../../api/hooks';
import { useMe } from '../../api/useMe';
import { useMutation } from '../../api/useMutation';
import { SignInFirst } from '../../components/cards/SignInFirst';
import { ListState } from '../../components/ListState';
import { boolAttr } from '../../utils/boolAttr';
import { formatEventTime, inShanghai } from '../../utils/time';
import { readCheckinParams } from './codeParams';
import './index.scss';

/** Opened by the event's check-in code: one tap checks the signed-up person in. */
export default function SelfCheckinPage() {
  const code = readCheckinParams(useRouter().params);
  const who = useMe();
  const event = useAction('events.get', { id: code?.eventId ?? '' }, { enabled: code !== null, version: who.version });
  const [done, setDone] = useState<SelfCheckin | null>(null);
  const checking = useMutation({ toast: false });

  const checkIn = () =>
    checking.run(async () => {
      if (!code) return;
      setDone(await callApi('checkins.self', code));
    });

  if (!code || !event.data) {
    return (
      <View className='self-checkin'>
        <ListState
          loading={event.loading}
          error={code ? event.error : new ApiFailure('NOT_FOUND', '签到码不完整，请重新扫描现场的签到码')}
          empty
          onRetry={() => void event.reload()}
        />
      </View>
    );
  }
  const mine = event.data.myRegistration;
  const attended = done ?? (mine?.status === 'attended' ? { status: 'attended' as const, attendedAt: null, justNow: false } : null);
  return (
    <View className='self-checkin'>
      <View className='self-checkin__card'>
        <Text className='self-checkin__title'>{event.data.title}</Text>
        <Text className='self-checkin__meta'>{formatEventTime(event.data.startAt, event.data.endAt)}</Text>
        <Text className='self-checkin__meta'>{event.data.location}</Text>
      </View>
      {!who.signedIn ? (
        <SignInFirst then='签到' />
      ) : attended ? (
        <View className='self-checkin__result self-checkin__result--ok' role='status'>
          <Text className='self-checkin__big'>{attended.justNow ? '签到成功' : '您已签到'}</Text>
          {attended.attendedAt ? <Text>{`签到时间 ${inShanghai(attended.attendedAt).format('HH:mm')}`}</Text> : null}
          <Button className='btn-secondary' size='mini' onClick={() => void Taro.redirectTo({ url: `/pages/events/detail?id=${encodeURIComponent(event.data!.id)}` })}>
            查看活动
          </Button>
        </View>
      ) : (
        <View className='self-checkin__action'>
          <Button className='self-checkin-submit btn-primary' disabled={boolAttr(checking.busy)} onClick={() => void checkIn()}>
            我已到场，签到
          </Button>
          {checking.error ? (
            <View className='self-checkin__error' role='alert'>
              <Text>{messageOf(checking.error)}</Text>
            </View>
          ) : null}
        </View>
      )}
    </View>
  );
}
