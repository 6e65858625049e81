import { Text, View } from '@tarojs/components';
import type { TimelineStep } from '@shared/intents';
import { formatDateTime } from '../../utils/time';
import './index.scss';

export interface FollowupTimelineProps<S extends string> {
  /** The forward path, e.g. 已提交 → 已联系 → …; steps not reached yet are shown greyed. */
  path: readonly S[];
  labels: Record<S, string>;
  status: S;
  timeline: readonly TimelineStep[];
  className?: string;
}

function labelOf<S extends string>(labels: Record<S, string>, status: string): string {
  const known: Record<string, string> = labels;
  return known[status] ?? status;
}

/** What happened and when (Asia/Shanghai), then what is still to come; 已结束 carries its plain reason. */
export function FollowupTimeline<S extends string>({ path, labels, status, timeline, className = '' }: FollowupTimelineProps<S>) {
  const reached = new Set(timeline.map((s) => s.status));
  const pending = status === 'closed' ? [] : path.filter((s) => !reached.has(s));
  const last = timeline.length - 1;
  return (
    <View className={`followup-timeline ${className}`}>
      {timeline.map((step, i) => (
        <View
          key={`${step.status}-${step.at}`}
          className={`timeline-step timeline-step--done${i === last ? ' timeline-step--current' : ''} timeline-step--${step.status}`}
        >
          <View className='timeline-step__dot' />
          <View className='timeline-step__body'>
            <Text className='timeline-step__label'>{labelOf(labels, step.status)}</Text>
            <Text className='timeline-step__time'>{formatDateTime(step.at)}</Text>
            {step.reason ? <Text className='timeline-step__reason'>{`原因：${step.reason}`}</Text> : null}
          </View>
        </View>
      ))}
      {pending.map((s) => (
        <View key={s} className='timeline-step timeline-step--pending'>
          <View className='timeline-step__dot' />
          <View className='timeline-step__body'>
            <Text className='timeline-step__label'>{labelOf(labels, s)}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
