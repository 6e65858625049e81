import { useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { ROLE_LABELS, registrationLabel } from '@shared/labels';
import type { RegistrationWithEvent } from '@shared/registrations';
import { callApi } from '../../api/callApi';
import { useAction } from '../../api/hooks';
import { useMutation } from '../../api/useMutation';
import { canSignInWithMp, canSwitchPersona, rememberSession, signInWithMp, signOut, usesSessions } from '../../api/identity';
import { useMe } from '../../api/useMe';
import { ListState } from '../../components/ListState';
import { formatEventTime } from '../../utils/time';
import { PersonaPicker } from './PersonaPicker';
import { scanDesktopLogin, signOutHere } from './signIn';
import { TicketToggle, hasTicket } from './TicketToggle';
import './index.scss';

function openEvent(registration: RegistrationWithEvent): void {
  void Taro.navigateTo({ url: `/pages/events/detail?id=${encodeURIComponent(registration.eventId)}` });
}

export default function MePage() {
  const who = useMe();
  const mine = useAction('registrations.mine', {}, { enabled: who.signedIn, version: who.version });
  const switching = useMutation();
  // The demo's persona picker is for getting in; once in, it folds away below what the person came for.
  const [switchOpen, setSwitchOpen] = useState(false);
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
      setSwitchOpen(false);
      who.recheck();
      void Taro.showToast({ title: `已登录：${user.openid}`, icon: 'none' });
    });

  const logout = async () => {
    await signOutHere();
    signOut();
    who.recheck();
  };
  const isH5 = process.env.TARO_ENV === 'h5';

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
            {canSignInWithMp ? (
              <Button className='mp-login btn-primary' size='mini' onClick={signInWithMp}>
                微信登录
              </Button>
            ) : null}
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
        {(canSwitchPersona || isH5) && who.signedIn ? (
          <Button className='logout' size='mini' onClick={() => void logout()}>
            退出
          </Button>
        ) : null}
      </View>

      {isStaff ? (
        <View className='me-page__card me-page__links'>
          <View aria-role='link' className='me-page__link workbench-entry' onClick={() => void Taro.navigateTo({ url: '/staff/pages/workbench/index' })}>
            <Text>工作台</Text>
            <Text className='me-page__arrow' aria-hidden='true'>›</Text>
          </View>
          {usesSessions && !isH5 ? (
            <View aria-role='link' className='me-page__link desktop-login-entry' onClick={() => void scanDesktopLogin()}>
              <Text>扫码登录电脑版</Text>
              <Text className='me-page__arrow' aria-hidden='true'>›</Text>
            </View>
          ) : null}
          {isAdmin ? (
            <View aria-role='link' className='me-page__link roles-entry' onClick={() => void Taro.navigateTo({ url: '/staff/pages/roles/index' })}>
              <Text>角色管理</Text>
              <Text className='me-page__arrow' aria-hidden='true'>›</Text>
            </View>
          ) : null}
        </View>
      ) : null}

      {who.signedIn ? (
        <View className='me-page__card me-page__links'>
          <View aria-role='link' className='me-page__link intent-entry' onClick={() => void Taro.navigateTo({ url: '/party/pages/intent/index' })}>
            <Text>入党意向</Text>
            <Text className='me-page__arrow' aria-hidden='true'>›</Text>
          </View>
          <View aria-role='link' className='me-page__link report-entry' onClick={() => void Taro.navigateTo({ url: '/party/pages/member-report/index' })}>
            <Text>党员报到</Text>
            <Text className='me-page__arrow' aria-hidden='true'>›</Text>
          </View>
        </View>
      ) : null}

      {who.signedIn ? (
        <View className='me-page__card me-page__links'>
          <View aria-role='link' className='me-page__link applications-entry' onClick={() => void Taro.navigateTo({ url: '/career/pages/applications/index' })}>
            <Text>我的求职</Text>
            <Text className='me-page__arrow' aria-hidden='true'>›</Text>
          </View>
          <View aria-role='link' className='me-page__link guidance-entry' onClick={() => void Taro.navigateTo({ url: '/career/pages/guidance/index' })}>
            <Text>就业指导</Text>
            <Text className='me-page__arrow' aria-hidden='true'>›</Text>
          </View>
          <View aria-role='link' className='me-page__link stations-entry' onClick={() => void Taro.navigateTo({ url: '/station/pages/list/index' })}>
            <Text>党群服务站</Text>
            <Text className='me-page__arrow' aria-hidden='true'>›</Text>
          </View>
          <View aria-role='link' className='me-page__link enterprise-entry' onClick={() => void Taro.navigateTo({ url: '/hr/pages/center/index' })}>
            <Text>企业中心</Text>
            <Text className='me-page__arrow' aria-hidden='true'>›</Text>
          </View>
        </View>
      ) : null}

      {who.signedIn && usesSessions ? (
        <View className='me-page__card me-page__links'>
          <View aria-role='link' className='me-page__link sessions-entry' onClick={() => void Taro.navigateTo({ url: '/account/pages/sessions/index' })}>
            <Text>登录设备</Text>
            <Text className='me-page__arrow' aria-hidden='true'>›</Text>
          </View>
        </View>
      ) : null}

      {isH5 && !who.signedIn ? (
        <View className='me-page__card me-page__links'>
          <View aria-role='link' className='me-page__link staff-login-entry' onClick={() => void Taro.navigateTo({ url: '/account/pages/login/index' })}>
            <Text>工作人员扫码登录（电脑）</Text>
            <Text className='me-page__arrow' aria-hidden='true'>›</Text>
          </View>
        </View>
      ) : null}

      {canSwitchPersona && !who.signedIn ? (
        <View className='me-page__card'>
          <PersonaPicker busy={switching.busy} onPick={(openid) => void login(openid)} />
        </View>
      ) : null}

      {who.signedIn ? (
        <View className='me-page__card'>
          <Text className='me-page__section-title' aria-role='heading' aria-level='2'>
            我的报名
          </Text>
          <ListState
            loading={mine.loading}
            error={mine.error}
            empty={registrations.length === 0}
            emptyText='还没有报名任何活动'
            onRetry={() => void mine.reload()}
          />
          {registrations.map((r) => (
            <View key={r.id}>
              <View className='my-registration' aria-role='link' onClick={() => openEvent(r)}>
                <View className='my-registration__main'>
                  <Text className='my-registration__title'>{r.event.title}</Text>
                  <Text className='my-registration__time'>{formatEventTime(r.event.startAt, r.event.endAt)}</Text>
                </View>
                <Text className={`my-registration__status registration-status--${r.status}`}>
                  {registrationLabel(r.status, r.position)}
                </Text>
              </View>
              {hasTicket(r) ? <TicketToggle registration={r} /> : null}
            </View>
          ))}
        </View>
      ) : null}
      {canSwitchPersona && who.signedIn ? (
        <View className='me-page__card me-page__switch'>
          {switchOpen ? (
            <PersonaPicker busy={switching.busy} onPick={(openid) => void login(openid)} />
          ) : (
            <View aria-role='button' className='me-page__link persona-switch' onClick={() => setSwitchOpen(true)}>
              <Text>切换演示身份</Text>
              <Text className='me-page__arrow' aria-hidden='true'>›</Text>
            </View>
          )}
        </View>
      ) : null}
    </View>
  );
}
