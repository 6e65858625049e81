import { aPublishedEvent, contactOf, makeWorld, type World } from './support/world';

describe('signing up for an event', () => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld();
  });
  beforeEach(() => world.reset());
  afterAll(() => world.close());

  async function signUp(n: number, eventId: string) {
    const openid = `worker-${n}`;
    return world.send(openid, 'registrations.create', { eventId, contact: contactOf(n) });
  }

  it('confirms the first 5 and puts the 6th on the waitlist at place 1 when capacity is 5', async () => {
    const eventId = await aPublishedEvent(world, { capacity: 5 });
    const results = [];
    for (let n = 1; n <= 7; n++) results.push(await signUp(n, eventId));
    const statuses = results.map((r) => (r.ok ? [r.data.status, r.data.position] : r.error.code));
    expect(statuses).toEqual([
      ['confirmed', null],
      ['confirmed', null],
      ['confirmed', null],
      ['confirmed', null],
      ['confirmed', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    const event = await world.call(null, 'events.get', { id: eventId });
    expect(event).toMatchObject({ seatsLeft: 0, confirmedCount: 5, waitlistCount: 2 });
  });

  it('returns the same registration when a person signs up twice', async () => {
    const eventId = await aPublishedEvent(world);
    const first = await world.call('worker-1', 'registrations.create', { eventId, contact: contactOf(1) });
    const second = await world.call('worker-1', 'registrations.create', { eventId, contact: contactOf(2) });
    expect(second.id).toBe(first.id);
    expect(second.contact).toEqual(contactOf(1));
    expect((await world.call(null, 'events.get', { id: eventId })).confirmedCount).toBe(1);
  });

  it('promotes the first waitlisted person when a confirmed one cancels', async () => {
    const eventId = await aPublishedEvent(world, { capacity: 1 });
    const a = await world.call('worker-1', 'registrations.create', { eventId, contact: contactOf(1) });
    const b = await world.call('worker-2', 'registrations.create', { eventId, contact: contactOf(2) });
    const c = await world.call('worker-3', 'registrations.create', { eventId, contact: contactOf(3) });
    expect([b.status, b.position, c.position]).toEqual(['waitlisted', 1, 2]);

    const cancelled = await world.call('worker-1', 'registrations.cancel', { id: a.id });
    expect(cancelled.status).toBe('cancelled');

    const bView = await world.call('worker-2', 'events.get', { id: eventId });
    const cView = await world.call('worker-3', 'events.get', { id: eventId });
    expect(bView.myRegistration).toMatchObject({ status: 'confirmed', position: null });
    expect(cView.myRegistration).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(bView).toMatchObject({ confirmedCount: 1, waitlistCount: 1, seatsLeft: 0 });
  });

  it('tells the person promoted from the waitlist, once', async () => {
    const eventId = await aPublishedEvent(world, { capacity: 1, title: '周五人才会客厅' });
    const a = await world.call('worker-1', 'registrations.create', { eventId, contact: contactOf(1) });
    await world.call('worker-2', 'registrations.create', { eventId, contact: contactOf(2) });
    await world.call('worker-1', 'registrations.cancel', { id: a.id });
    await world.call('worker-1', 'registrations.cancel', { id: a.id });
    const outbox = await world.call('staff-1', 'outbox.list', {});
    expect(outbox).toEqual([
      expect.objectContaining({
        openid: 'worker-2',
        template: 'registration_promoted',
        data: expect.objectContaining({ eventId, title: '周五人才会客厅' }),
      }),
    ]);
  });

  it('lets a person who cancelled sign up again, at the back of the waitlist', async () => {
    const eventId = await aPublishedEvent(world, { capacity: 1 });
    const a = await world.call('worker-1', 'registrations.create', { eventId, contact: contactOf(1) });
    await world.call('worker-2', 'registrations.create', { eventId, contact: contactOf(2) });
    await world.call('worker-1', 'registrations.cancel', { id: a.id });
    await world.call('worker-3', 'registrations.create', { eventId, contact: contactOf(3) });
    const again = await world.call('worker-1', 'registrations.create', { eventId, contact: contactOf(1) });
    expect(again).toMatchObject({ id: a.id, status: 'waitlisted', position: 2 });
  });

  it('refuses sign-ups after the deadline with REGISTRATION_CLOSED', async () => {
    const eventId = await aPublishedEvent(world, { signupDeadline: '2026-12-05T18:00:00+08:00' });
    world.setNow('2026-12-05T10:00:01Z');
    const result = await signUp(1, eventId);
    expect(result).toMatchObject({ ok: false, error: { code: 'REGISTRATION_CLOSED', message: '报名已截止' } });
  });

  it('closes sign-ups at the start when there is no deadline', async () => {
    const eventId = await aPublishedEvent(world);
    world.setNow('2026-12-08T06:00:00Z');
    expect(await signUp(1, eventId)).toMatchObject({ ok: false, error: { code: 'REGISTRATION_CLOSED' } });
  });

  it('takes no sign-up for a cancelled event', async () => {
    const eventId = await aPublishedEvent(world);
    await world.call('staff-1', 'events.cancel', { id: eventId, reason: '场地临时调整' });
    expect(await signUp(1, eventId)).toMatchObject({ ok: false, error: { code: 'EVENT_CANCELLED' } });
  });

  it('hides a draft from workers, so signing up for it is NOT_FOUND', async () => {
    const draft = await world.call('staff-1', 'events.create', {
      type: 'fair', title: '春风行动专场', startAt: '2026-12-08T09:00:00+08:00', endAt: '2026-12-08T12:00:00+08:00',
      location: '佘山镇社区事务受理服务中心', capacity: 10,
    });
    expect(await signUp(1, draft.id)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('turns people away with EVENT_FULL when the waitlist is off', async () => {
    const eventId = await aPublishedEvent(world, { capacity: 1, waitlist: false });
    await signUp(1, eventId);
    expect(await signUp(2, eventId)).toMatchObject({ ok: false, error: { code: 'EVENT_FULL' } });
  });

  it('keeps an enterprises-only event for HR contacts', async () => {
    const eventId = await aPublishedEvent(world, { audience: 'enterprises' });
    await world.givenUser('hr-1', ['hr']);
    expect(await signUp(1, eventId)).toMatchObject({ ok: false, error: { code: 'NOT_IN_AUDIENCE' } });
    const hr = await world.send('hr-1', 'registrations.create', { eventId, contact: contactOf(9) });
    expect(hr).toMatchObject({ ok: true, data: { status: 'confirmed' } });
  });

  it('remembers the contact for the next sign-up form', async () => {
    const eventId = await aPublishedEvent(world);
    await signUp(4, eventId);
    const me = await world.call('worker-4', 'me.get', {});
    expect(me.profile).toMatchObject(contactOf(4));
  });

  it('lets only the owner or staff cancel; anyone else is told it does not exist', async () => {
    const eventId = await aPublishedEvent(world);
    const mine = await world.call('worker-1', 'registrations.create', { eventId, contact: contactOf(1) });
    expect(await world.send('worker-2', 'registrations.cancel', { id: mine.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await world.send('staff-1', 'registrations.cancel', { id: mine.id })).toMatchObject({
      ok: true,
      data: { status: 'cancelled' },
    });
  });

  it('shows phone numbers to staff only', async () => {
    const eventId = await aPublishedEvent(world);
    await signUp(1, eventId);
    expect(await world.send('worker-2', 'registrations.listByEvent', { eventId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const asOther = JSON.stringify(await world.call('worker-2', 'events.get', { id: eventId }));
    expect(asOther).not.toContain(contactOf(1).phone);
    const list = await world.call('staff-1', 'registrations.listByEvent', { eventId });
    expect(list).toEqual([expect.objectContaining({ openid: 'worker-1', contact: contactOf(1), status: 'confirmed' })]);
  });

  it('lists my registrations with their events, newest first', async () => {
    const first = await aPublishedEvent(world, { title: '第一场培训' });
    const second = await aPublishedEvent(world, { title: '第二场培训' });
    await world.call('worker-1', 'registrations.create', { eventId: first, contact: contactOf(1) });
    world.setNow('2026-12-01T03:00:00Z');
    await world.call('worker-1', 'registrations.create', { eventId: second, contact: contactOf(1) });
    const mine = await world.call('worker-1', 'registrations.mine', {});
    expect(mine.map((r) => r.event.title)).toEqual(['第二场培训', '第一场培训']);
    expect(await world.call('worker-2', 'registrations.mine', {})).toEqual([]);
  });

  it('checks in a confirmed person and refuses a waitlisted one', async () => {
    const eventId = await aPublishedEvent(world, { capacity: 1 });
    const a = await world.call('worker-1', 'registrations.create', { eventId, contact: contactOf(1) });
    const b = await world.call('worker-2', 'registrations.create', { eventId, contact: contactOf(2) });
    world.setNow('2026-12-08T13:50:00+08:00');
    expect(await world.call('staff-1', 'registrations.checkIn', { id: a.id })).toMatchObject({ status: 'attended' });
    expect(await world.send('staff-1', 'registrations.checkIn', { id: b.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    expect(await world.send('worker-1', 'registrations.cancel', { id: a.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
  });

  describe('the check-in window (2 hours before the start to the end)', () => {
    // anEvent: 8 Dec 14:00–16:00 Shanghai.
    it.each([
      ['two days before', '2026-12-06T14:00:00+08:00', 'OUTSIDE_CHECKIN_WINDOW'],
      ['a minute before the window opens', '2026-12-08T11:59:00+08:00', 'OUTSIDE_CHECKIN_WINDOW'],
      ['when the window opens', '2026-12-08T12:00:00+08:00', null],
      ['during the event', '2026-12-08T15:00:00+08:00', null],
      ['at the end', '2026-12-08T16:00:00+08:00', null],
      ['a minute after the end', '2026-12-08T16:01:00+08:00', 'OUTSIDE_CHECKIN_WINDOW'],
    ])('when staff check someone in %s, then the answer is %s', async (_when, at, code) => {
      const eventId = await aPublishedEvent(world);
      const a = await world.call('worker-1', 'registrations.create', { eventId, contact: contactOf(1) });
      world.setNow(at);
      const result = await world.send('staff-1', 'registrations.checkIn', { id: a.id });
      if (code) {
        expect(result).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(/签到/) } });
        expect((await world.call('worker-1', 'registrations.mine', {}))[0].status).toBe('confirmed');
      } else {
        expect(result).toMatchObject({ ok: true, data: { status: 'attended' } });
      }
    });

    it('lets staff undo a check-in the same day, on the record, but not the next day', async () => {
      const eventId = await aPublishedEvent(world);
      const a = await world.call('worker-1', 'registrations.create', { eventId, contact: contactOf(1) });
      const b = await world.call('worker-2', 'registrations.create', { eventId, contact: contactOf(2) });
      world.setNow('2026-12-08T13:30:00+08:00');
      await world.call('staff-1', 'registrations.checkIn', { id: a.id });
      await world.call('staff-1', 'registrations.checkIn', { id: b.id });
      world.setNow('2026-12-08T23:59:00+08:00');
      expect(await world.call('staff-1', 'checkins.undo', { registrationId: a.id })).toMatchObject({ status: 'confirmed', attendedAt: null });
      const trail = await world.deps.repos.audit.listFor('registration', a.id);
      expect(trail.map((e) => [e.actor, e.action])).toEqual([
        ['staff-1', 'registration.checkIn'],
        ['staff-1', 'registration.undoCheckIn'],
      ]);
      world.setNow('2026-12-09T00:01:00+08:00');
      expect(await world.send('staff-1', 'checkins.undo', { registrationId: b.id })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_TRANSITION', message: '只能撤销当天的签到' },
      });
      expect(await world.send('staff-1', 'checkins.undo', { registrationId: a.id })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
      expect(await world.send('worker-1', 'checkins.undo', { registrationId: b.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    });

    it('checking in twice is harmless and leaves one entry on the record', async () => {
      const eventId = await aPublishedEvent(world);
      const a = await world.call('worker-1', 'registrations.create', { eventId, contact: contactOf(1) });
      world.setNow('2026-12-08T13:30:00+08:00');
      const first = await world.call('staff-1', 'registrations.checkIn', { id: a.id });
      world.setNow('2026-12-08T13:40:00+08:00');
      expect(await world.call('staff-1', 'registrations.checkIn', { id: a.id })).toMatchObject({ attendedAt: first.attendedAt });
      expect(await world.deps.repos.audit.listFor('registration', a.id)).toHaveLength(1);
    });
  });

  it('puts a staff read of the sign-up list and a staff cancellation on the record, not the person’s own', async () => {
    const eventId = await aPublishedEvent(world);
    const a = await world.call('worker-1', 'registrations.create', { eventId, contact: contactOf(1) });
    const b = await world.call('worker-2', 'registrations.create', { eventId, contact: contactOf(2) });
    await world.call('staff-1', 'registrations.listByEvent', { eventId });
    await world.call('worker-1', 'registrations.cancel', { id: a.id });
    await world.call('staff-1', 'registrations.cancel', { id: b.id });
    expect((await world.deps.repos.audit.listFor('event', eventId)).map((e) => [e.actor, e.action, e.detail])).toEqual([
      ['staff-1', 'event.publish', null],
      ['staff-1', 'registrations.read', '查看报名名单 2 人'],
    ]);
    expect(await world.deps.repos.audit.listFor('registration', a.id)).toEqual([]);
    expect((await world.deps.repos.audit.listFor('registration', b.id)).map((e) => e.action)).toEqual(['registration.cancel']);
  });

  it('serves the waitlist at once when staff raise the capacity, and tells the person in the same change', async () => {
    const eventId = await aPublishedEvent(world, { capacity: 1 });
    for (let n = 1; n <= 3; n++) await signUp(n, eventId);
    const updated = await world.call('staff-1', 'events.update', { id: eventId, capacity: 2 });
    expect(updated).toMatchObject({ confirmedCount: 2, waitlistCount: 1 });
    const view = await world.call('worker-2', 'events.get', { id: eventId });
    expect(view.myRegistration?.status).toBe('confirmed');
    const sent = await world.deps.repos.outbox.list({ openid: 'worker-2', limit: 5 });
    expect(sent.map((m) => m.template)).toEqual(['registration_promoted']);
  });
});
