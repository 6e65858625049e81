import { useRef } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { ROLE_LABELS, registrationLabel } from '@shared/labels';
import type { RegistrationWithEvent } from '@shared/registrations';
import { callApi } from '../../api/callApi';
import { useAction } from '../../api/hooks';
import { useMutation } from '../../api/useMutation';
import { canSwitchPersona, rememberSession, signOut } from '../../api/identity';
import { useMe } from '../../api/useMe';
import { ListState } from '../../components/ListState';
import { formatEventTime } from '../../utils/time';
import { PersonaPicker } from './PersonaPicker';
import './index.scss';

function openEvent(registration: RegistrationWithEvent): void {
  void Taro.navigateTo({ url: `/pages/events/detail?id=${encodeURIComponent(registration.eventId)}` });
}

export default function MePage() {
  const who = useMe();
  const mine = useAction('registrations.mine', {}, { enabled: who.signedIn, version: who.version });
  const switching = useMutation();
  const firstShow = useRef(true);

  // Coming back from an event page: sign-ups may have changed.
  useDidShow(() => {
    if (firstShow.current) {
      firstShow.current = false;
      return;
    }
    if (who.signedIn) void Promise.all([who.reload(), mine.reload()]);
  });
  usePullDownRefresh(() => {
    const work = who.signedIn ? Promise.all([who.reload(), mine.reload()]) : Promise.resolve();
    void work.finally(() => Taro.stopPullDownRefresh());
  });

  const login = (openid: string) =>
    switching.run(async () => {
      const { token, user } = await callApi('auth.demoLogin', { openid });
      rememberSession(token);
      who.recheck();
      void Taro.showToast({ title: `已登录：${user.openid}`, icon: 'none' });
    });

  const logout = () => {
    signOut();
    who.recheck();
  };

  const roles = who.me?.roles ?? [];
  const isStaff = roles.includes('staff') || roles.includes('admin');
  const isAdmin = roles.includes('admin');
  const registrations = mine.data ?? [];

  return (
    <View className='me-page'>
      <View className='me-page__card me-page__who'>
        {!who.signedIn ? (
          <>
            <Text className='me-page__name'>尚未登录</Text>
            {canSwitchPersona ? null : <Text className='me-page__hint'>请在微信小程序中使用报名等功能</Text>}
          </>
        ) : who.me ? (
          <>
            <Text className='me-page__name'>{who.me.profile.name ?? '未填写姓名'}</Text>
            <Text className='me-page__roles'>{roles.map((r) => ROLE_LABELS[r]).join('、')}</Text>
            <Text className='me-page__openid'>{who.me.openid}</Text>
            {who.me.profile.enterprise ? <Text className='me-page__enterprise'>{who.me.profile.enterprise.name}</Text> : null}
          </>
        ) : (
          <ListState loading={who.loading} error={who.error} empty emptyText='' onRetry={() => void who.reload()} />
        )}
        {canSwitchPersona && who.signedIn ? (
          <Button className='logout' size='mini' onClick={logout}>
            退出
          </Button>
        ) : null}
      </View>

      {isStaff ? (
        <View className='me-page__card me-page__links'>
          <View className='me-page__link workbench-entry' onClick={() => void Taro.navigateTo({ url: '/staff/pages/workbench/index' })}>
            <Text>工作台</Text>
            <Text className='me-page__arrow'>›</Text>
          </View>
          {isAdmin ? (
            <View className='me-page__link roles-entry' onClick={() => void Taro.navigateTo({ url: '/staff/pages/roles/index' })}>
              <Text>角色管理</Text>
              <Text className='me-page__arrow'>›</Text>
            </View>
          ) : null}
        </View>
      ) : null}

      {who.signedIn ? (
        <View className='me-page__card me-page__links'>
          <View className='me-page__link intent-entry' onClick={() => void Taro.navigateTo({ url: '/pages/intent/index' })}>
            <Text>入党意向</Text>
            <Text className='me-page__arrow'>›</Text>
          </View>
          <View className='me-page__link report-entry' onClick={() => void Taro.navigateTo({ url: '/pages/member-report/index' })}>
            <Text>党员报到</Text>
            <Text className='me-page__arrow'>›</Text>
          </View>
        </View>
      ) : null}

      {who.signedIn ? (
        <View className='me-page__card me-page__links'>
          <View className='me-page__link applications-entry' onClick={() => void Taro.navigateTo({ url: '/career/pages/applications/index' })}>
            <Text>我的求职</Text>
            <Text className='me-page__arrow'>›</Text>
          </View>
          <View className='me-page__link guidance-entry' onClick={() => void Taro.navigateTo({ url: '/career/pages/guidance/index' })}>
            <Text>就业指导</Text>
            <Text className='me-page__arrow'>›</Text>
          </View>
          <View className='me-page__link enterprise-entry' onClick={() => void Taro.navigateTo({ url: '/hr/pages/center/index' })}>
            <Text>企业中心</Text>
            <Text className='me-page__arrow'>›</Text>
          </View>
        </View>
      ) : null}

      {canSwitchPersona ? (
        <View className='me-page__card'>
          <PersonaPicker busy={switching.busy} onPick={(openid) => void login(openid)} />
        </View>
      ) : null}

      {who.signedIn ? (
        <View className='me-page__card'>
          <Text className='me-page__section-title'>我的报名</Text>
          <ListState
            loading={mine.loading}
            error={mine.error}
            empty={registrations.length === 0}
            emptyText='还没有报名任何活动'
            onRetry={() => void mine.reload()}
          />
          {registrations.map((r) => (
            <View key={r.id} className='my-registration' onClick={() => openEvent(r)}>
              <View className='my-registration__main'>
                <Text className='my-registration__title'>{r.event.title}</Text>
                <Text className='my-registration__time'>{formatEventTime(r.event.startAt, r.event.endAt)}</Text>
              </View>
              <Text className={`my-registration__status registration-status--${r.status}`}>
                {registrationLabel(r.status, r.position)}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
