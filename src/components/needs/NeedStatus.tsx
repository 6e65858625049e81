import { Text, View } from '@tarojs/components';
import { NEED_STATUSES, type Need } from '@shared/needs';
import { NEED_CATEGORY_LABELS, NEED_RATING_LABELS, NEED_STATUS_LABELS } from '@shared/labels';
import { formatDateTime } from '../../utils/time';
import './index.scss';

/**
 * Where a need stands, as the enterprise and staff read it: the four steps with the current one marked, the department
 * handling it, the limit (and 已超期 when it has passed), the reply once closed and the rating once given.
 */
export function NeedStatus({ need, showText = true }: { need: Need; showText?: boolean }) {
  const reached = NEED_STATUSES.indexOf(need.status);
  return (
    <View className={`need-status need-status--${need.status}`}>
      <View className='need-status__head'>
        <Text className='need-status__category'>{NEED_CATEGORY_LABELS[need.category]}</Text>
        {need.overdue ? <Text className='need-status__overdue'>已超期</Text> : null}
        <Text className='need-status__label'>{NEED_STATUS_LABELS[need.status]}</Text>
      </View>
      {showText ? <Text className='need-status__text' userSelect>{need.text}</Text> : null}
      <View className='need-status__steps' aria-label={`进度：${NEED_STATUS_LABELS[need.status]}`}>
        {NEED_STATUSES.map((s, i) => (
          <Text key={s} className={`need-status__step${i <= reached ? ' need-status__step--done' : ''}${i === reached ? ' need-status__step--current' : ''}`}>
            {NEED_STATUS_LABELS[s]}
          </Text>
        ))}
      </View>
      <Text className='need-status__meta'>
        {`${need.orgName} · ${formatDateTime(need.createdAt)} 提出${need.department ? ` · 承办：${need.department}` : ''}`}
      </Text>
      {need.status !== 'closed' ? <Text className='need-status__meta'>{`办理时限：${formatDateTime(need.dueAt)} 前`}</Text> : null}
      {need.reply ? (
        <View className='need-status__reply'>
          <Text className='need-status__reply-title'>{need.status === 'closed' ? '办结答复' : '答复'}</Text>
          <Text userSelect>{need.reply}</Text>
        </View>
      ) : null}
      {need.rating ? (
        <Text className='need-status__rating'>{`评价：${NEED_RATING_LABELS[need.rating]}${need.ratingNote ? `（${need.ratingNote}）` : ''}`}</Text>
      ) : null}
    </View>
  );
}
