/**
 * The desktop console's sign-in (H5, self-hosted): a one-time QR code a staff member scans with the mini-program
 * (我的 → 扫码登录电脑版). The ticket's secret stays in this page's memory; the page asks every 1.5 s and is signed in
 * within moments of 确认 on the phone. A ticket lasts 2 minutes; a new one is a tap away.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { QrTicket } from '@shared/sessions';
import { callApi } from '../../../api/callApi';
import { ApiFailure, messageOf } from '../../../api/failure';
import { hasIdentity, rememberSession } from '../../../api/identity';
import { formatDateTime } from '../../../utils/time';
import './index.scss';

const POLL_EVERY_MS = 1500;
const WORKBENCH = '/staff/pages/workbench/index';

type Stage =
  | { kind: 'asking' }
  | { kind: 'waiting'; ticket: QrTicket; scanned: boolean }
  | { kind: 'signed-in' }
  | { kind: 'stopped'; message: string };

export default function LoginPage() {
  const [stage, setStage] = useState<Stage>(() => (hasIdentity() ? { kind: 'signed-in' } : { kind: 'asking' }));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const alive = useRef(true);

  const stop = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const poll = useCallback((ticket: QrTicket) => {
    timer.current = setTimeout(() => {
      callApi('auth.qrPoll', { ticketId: ticket.ticketId, secret: ticket.secret })
        .then((answer) => {
          if (!alive.current) return;
          if (answer.status === 'confirmed') {
            rememberSession(answer.token);
            setStage({ kind: 'signed-in' });
            void Taro.redirectTo({ url: WORKBENCH });
            return;
          }
          setStage({ kind: 'waiting', ticket, scanned: answer.status === 'scanned' });
          poll(ticket);
        })
        .catch((err: unknown) => {
          if (!alive.current) return;
          // A dropped connection is worth another try; a refusal (expired, used) is final for this code.
          if (err instanceof ApiFailure && err.code === 'NETWORK') return poll(ticket);
          setStage({ kind: 'stopped', message: messageOf(err) });
        });
    }, POLL_EVERY_MS);
  }, []);

  const ask = useCallback(() => {
    stop();
    setStage({ kind: 'asking' });
    callApi('auth.qrTicket', {})
      .then((ticket) => {
        if (!alive.current) return;
        setStage({ kind: 'waiting', ticket, scanned: false });
        poll(ticket);
      })
      .catch((err: unknown) => alive.current && setStage({ kind: 'stopped', message: messageOf(err) }));
  }, [poll]);

  useEffect(() => {
    alive.current = true;
    if (!hasIdentity()) ask();
    return () => {
      alive.current = false;
      stop();
    };
  }, [ask]);

  return (
    <View className='login-page'>
      <View className='login-card'>
        <Text className='login-card__title'>佘山两新服务 · 工作台</Text>
        <Text className='login-card__subtitle'>工作人员扫码登录</Text>

        {stage.kind === 'signed-in' ? (
          <View className='login-card__done'>
            <Text className='login-card__status'>已登录</Text>
            <Button className='btn-primary login-card__go' onClick={() => void Taro.redirectTo({ url: WORKBENCH })}>
              进入工作台
            </Button>
          </View>
        ) : (
          <View className='login-card__qr-box'>
            {stage.kind === 'waiting' ? (
              // A background, not an <img>: the code means nothing read aloud; the status line below says what to do with it.
              <View className='login-card__qr login-card__qr--code' style={{ backgroundImage: `url("${stage.ticket.qr}")` }} />
            ) : (
              <View className='login-card__qr login-card__qr--empty'>
                <Text>{stage.kind === 'asking' ? '正在生成二维码…' : '二维码已失效'}</Text>
              </View>
            )}
          </View>
        )}

        {stage.kind === 'waiting' ? (
          <>
            <Text className={`login-card__status${stage.scanned ? ' login-card__status--scanned' : ''}`}>
              {stage.scanned ? '已扫码，请在手机上确认登录' : '请使用微信小程序扫码'}
            </Text>
            <Text className='login-card__expiry'>二维码 {formatDateTime(stage.ticket.expiresAt)} 前有效，仅可使用一次</Text>
            <Button className='login-card__again refresh-qr' size='mini' onClick={ask}>
              换一个二维码
            </Button>
          </>
        ) : null}
        {stage.kind === 'stopped' ? (
          <>
            <Text className='login-card__error'>{stage.message}</Text>
            <Button className='btn-primary login-card__go refresh-qr' onClick={ask}>
              刷新二维码
            </Button>
          </>
        ) : null}

        {stage.kind !== 'signed-in' ? (
          <View className='login-card__steps'>
            <Text className='login-card__step'>1. 在微信中打开「佘山两新服务」小程序</Text>
            <Text className='login-card__step'>2. 进入“我的”，点“扫码登录电脑版”</Text>
            <Text className='login-card__step'>3. 扫描上方二维码，在手机上点“确认登录”</Text>
            <Text className='login-card__note'>仅限综合党委工作人员使用。群众和企业请直接使用微信小程序。</Text>
          </View>
        ) : null}
      </View>
    </View>
  );
}
