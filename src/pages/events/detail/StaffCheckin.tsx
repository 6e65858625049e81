import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { AttendanceFigures } from '../../../components/Attendance';

const go = (url: string) => void Taro.navigateTo({ url });

/** For staff on an event's page: how the event day is going, and the way to the scanner and the event's own code. */
export function StaffCheckin({ eventId }: { eventId: string }) {
  const id = encodeURIComponent(eventId);
  return (
    <View className='event-detail__section staff-checkin'>
      <Text className='event-detail__section-title'>签到（工作人员）</Text>
      <AttendanceFigures eventId={eventId} />
      <View className='staff-checkin__actions'>
        <Button className='staff-checkin-scan btn-primary' size='mini' onClick={() => go(`/staff/pages/checkin/index?eventId=${id}`)}>
          扫码签到
        </Button>
        <Button className='staff-checkin-code btn-secondary' size='mini' onClick={() => go(`/staff/pages/checkin-code/index?eventId=${id}`)}>
          活动签到码
        </Button>
      </View>
    </View>
  );
}
