/**
 * 确认登录: a staff member scanned the desktop's QR code (我的 → 扫码登录电脑版). The phone says which browser asks and
 * when; 确认 signs that browser in as them, 取消 leaves it signed out (the ticket expires by itself).
 */
import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { QrTicketInfo } from '@shared/sessions';
import { callApi } from '../../../api/callApi';
import { messageOf } from '../../../api/failure';
import { useMutation } from '../../../api/useMutation';
import { boolAttr } from '../../../utils/boolAttr';
import { formatDateTime } from '../../../utils/time';
import './index.scss';

type Stage = { kind: 'loading' } | { kind: 'ask'; info: QrTicketInfo } | { kind: 'done' } | { kind: 'failed'; message: string };

export default function QrConfirmPage() {
  const ticketId = useRouter().params.ticket ?? '';
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });
  const confirming = useMutation({ toast: false });

  useEffect(() => {
    callApi('auth.qrScan', { ticketId })
      .then((info) => setStage({ kind: 'ask', info }))
      .catch((err: unknown) => setStage({ kind: 'failed', message: messageOf(err) }));
  }, [ticketId]);

  const confirm = () =>
    void confirming.run(async () => {
      await callApi('auth.qrConfirm', { ticketId });
      setStage({ kind: 'done' });
    });

  const leave = () => void Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/me/index' }));

  return (
    <View className='qr-confirm'>
      <View className='qr-confirm__screen' aria-hidden>
        <View className='qr-confirm__monitor' />
        <View className='qr-confirm__stand' />
      </View>
      {stage.kind === 'loading' ? <Text className='qr-confirm__hint'>正在读取登录请求…</Text> : null}
      {stage.kind === 'ask' ? (
        <>
          <Text className='qr-confirm__title'>在电脑上登录 佘山两新服务？</Text>
          <View className='qr-confirm__facts'>
            <Text className='qr-confirm__fact'>登录设备：{stage.info.device}</Text>
            <Text className='qr-confirm__fact'>请求时间：{formatDateTime(stage.info.requestedAt)}</Text>
          </View>
          <Text className='qr-confirm__hint'>确认后，这台电脑将以您的身份进入工作台。如果不是您本人操作，请点“取消”。</Text>
          {confirming.message ? <Text className='qr-confirm__error'>{confirming.message}</Text> : null}
          <Button className='qr-confirm__yes btn-primary' disabled={boolAttr(confirming.busy)} onClick={confirm}>
            确认登录
          </Button>
          <Button className='qr-confirm__no' onClick={leave}>
            取消
          </Button>
        </>
      ) : null}
      {stage.kind === 'done' ? (
        <>
          <Text className='qr-confirm__title'>已确认登录</Text>
          <Text className='qr-confirm__hint'>电脑将在几秒内自动进入工作台。</Text>
          <Button className='qr-confirm__no' onClick={leave}>
            完成
          </Button>
        </>
      ) : null}
      {stage.kind === 'failed' ? (
        <>
          <Text className='qr-confirm__title'>无法登录</Text>
          <Text className='qr-confirm__error'>{stage.message}</Text>
          <Button className='qr-confirm__no' onClick={leave}>
            返回
          </Button>
        </>
      ) : null}
    </View>
  );
}
