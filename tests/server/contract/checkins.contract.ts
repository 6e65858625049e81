/**
 * The event-day part of the repository contract: ticket codes on registrations (one per registration, unique within
 * an event, found from any event) and each event's self check-in token, on every adapter.
 */
import type { EventRecord, RegistrationRecord, SeatDecision } from '../../../cloudfunctions/api/src/core/ports';
import { anEventRecord, type RepoHarness } from './repositories.contract';

const NOW = '2026-12-01T02:00:00.000Z';
const LATER = '2026-12-01T03:00:00.000Z';

const takeSeat = (event: EventRecord, existing: RegistrationRecord | null): SeatDecision =>
  existing ? { kind: 'keep-existing' } : { kind: 'take', status: event.confirmedCount < event.capacity ? 'confirmed' : 'waitlisted' };

export function describeCheckinsContract(name: string, open: () => Promise<RepoHarness>): void {
  describe(`repository contract, event day: ${name}`, () => {
    let h: RepoHarness;
    let n = 0;
    beforeAll(async () => {
      h = await open();
    });
    beforeEach(() => h.reset());
    afterAll(() => h.close());

    async function register(eventId: string, openid: string) {
      await h.repos.users.ensure(openid, NOW);
      return h.repos.registrations.register({
        id: `reg-${++n}`,
        eventId,
        openid,
        contact: { name: openid, phone: '13800000000' },
        now: NOW,
        decide: takeSeat,
      });
    }

    it('gives a registration its first ticket code and keeps it when another is offered', async () => {
      await h.repos.events.insert(anEventRecord());
      const a = await register('ev-1', 'a');
      expect(a.ticketCode).toBeNull();
      expect(await h.repos.registrations.issueTicketCode(a.id, 'ABCD2345', LATER)).toMatchObject({ id: a.id, ticketCode: 'ABCD2345' });
      expect(await h.repos.registrations.issueTicketCode(a.id, 'WXYZ6789', LATER)).toMatchObject({ ticketCode: 'ABCD2345' });
      expect(await h.repos.registrations.get(a.id)).toMatchObject({ ticketCode: 'ABCD2345', status: 'confirmed' });
      expect((await h.repos.registrations.listByEvent('ev-1'))[0].ticketCode).toBe('ABCD2345');
    });

    it('refuses a code another registration of the same event holds, and allows it on another event', async () => {
      await h.repos.events.insert(anEventRecord());
      await h.repos.events.insert(anEventRecord({ id: 'ev-2' }));
      const a = await register('ev-1', 'a');
      const b = await register('ev-1', 'b');
      const c = await register('ev-2', 'c');
      await h.repos.registrations.issueTicketCode(a.id, 'ABCD2345', LATER);
      expect(await h.repos.registrations.issueTicketCode(b.id, 'ABCD2345', LATER)).toBe('taken');
      expect((await h.repos.registrations.get(b.id))?.ticketCode).toBeNull();
      expect(await h.repos.registrations.issueTicketCode(c.id, 'ABCD2345', LATER)).toMatchObject({ ticketCode: 'ABCD2345' });
      const holders = await h.repos.registrations.findByTicketCode('ABCD2345');
      expect(holders.map((r) => [r.eventId, r.id]).sort()).toEqual([
        ['ev-1', a.id],
        ['ev-2', c.id],
      ]);
      expect(await h.repos.registrations.findByTicketCode('ZZZZ2345')).toEqual([]);
    });

    it('counts an event’s registrations by status', async () => {
      await h.repos.events.insert(anEventRecord({ capacity: 2 }));
      const a = await register('ev-1', 'a');
      await register('ev-1', 'b');
      await register('ev-1', 'c');
      await h.repos.registrations.change(a.id, LATER, () => ({ patch: { status: 'attended', attendedAt: LATER } }));
      expect(await h.repos.registrations.countByStatus('ev-1')).toEqual({ confirmed: 1, attended: 1, waitlisted: 1, cancelled: 0 });
      expect(await h.repos.registrations.countByStatus('ev-none')).toEqual({ confirmed: 0, attended: 0, waitlisted: 0, cancelled: 0 });
    });

    it('keeps the first check-in token issued for an event', async () => {
      await h.repos.events.insert(anEventRecord());
      expect(await h.repos.checkinTokens.get('ev-1')).toBeNull();
      expect(await h.repos.checkinTokens.issue('ev-1', 'token-one-1', NOW)).toBe('token-one-1');
      expect(await h.repos.checkinTokens.issue('ev-1', 'token-two-2', LATER)).toBe('token-one-1');
      expect(await h.repos.checkinTokens.get('ev-1')).toBe('token-one-1');
    });
  });
}
