import { Text, View } from '@tarojs/components';
import type { Attendance } from '@shared/checkins';
import { useAction } from '../../api/hooks';
import './index.scss';

/** The figures of an event day, for staff: confirmed, checked in, not yet / no-shows once it has ended. */
export function AttendanceFigures({ eventId, version = 0 }: { eventId: string; version?: number }) {
  const attendance = useAction('events.attendance', { eventId }, { version });
  if (!attendance.data) return null;
  return <AttendanceView figures={attendance.data} />;
}

export function AttendanceView({ figures }: { figures: Attendance }) {
  const cells: [string, number, string][] = [
    ['已报名', figures.confirmed, ''],
    ['已签到', figures.checkedIn, 'attendance__value--done'],
    figures.ended ? ['未到场', figures.noShows, 'attendance__value--missing'] : ['待签到', figures.notCheckedIn, ''],
  ];
  return (
    <View className='attendance' aria-label='签到情况'>
      {cells.map(([label, value, tone]) => (
        <View key={label} className='attendance__cell'>
          <Text className={`attendance__value ${tone}`}>{String(value)}</Text>
          <Text className='attendance__label'>{label}</Text>
        </View>
      ))}
    </View>
  );
}
