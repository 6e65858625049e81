import type { Event, EventType } from '@shared/events';
import { ENGINES } from './support/db';
import { aPublishedEvent, anEvent, contactOf, makeWorld, type World } from './support/world';

describe.each(ENGINES)('events on %s', (engine) => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld(engine);
  });
  beforeEach(() => world.reset());
  afterAll(() => world.close());

  const aDraft = (overrides: Parameters<typeof anEvent>[0] = {}) => world.call('staff-1', 'events.create', anEvent(overrides));

  describe('creating and publishing', () => {
    it('creates a draft with a waitlist, open to everyone, when staff leave the options out', async () => {
      const event = await aDraft({ capacity: 30 });
      expect(event).toMatchObject({
        status: 'draft',
        waitlist: true,
        audience: 'all',
        signupDeadline: null,
        cancelReason: null,
        publishedAt: null,
        capacity: 30,
        confirmedCount: 0,
        waitlistCount: 0,
        seatsLeft: 30,
      });
    });

    it('stores the times as the same instants, written in UTC', async () => {
      const event = await aDraft({ signupDeadline: '2026-12-07T18:00:00+08:00' });
      expect(event).toMatchObject({
        startAt: '2026-12-08T06:00:00.000Z',
        endAt: '2026-12-08T08:00:00.000Z',
        signupDeadline: '2026-12-07T10:00:00.000Z',
      });
    });

    it('refuses a year the database would read back wrong (50 as 1950) instead of storing it', async () => {
      const result = await world.send('staff-1', 'events.create', anEvent({ startAt: '0050-03-01T09:00:00+08:00', endAt: '0050-03-01T11:00:00+08:00' }));
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['startAt'] }, { path: ['endAt'] }] } });
      expect((await world.call('staff-1', 'events.list', { status: 'draft' })).items).toEqual([]);
    });

    it('refuses a deadline that is year 0 once written in UTC, instead of failing in the database', async () => {
      const result = await world.send('staff-1', 'events.create', anEvent({ signupDeadline: '0001-01-01T00:00:00+08:00' }));
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['signupDeadline'] }] } });
    });

    it('keeps a draft out of the list and the detail page for workers and anonymous visitors', async () => {
      const draft = await aDraft();
      await world.givenUser('worker-1');
      expect((await world.call(null, 'events.list', {})).items).toEqual([]);
      expect((await world.call('worker-1', 'events.list', {})).items).toEqual([]);
      expect(await world.send(null, 'events.get', { id: draft.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await world.send('worker-1', 'events.get', { id: draft.id })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    });

    it('shows a draft to staff, marked as a draft', async () => {
      const draft = await aDraft({ title: '“我为企业献一策”座谈会' });
      expect(await world.call('staff-1', 'events.get', { id: draft.id })).toMatchObject({
        id: draft.id,
        status: 'draft',
        myRegistration: null,
      });
      const drafts = await world.call('staff-1', 'events.list', { status: 'draft' });
      expect(drafts.items.map((e) => [e.id, e.status])).toEqual([[draft.id, 'draft']]);
    });

    it('makes an event visible to everyone once it is published', async () => {
      const draft = await aDraft();
      const published = await world.call('staff-1', 'events.publish', { id: draft.id });
      expect(published).toMatchObject({ status: 'published', publishedAt: world.clock.now.toISOString() });
      expect((await world.call(null, 'events.list', {})).items.map((e) => e.id)).toEqual([draft.id]);
      expect(await world.call(null, 'events.get', { id: draft.id })).toMatchObject({ status: 'published' });
    });

    it('refuses to publish an event twice with INVALID_TRANSITION', async () => {
      const id = await aPublishedEvent(world);
      expect(await world.send('staff-1', 'events.publish', { id })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_TRANSITION', message: '活动已经发布' },
      });
    });

    it('refuses to publish a cancelled event with INVALID_TRANSITION', async () => {
      const draft = await aDraft();
      await world.call('staff-1', 'events.cancel', { id: draft.id, reason: '场地临时调整' });
      expect(await world.send('staff-1', 'events.publish', { id: draft.id })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_TRANSITION' },
      });
      expect(await world.call('staff-1', 'events.get', { id: draft.id })).toMatchObject({ status: 'cancelled' });
    });

    it('refuses to publish an event whose start has already passed', async () => {
      const draft = await aDraft();
      world.setNow('2026-12-08T06:00:00Z');
      expect(await world.send('staff-1', 'events.publish', { id: draft.id })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_TRANSITION' },
      });
      expect(await world.call('staff-1', 'events.get', { id: draft.id })).toMatchObject({ status: 'draft' });
    });

    it('answers NOT_FOUND when staff publish an event that does not exist', async () => {
      expect(await world.send('staff-1', 'events.publish', { id: 'no-such-event' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    });
  });

  describe('cancelling', () => {
    it('keeps every registration and shows the reason when staff cancel an event', async () => {
      const id = await aPublishedEvent(world, { capacity: 1 });
      await world.call('worker-1', 'registrations.create', { eventId: id, contact: contactOf(1) });
      await world.call('worker-2', 'registrations.create', { eventId: id, contact: contactOf(2) });

      const cancelled = await world.call('staff-1', 'events.cancel', { id, reason: '台风预警，活动取消' });
      expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '台风预警，活动取消', confirmedCount: 1, waitlistCount: 1 });

      const list = await world.call('staff-1', 'registrations.listByEvent', { eventId: id });
      expect(list.map((r) => [r.openid, r.status])).toEqual([
        ['worker-1', 'confirmed'],
        ['worker-2', 'waitlisted'],
      ]);
      const [mine] = await world.call('worker-1', 'registrations.mine', {});
      expect(mine).toMatchObject({ status: 'confirmed', event: { status: 'cancelled', cancelReason: '台风预警，活动取消' } });
      expect(await world.call('worker-2', 'events.get', { id })).toMatchObject({
        status: 'cancelled',
        cancelReason: '台风预警，活动取消',
        myRegistration: { status: 'waitlisted', position: 1 },
      });
    });

    it('drops a cancelled event from the public list but lets staff find it by status', async () => {
      const id = await aPublishedEvent(world);
      await world.call('staff-1', 'events.cancel', { id, reason: '场地临时调整' });
      expect((await world.call(null, 'events.list', {})).items).toEqual([]);
      expect((await world.call('staff-1', 'events.list', { status: 'cancelled' })).items.map((e) => e.id)).toEqual([id]);
    });

    it('refuses to cancel an event twice', async () => {
      const id = await aPublishedEvent(world);
      await world.call('staff-1', 'events.cancel', { id, reason: '场地临时调整' });
      expect(await world.send('staff-1', 'events.cancel', { id, reason: '再取消一次' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_TRANSITION' },
      });
      expect(await world.call(null, 'events.get', { id })).toMatchObject({ cancelReason: '场地临时调整' });
    });
  });

  describe('editing', () => {
    it('changes only the fields staff send', async () => {
      const id = await aPublishedEvent(world, { title: '骑手职业技能培训', capacity: 5 });
      const updated = await world.call('staff-1', 'events.update', { id, location: '佘山镇新就业群体暖心驿站' });
      expect(updated).toMatchObject({ title: '骑手职业技能培训', capacity: 5, location: '佘山镇新就业群体暖心驿站', status: 'published' });
    });

    it('refuses an end before the start with INVALID_INPUT on endAt', async () => {
      const id = await aPublishedEvent(world);
      const result = await world.send('staff-1', 'events.update', {
        id,
        startAt: '2026-12-09T14:00:00+08:00',
        endAt: '2026-12-09T13:00:00+08:00',
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['endAt'] }] } });
    });

    it('refuses a new end that falls before the stored start, even when the start is not sent', async () => {
      const id = await aPublishedEvent(world);
      const result = await world.send('staff-1', 'events.update', { id, endAt: '2026-12-08T13:00:00+08:00' });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringContaining('结束时间'), issues: [{ path: ['endAt'] }] },
      });
      expect(await world.call(null, 'events.get', { id })).toMatchObject({ endAt: '2026-12-08T08:00:00.000Z' });
    });

    it('refuses a sign-up deadline after the start with INVALID_INPUT on signupDeadline', async () => {
      const id = await aPublishedEvent(world);
      const result = await world.send('staff-1', 'events.update', { id, signupDeadline: '2026-12-08T15:00:00+08:00' });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['signupDeadline'] }] } });
    });

    it('refuses to move the start past an existing sign-up deadline', async () => {
      const id = await aPublishedEvent(world, { signupDeadline: '2026-12-07T18:00:00+08:00' });
      const result = await world.send('staff-1', 'events.update', {
        id,
        startAt: '2026-12-07T09:00:00+08:00',
        endAt: '2026-12-07T11:00:00+08:00',
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['signupDeadline'] }] } });
    });

    it('lets staff remove the sign-up deadline', async () => {
      const id = await aPublishedEvent(world, { signupDeadline: '2026-12-07T18:00:00+08:00' });
      expect(await world.call('staff-1', 'events.update', { id, signupDeadline: null })).toMatchObject({ signupDeadline: null });
    });

    it('refuses a capacity below the people already confirmed with CAPACITY_BELOW_CONFIRMED', async () => {
      const id = await aPublishedEvent(world, { capacity: 5 });
      for (let n = 1; n <= 3; n++) await world.call(`worker-${n}`, 'registrations.create', { eventId: id, contact: contactOf(n) });
      expect(await world.send('staff-1', 'events.update', { id, capacity: 2 })).toMatchObject({
        ok: false,
        error: { code: 'CAPACITY_BELOW_CONFIRMED', message: expect.stringContaining('3') },
      });
      expect(await world.call('staff-1', 'events.update', { id, capacity: 3 })).toMatchObject({ capacity: 3, seatsLeft: 0 });
    });

    it('refuses to edit a cancelled event with INVALID_TRANSITION', async () => {
      const id = await aPublishedEvent(world);
      await world.call('staff-1', 'events.cancel', { id, reason: '场地临时调整' });
      expect(await world.send('staff-1', 'events.update', { id, title: '改个名字再办' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_TRANSITION' },
      });
      expect(await world.call(null, 'events.get', { id })).toMatchObject({ title: '骑手职业技能培训' });
    });
  });

  describe('listing', () => {
    it('lists only published, upcoming events, soonest first', async () => {
      const later = await aPublishedEvent(world, { title: '十二月下旬招聘会', startAt: '2026-12-20T09:00:00+08:00', endAt: '2026-12-20T12:00:00+08:00' });
      const sooner = await aPublishedEvent(world, { title: '十二月上旬培训', startAt: '2026-12-03T09:00:00+08:00', endAt: '2026-12-03T12:00:00+08:00' });
      await aDraft({ title: '还在筹备的沙龙', startAt: '2026-12-02T09:00:00+08:00', endAt: '2026-12-02T12:00:00+08:00' });
      const cancelled = await aPublishedEvent(world, { title: '取消的宣讲', startAt: '2026-12-04T09:00:00+08:00', endAt: '2026-12-04T12:00:00+08:00' });
      await world.call('staff-1', 'events.cancel', { id: cancelled, reason: '场地临时调整' });

      const page = await world.call(null, 'events.list', {});
      expect(page.items.map((e) => e.id)).toEqual([sooner, later]);
      expect(page.nextCursor).toBeNull();
    });

    it('filters the list by event type', async () => {
      const types: EventType[] = ['fair', 'training', 'policy', 'fair', 'service'];
      const ids: string[] = [];
      for (const [i, type] of types.entries()) {
        ids.push(await aPublishedEvent(world, { type, startAt: `2026-12-1${i}T09:00:00+08:00`, endAt: `2026-12-1${i}T11:00:00+08:00` }));
      }
      const fairs = await world.call('worker-1', 'events.list', { type: 'fair' });
      expect(fairs.items.map((e) => [e.id, e.type])).toEqual([
        [ids[0], 'fair'],
        [ids[3], 'fair'],
      ]);
      expect((await world.call(null, 'events.list', { type: 'salon' })).items).toEqual([]);
    });

    it('keeps a running event listed until it ends, then drops it', async () => {
      const today = await aPublishedEvent(world, { startAt: '2026-12-08T14:00:00+08:00', endAt: '2026-12-08T16:00:00+08:00' });
      const tomorrow = await aPublishedEvent(world, { startAt: '2026-12-09T14:00:00+08:00', endAt: '2026-12-09T16:00:00+08:00' });

      world.setNow('2026-12-08T15:00:00+08:00');
      expect((await world.call(null, 'events.list', {})).items.map((e) => e.id)).toEqual([today, tomorrow]);

      world.setNow('2026-12-08T16:00:00+08:00');
      expect((await world.call(null, 'events.list', {})).items.map((e) => e.id)).toEqual([tomorrow]);

      const withPast = await world.call('staff-1', 'events.list', { includePast: true });
      expect(withPast.items.map((e) => e.id)).toEqual([today, tomorrow]);
      expect(await world.call(null, 'events.get', { id: today })).toMatchObject({ id: today });
    });

    it('pages through 45 events with cursor and limit, giving every event exactly once in start order', async () => {
      const created: Event[] = [];
      for (let i = 0; i < 45; i++) {
        // Created out of order, three events per start time, so ties are broken by id.
        const slot = (i * 7) % 15;
        const startAt = new Date(Date.parse('2026-12-02T01:00:00Z') + slot * 3600_000).toISOString();
        const endAt = new Date(Date.parse(startAt) + 2 * 3600_000).toISOString();
        const draft = await aDraft({ title: `第${i + 1}场活动`, startAt, endAt });
        created.push(await world.call('staff-1', 'events.publish', { id: draft.id }));
      }
      const expected = [...created]
        .sort((a, b) => (a.startAt === b.startAt ? (a.id < b.id ? -1 : 1) : a.startAt < b.startAt ? -1 : 1))
        .map((e) => e.id);

      for (const limit of [10, 15, 50]) {
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await world.call('worker-1', 'events.list', { limit, ...(cursor ? { cursor } : {}) });
          expect(page.items.length).toBeLessThanOrEqual(limit);
          seen.push(...page.items.map((e) => e.id));
          cursor = page.nextCursor ?? undefined;
          pages += 1;
        } while (cursor && pages < 10);
        expect(seen).toEqual(expected);
        expect(pages).toBe(Math.ceil(45 / limit));
      }

      const firstPage = await world.call(null, 'events.list', {});
      expect(firstPage.items).toHaveLength(20);
      expect(firstPage.nextCursor).toEqual(expect.any(String));
    });

    it.each([
      ['garbage', '%%%not-a-cursor%%%'],
      ['a JSON object', Buffer.from('{"startAt":"2026-12-01T00:00:00.000Z"}').toString('base64url')],
      ['a date the database cannot read', Buffer.from('["1","id000001"]').toString('base64url')],
      ['an id with a NUL byte', Buffer.from('["2026-12-01T00:00:00.000Z","a\\u0000b"]').toString('base64url')],
      ['a year the database cannot store', Buffer.from('["+275760-09-13T00:00:00.000Z","id000001"]').toString('base64url')],
      ['year zero', Buffer.from('["0000-01-01T00:00:00.000Z","id000001"]').toString('base64url')],
    ])('answers INVALID_INPUT on cursor for a tampered cursor (%s)', async (_what, cursor) => {
      await aPublishedEvent(world);
      expect(await world.send(null, 'events.list', { cursor })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', issues: [{ path: ['cursor'] }] },
      });
    });

    it('answers FORBIDDEN when a worker or visitor asks for drafts or past events', async () => {
      await world.givenUser('worker-1');
      await world.givenUser('hr-1', ['hr']);
      for (const who of [null, 'worker-1', 'hr-1']) {
        expect(await world.send(who, 'events.list', { status: 'draft' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        expect(await world.send(who, 'events.list', { status: 'published' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        expect(await world.send(who, 'events.list', { includePast: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    });
  });
});
