import { Image, Text, View } from '@tarojs/components';
import { formatTicketCode } from '@shared/plain/checkins';
import { useAction } from '../../api/hooks';
import { ListState } from '../ListState';
import './index.scss';

/**
 * A confirmed person's ticket: the QR code staff scan and the short code to read out when scanning fails. The server
 * makes the code the first time the ticket is opened.
 */
export function Ticket({ registrationId, attended = false }: { registrationId: string; attended?: boolean }) {
  const ticket = useAction('registrations.ticket', { registrationId });
  if (!ticket.data) {
    return (
      <View className='ticket'>
        <ListState loading={ticket.loading} error={ticket.error} empty emptyText='暂无签到码' onRetry={() => void ticket.reload()} />
      </View>
    );
  }
  return (
    <View className='ticket'>
      <Text className='ticket__title'>{attended ? '已签到 · 我的签到码' : '入场签到码'}</Text>
      <Image className='ticket__qr' src={ticket.data.qr} mode='aspectFit' nativeProps={{ alt: '签到二维码' }} />
      <Text className='ticket__code' userSelect>
        {formatTicketCode(ticket.data.code)}
      </Text>
      <Text className='ticket__hint'>到场后请出示二维码，由工作人员扫码签到；扫不出时报上方的签到码。</Text>
    </View>
  );
}
