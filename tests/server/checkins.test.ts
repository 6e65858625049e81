/**
 * The event day on PGlite through the one dispatch: tickets, staff scanning them, people checking themselves in with
 * the event's code, and the attendance figures. The 小程序码 comes from the labelled wx-server-sdk test double.
 */
import { TICKET_ALPHABET, ticketQrText } from '@shared/checkins';
import { dispatch } from '../../cloudfunctions/api/src/app/dispatch';
import { miniProgramCodeMaker } from '../../cloudfunctions/api/src/cloud/wxacode';
import { wxacodeCalls, wxServerSdkDouble } from './doubles/wx-server-sdk';
import { aPublishedEvent, contactOf, makeWorld, type World } from './support/world';

/** anEvent: 8 Dec 14:00–16:00 Shanghai; the window opens at 12:00. */
const DURING_EVENT = '2026-12-08T13:30:00+08:00';
const BEFORE_WINDOW = '2026-12-08T11:30:00+08:00';
const AFTER_EVENT = '2026-12-08T16:30:00+08:00';

describe('the event day', () => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld();
  });
  beforeEach(() => world.reset());
  afterAll(() => world.close());

  async function signUp(n: number, eventId: string) {
    return world.call(`worker-${n}`, 'registrations.create', { eventId, contact: contactOf(n) });
  }

  async function ticketOf(n: number, registrationId: string) {
    return world.call(`worker-${n}`, 'registrations.ticket', { registrationId });
  }

  describe('a ticket for each confirmed person', () => {
    it('gives a confirmed person an 8-character code of unambiguous characters and a PNG QR code naming event and code', async () => {
      const eventId = await aPublishedEvent(world);
      const mine = await signUp(1, eventId);
      const ticket = await ticketOf(1, mine.id);
      expect(ticket.code).toMatch(new RegExp(`^[${TICKET_ALPHABET}]{8}$`));
      expect(ticket.code).not.toMatch(/[01OIL]/);
      expect(ticket.qr).toMatch(/^data:image\/png;base64,/);
    });

    it('shows the same code every time it is opened', async () => {
      const eventId = await aPublishedEvent(world);
      const mine = await signUp(1, eventId);
      const first = await ticketOf(1, mine.id);
      const again = await ticketOf(1, mine.id);
      expect(again.code).toBe(first.code);
    });

    it('gives every person of an event a different code (the store refuses a code twice on one event: see the contract)', async () => {
      const eventId = await aPublishedEvent(world, { capacity: 12 });
      const codes = new Set<string>();
      for (let n = 1; n <= 12; n++) codes.add((await ticketOf(n, (await signUp(n, eventId)).id)).code);
      expect(codes.size).toBe(12);
    }, 180_000);

    it('is not found for anyone but its owner, staff included', async () => {
      const eventId = await aPublishedEvent(world);
      const mine = await signUp(1, eventId);
      for (const other of ['worker-2', 'staff-1']) {
        const result = await world.send(other, 'registrations.ticket', { registrationId: mine.id });
        expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      }
    });

    it('says a waitlisted person has no ticket yet, with their place, and a cancelled one has none', async () => {
      const eventId = await aPublishedEvent(world, { capacity: 1 });
      const first = await signUp(1, eventId);
      const waiting = await signUp(2, eventId);
      expect(await world.send('worker-2', 'registrations.ticket', { registrationId: waiting.id })).toMatchObject({
        ok: false,
        error: { code: 'NOT_CONFIRMED', message: expect.stringContaining('候补第 1 位') },
      });
      await world.call('worker-1', 'registrations.cancel', { id: first.id });
      expect(await world.send('worker-1', 'registrations.ticket', { registrationId: first.id })).toMatchObject({
        ok: false,
        error: { code: 'NOT_CONFIRMED', message: expect.stringContaining('已取消') },
      });
    });
  });

  describe('staff scanning tickets', () => {
    async function scan(eventId: string, code: string) {
      return world.call('staff-1', 'checkins.scan', { eventId, code });
    }

    it('checks a confirmed person in by the short code typed in lower case with spaces, showing name and masked phone', async () => {
      const eventId = await aPublishedEvent(world);
      const mine = await signUp(1, eventId);
      const { code } = await ticketOf(1, mine.id);
      world.setNow(DURING_EVENT);
      const typed = `${code.slice(0, 4)} ${code.slice(4)}`.toLowerCase();
      const outcome = await scan(eventId, typed);
      expect(outcome).toEqual({
        result: 'checked_in',
        registration: { name: '报名人1', maskedPhone: '138****0001', status: 'attended', attendedAt: new Date(DURING_EVENT).toISOString() },
      });
      expect((await world.deps.repos.audit.listFor('registration', mine.id)).map((e) => [e.actor, e.action])).toEqual([
        ['staff-1', 'registration.checkIn'],
      ]);
    });

    it('checks a person in by the full text of the QR code, and a second scan says already, with the first time', async () => {
      const eventId = await aPublishedEvent(world);
      const mine = await signUp(1, eventId);
      const { code } = await ticketOf(1, mine.id);
      world.setNow(DURING_EVENT);
      expect((await scan(eventId, ticketQrText(eventId, code))).result).toBe('checked_in');
      world.setNow('2026-12-08T14:03:00+08:00');
      const twice = await scan(eventId, ticketQrText(eventId, code));
      expect(twice).toMatchObject({ result: 'already', registration: { attendedAt: new Date(DURING_EVENT).toISOString() } });
      expect(await world.deps.repos.audit.listFor('registration', mine.id)).toHaveLength(1);
    });

    it('says not found for a forged code, an altered code and text that is no ticket at all, and checks nobody in', async () => {
      const eventId = await aPublishedEvent(world);
      const mine = await signUp(1, eventId);
      const { code } = await ticketOf(1, mine.id);
      world.setNow(DURING_EVENT);
      const altered = code.slice(0, 7) + TICKET_ALPHABET[(TICKET_ALPHABET.indexOf(code[7]) + 1) % TICKET_ALPHABET.length];
      for (const bad of ['23456789', altered, ticketQrText(eventId, altered), 'https://example.com/', '签到']) {
        expect(await scan(eventId, bad)).toEqual({ result: 'not_found' });
      }
      expect((await world.call('worker-1', 'events.get', { id: eventId })).myRegistration?.status).toBe('confirmed');
    });

    it("says another event's ticket is for another event, typed or scanned, and a code moved onto another event's QR text is not found", async () => {
      const eventId = await aPublishedEvent(world);
      const otherId = await aPublishedEvent(world, { title: '政策宣讲会' });
      const there = await signUp(1, otherId);
      const { code } = await ticketOf(1, there.id);
      world.setNow(DURING_EVENT);
      expect(await scan(eventId, code)).toEqual({ result: 'other_event' });
      expect(await scan(eventId, ticketQrText(otherId, code))).toEqual({ result: 'other_event' });
      expect(await scan(eventId, ticketQrText(eventId, code))).toEqual({ result: 'not_found' });
    });

    it('says a waitlisted or cancelled ticket is so, and checks nobody in', async () => {
      const eventId = await aPublishedEvent(world, { capacity: 1 });
      const first = await signUp(1, eventId);
      const { code } = await ticketOf(1, first.id);
      await world.call('worker-1', 'registrations.cancel', { id: first.id });
      world.setNow(DURING_EVENT);
      expect(await scan(eventId, code)).toMatchObject({ result: 'cancelled', registration: { name: '报名人1', status: 'cancelled' } });

      // worker-1 signs up again behind worker-2: the same registration, its code kept, now on the waitlist.
      await signUp(2, eventId);
      await signUp(1, eventId);
      expect(await scan(eventId, code)).toMatchObject({ result: 'waitlisted', registration: { status: 'waitlisted' } });
    });

    it('says outside the window before the window opens and after the end, with the reason, and checks nobody in', async () => {
      const eventId = await aPublishedEvent(world);
      const mine = await signUp(1, eventId);
      const { code } = await ticketOf(1, mine.id);
      world.setNow(BEFORE_WINDOW);
      expect(await scan(eventId, code)).toMatchObject({ result: 'outside_window', message: expect.stringContaining('12:00'), registration: { status: 'confirmed' } });
      world.setNow(AFTER_EVENT);
      expect(await scan(eventId, code)).toMatchObject({ result: 'outside_window', message: '活动已结束，签到已关闭' });
    });

    it('refuses an empty or overlong code as bad input, and an unknown event as not found', async () => {
      const eventId = await aPublishedEvent(world);
      expect(await world.send('staff-1', 'checkins.scan', { eventId, code: '   ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await world.send('staff-1', 'checkins.scan', { eventId, code: 'A'.repeat(101) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await world.send('staff-1', 'checkins.scan', { eventId: 'nope', code: 'ABCDEFGH' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });
  });

  describe('people checking themselves in with the event code', () => {
    it('checks the caller in with the right token within the window, once, on the record as a self check-in', async () => {
      const eventId = await aPublishedEvent(world);
      const mine = await signUp(1, eventId);
      const { token } = await world.call('staff-1', 'checkins.eventCode', { eventId });
      world.setNow(DURING_EVENT);
      expect(await world.call('worker-1', 'checkins.self', { eventId, token })).toEqual({
        status: 'attended',
        attendedAt: new Date(DURING_EVENT).toISOString(),
        justNow: true,
      });
      expect(await world.call('worker-1', 'checkins.self', { eventId, token })).toMatchObject({ status: 'attended', justNow: false });
      expect((await world.deps.repos.audit.listFor('registration', mine.id)).map((e) => [e.actor, e.action])).toEqual([
        ['worker-1', 'registration.selfCheckIn'],
      ]);
    });

    it('keeps one token per event, and refuses a wrong token or another event’s token with a clear message', async () => {
      const eventId = await aPublishedEvent(world);
      const otherId = await aPublishedEvent(world, { title: '政策宣讲会' });
      await signUp(1, eventId);
      const { token } = await world.call('staff-1', 'checkins.eventCode', { eventId });
      expect((await world.call('staff-1', 'checkins.eventCode', { eventId })).token).toBe(token);
      const otherToken = (await world.call('staff-1', 'checkins.eventCode', { eventId: otherId })).token;
      expect(otherToken).not.toBe(token);
      world.setNow(DURING_EVENT);
      for (const wrong of [otherToken, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, 'AAAAAAAAAAA']) {
        expect(await world.send('worker-1', 'checkins.self', { eventId, token: wrong })).toMatchObject({
          ok: false,
          error: { code: 'FORBIDDEN', message: expect.stringContaining('签到码无效') },
        });
      }
    });

    it('refuses someone not signed up, waitlisted or cancelled with a Chinese reason, and outside the window', async () => {
      const eventId = await aPublishedEvent(world, { capacity: 1 });
      const first = await signUp(1, eventId);
      await signUp(2, eventId);
      const { token } = await world.call('staff-1', 'checkins.eventCode', { eventId });
      world.setNow(BEFORE_WINDOW);
      expect(await world.send('worker-1', 'checkins.self', { eventId, token })).toMatchObject({ ok: false, error: { code: 'OUTSIDE_CHECKIN_WINDOW' } });
      world.setNow(DURING_EVENT);
      expect(await world.send('worker-3', 'checkins.self', { eventId, token })).toMatchObject({ ok: false, error: { code: 'NOT_REGISTERED' } });
      expect(await world.send('worker-2', 'checkins.self', { eventId, token })).toMatchObject({
        ok: false,
        error: { code: 'NOT_CONFIRMED', message: expect.stringContaining('候补第 1 位') },
      });
      await world.call('worker-1', 'registrations.cancel', { id: first.id });
      expect(await world.send('worker-1', 'checkins.self', { eventId, token })).toMatchObject({
        ok: false,
        error: { code: 'NOT_CONFIRMED', message: expect.stringContaining('已取消') },
      });
    });

    it('prints the H5 address the gateway was reached on into the QR code', async () => {
      const eventId = await aPublishedEvent(world);
      const result = await dispatch(world.deps, { openid: 'staff-1' }, 'checkins.eventCode', { eventId }, { origin: 'http://192.168.1.20:8080' });
      if (!result.ok) throw new Error(result.error.message);
      const code = result.data as { token: string; url: string; qr: string; path: string; miniProgramCode: null };
      expect(code.url).toBe(`http://192.168.1.20:8080/pages/checkin/index?eventId=${eventId}&token=${code.token}`);
      expect(code.qr).toMatch(/^data:image\/png;base64,/);
      expect(code.miniProgramCode).toBeNull();
    });

    it('asks WeChat for a 小程序码 of the check-in page with a scene of at most 32 characters naming event and token', async () => {
      const deps = { ...world.deps, newId: () => 'ev000000000000000001', miniProgramCode: miniProgramCodeMaker(wxServerSdkDouble) };
      wxacodeCalls.length = 0;
      const created = await dispatch(deps, { openid: 'staff-1' }, 'events.create', {
        type: 'training',
        title: '骑手职业技能培训',
        startAt: '2026-12-08T14:00:00+08:00',
        endAt: '2026-12-08T16:00:00+08:00',
        location: '佘山镇党群服务中心',
        capacity: 5,
      });
      if (!created.ok) throw new Error(created.error.message);
      const result = await dispatch(deps, { openid: 'staff-1' }, 'checkins.eventCode', { eventId: 'ev000000000000000001' });
      if (!result.ok) throw new Error(result.error.message);
      const { token, miniProgramCode } = result.data as { token: string; miniProgramCode: string };
      expect(miniProgramCode).toMatch(/^data:image\/png;base64,/);
      expect(wxacodeCalls).toEqual([{ scene: `ev000000000000000001.${token}`, page: 'pages/checkin/index', checkPath: false, width: 430 }]);
      expect(wxacodeCalls[0].scene.length).toBeLessThanOrEqual(32);
    });
  });

  describe('attendance figures', () => {
    it('counts confirmed, checked in and, once the event has ended, no-shows', async () => {
      const eventId = await aPublishedEvent(world, { capacity: 3 });
      const signed = [];
      for (let n = 1; n <= 4; n++) signed.push(await signUp(n, eventId));
      world.setNow(DURING_EVENT);
      await world.call('staff-1', 'registrations.checkIn', { id: signed[0].id });
      await world.call('staff-1', 'registrations.checkIn', { id: signed[1].id });
      expect(await world.call('staff-1', 'events.attendance', { eventId })).toEqual({
        confirmed: 3,
        checkedIn: 2,
        notCheckedIn: 1,
        noShows: 0,
        waitlisted: 1,
        ended: false,
      });
      world.setNow(AFTER_EVENT);
      expect(await world.call('staff-1', 'events.attendance', { eventId })).toMatchObject({ noShows: 1, ended: true });
    });
  });
});
