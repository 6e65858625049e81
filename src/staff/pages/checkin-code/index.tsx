import Taro, { useRouter } from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import { ApiFailure } from '../../../api/failure';
import { useAction } from '../../../api/hooks';
import { ListState } from '../../../components/ListState';
import { formatEventTime } from '../../../utils/time';
import { print } from './print';
import './index.scss';

/**
 * The event's own check-in code, for staff to put on a screen or print: people who signed up scan it and check
 * themselves in. In WeChat the 小程序码 opens the mini-program; the QR code opens the H5 page.
 */
export default function CheckinCodePage() {
  const eventId = useRouter().params.eventId ?? '';
  const event = useAction('events.get', { id: eventId }, { enabled: eventId !== '' });
  const code = useAction('checkins.eventCode', { eventId }, { enabled: eventId !== '' });
  const image = code.data?.miniProgramCode ?? code.data?.qr ?? null;

  if (!event.data || !code.data) {
    return (
      <View className='checkin-code-page'>
        <ListState
          loading={event.loading || code.loading}
          error={eventId ? event.error ?? code.error : new ApiFailure('NOT_FOUND', '没有指定活动')}
          empty
          onRetry={() => void Promise.all([event.reload(), code.reload()])}
        />
      </View>
    );
  }
  return (
    <View className='checkin-code-page'>
      <View className='checkin-code-page__sheet'>
        <Text className='checkin-code-page__title'>{event.data.title}</Text>
        <Text className='checkin-code-page__meta'>{formatEventTime(event.data.startAt, event.data.endAt)}</Text>
        <Text className='checkin-code-page__meta'>{event.data.location}</Text>
        {image ? (
          <Image
            className='checkin-code-page__qr'
            src={image}
            mode='aspectFit'
            nativeProps={{ alt: '活动签到码' }}
            onClick={() => void Taro.previewImage({ urls: [image] })}
          />
        ) : (
          <Text className='checkin-code-page__meta'>签到码暂时无法生成，请稍后重试</Text>
        )}
        <Text className='checkin-code-page__call'>已报名的朋友请扫码签到</Text>
        <Text className='checkin-code-page__hint'>活动开始前 2 小时至活动结束可以签到</Text>
      </View>
      {print ? (
        <Button className='checkin-code-print btn-secondary' onClick={print}>
          打印签到码
        </Button>
      ) : null}
    </View>
  );
}
