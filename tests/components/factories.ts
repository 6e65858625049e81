import type { Event } from '@shared/events';

/** A published training with seats left, 3 Dec 2026 14:00–16:00 Shanghai time; override what a test is about. */
export function anEvent(overrides: Partial<Event> = {}): Event {
  return {
    id: 'evt_1',
    type: 'training',
    title: '网约车司机职业技能培训',
    description: '',
    startAt: '2026-12-03T14:00:00+08:00',
    endAt: '2026-12-03T16:00:00+08:00',
    location: '佘山镇党群服务中心',
    capacity: 30,
    signupDeadline: null,
    waitlist: true,
    audience: 'all',
    questions: [],
    status: 'published',
    cancelReason: null,
    publishedAt: '2026-11-20T09:00:00+08:00',
    createdAt: '2026-11-20T08:00:00+08:00',
    updatedAt: '2026-11-20T09:00:00+08:00',
    confirmedCount: 18,
    waitlistCount: 0,
    seatsLeft: 12,
    ...overrides,
  };
}

/** "Now" for tests: the same year as the events above, so dates show without a year. */
export const NOW = new Date('2026-11-25T10:00:00+08:00');
