import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
import type { Event } from '@shared/events';
import { EVENT_STATUS_LABELS, EVENT_TYPE_LABELS } from '@shared/labels';
import { seatsText } from '@shared/plain/events';
import { formatEventTime } from '../../utils/time';
import './index.scss';

export interface EventCardProps {
  event: Event;
  /** Staff lists show draft / published / cancelled. */
  showStatus?: boolean;
  /** Passed in so tests and the list agree on "this year". */
  now?: Date;
  /** Extra class for the card's root, e.g. a list's own row class. */
  className?: string;
  onTap?: (event: Event) => void;
  /** Seat counts are for the people signing up; an enterprise joining a fair has no use for them. */
  hideSeats?: boolean;
}

export function EventCard({ event, showStatus = false, now, className, onTap, hideSeats = false, children }: PropsWithChildren<EventCardProps>) {
  const full = event.seatsLeft <= 0;
  return (
    <View className={className ? `event-card ${className}` : 'event-card'} aria-role={onTap ? 'link' : undefined} onClick={onTap ? () => onTap(event) : undefined}>
      <View className='event-card__tags'>
        <Text className={`event-card__type event-card__type--${event.type}`}>{EVENT_TYPE_LABELS[event.type]}</Text>
        {showStatus ? (
          <Text className={`event-card__status event-card__status--${event.status}`}>{EVENT_STATUS_LABELS[event.status]}</Text>
        ) : null}
      </View>
      <Text className='event-card__title'>{event.title}</Text>
      <Text className='event-card__time'>{formatEventTime(event.startAt, event.endAt, now)}</Text>
      <Text className='event-card__location'>{event.location}</Text>
      {hideSeats ? null : <Text className={`event-card__seats${full ? ' event-card__seats--full' : ''}`}>{seatsText(event)}</Text>}
      {children ? <View className='event-card__actions'>{children}</View> : null}
    </View>
  );
}
