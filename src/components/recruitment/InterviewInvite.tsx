import { Text, View } from '@tarojs/components';
import type { InterviewInvite as Invite } from '@shared/recruitment';
import { formatDateTime } from '../../utils/time';
import './index.scss';

/** The interview an HR contact invited to: when (Shanghai time), where, and what to bring. */
export function InterviewInvite({ interview, title = '面试邀请' }: { interview: Invite; title?: string }) {
  return (
    <View className='interview-invite'>
      <Text className='interview-invite__title'>{title}</Text>
      <Text className='interview-invite__time'>{`时间：${formatDateTime(interview.at)}`}</Text>
      <Text className='interview-invite__place' userSelect>{`地点：${interview.place}`}</Text>
      {interview.note ? <Text className='interview-invite__note' userSelect>{`说明：${interview.note}`}</Text> : null}
    </View>
  );
}
