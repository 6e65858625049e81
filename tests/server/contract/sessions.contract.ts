/**
 * The sessions and sign-in tickets ports on every adapter: a session is listed while live, ends once (with one audit
 * entry), and a ticket moves only through its guard. Written against the ports only; run by tests/server/repositories.test.ts.
 */
import type { LoginTicketRecord, Repositories, SessionRecord } from '../../../cloudfunctions/api/src/core/ports';
import { confirmTicket, consumeTicket, revokeSession } from '../../../cloudfunctions/api/src/sessions/rules';
import type { RepoHarness } from './repositories.contract';

const T0 = '2026-12-01T02:00:00.000Z';
const LATER = '2026-12-01T03:00:00.000Z';
const WEEK_LATER = '2026-12-08T02:00:00.000Z';

const aSession = (id: string, overrides: Partial<SessionRecord> = {}): SessionRecord => ({
  id,
  openid: 'rider-1',
  via: 'wechat',
  device: 'iPhone · 微信小程序',
  createdAt: T0,
  lastSeenAt: T0,
  expiresAt: WEEK_LATER,
  revokedAt: null,
  revokedBy: null,
  ...overrides,
});

const aTicket = (id: string): LoginTicketRecord => ({
  id,
  secretHash: 'a'.repeat(64),
  device: 'Windows · Chrome',
  status: 'pending',
  createdAt: T0,
  expiresAt: '2026-12-01T02:02:00.000Z',
  scannedBy: null,
  confirmedBy: null,
  confirmedAt: null,
  sessionId: null,
});

export function describeSessionsContract(name: string, open: () => Promise<RepoHarness>): void {
  describe(`repository contract (sessions): ${name}`, () => {
    let h: RepoHarness;
    let repos: Repositories;
    beforeAll(async () => {
      h = await open();
      repos = h.repos;
    });
    beforeEach(async () => {
      await h.reset();
      for (const who of ['rider-1', 'rider-2', 'admin-1']) await repos.users.ensure(who, T0);
    });
    afterAll(() => h.close());

    it('lists only the live sessions of a person, the most recently used first, with the sign-in audited', async () => {
      await repos.sessions.insert(aSession('sess-a'), { actor: 'rider-1', action: 'session.start', recordType: 'session', recordId: 'sess-a', detail: 'wechat' });
      await repos.sessions.insert(aSession('sess-b', { device: 'Windows · Chrome', via: 'qr' }));
      await repos.sessions.insert(aSession('sess-old', { expiresAt: '2026-12-01T02:30:00.000Z' }));
      await repos.sessions.insert(aSession('sess-other', { openid: 'rider-2' }));
      await repos.sessions.touch('sess-b', LATER);

      const live = await repos.sessions.listLive('rider-1', LATER);
      expect(live.map((s) => [s.id, s.device, s.lastSeenAt])).toEqual([
        ['sess-b', 'Windows · Chrome', LATER],
        ['sess-a', 'iPhone · 微信小程序', T0],
      ]);
      expect((await repos.audit.listFor('session', 'sess-a')).map((e) => e.action)).toEqual(['session.start']);
    });

    it('ends a session once: a second revoke changes nothing and writes no second audit entry', async () => {
      await repos.sessions.insert(aSession('sess-c'));
      const revoked = await repos.sessions.change('sess-c', LATER, revokeSession('admin-1', LATER));
      expect(revoked).toMatchObject({ revokedAt: LATER, revokedBy: 'admin-1' });
      await repos.sessions.change('sess-c', WEEK_LATER, revokeSession('rider-1', WEEK_LATER));
      expect(await repos.sessions.get('sess-c')).toMatchObject({ revokedAt: LATER, revokedBy: 'admin-1' });
      expect(await repos.sessions.listLive('rider-1', LATER)).toEqual([]);
      expect((await repos.audit.listFor('session', 'sess-c')).map((e) => [e.actor, e.action])).toEqual([['admin-1', 'session.revoke']]);
    });

    it('reads a session together with the person it speaks for (roles and enterprise included), and nothing for an unknown id', async () => {
      await repos.users.setRoles('admin-1', ['admin'], T0);
      await repos.users.saveContact('admin-1', { name: '王管理', phone: '13900000009' }, T0);
      await repos.sessions.insert(aSession('sess-admin', { openid: 'admin-1' }));

      const found = await repos.sessions.getWithUser('sess-admin');

      expect(found?.session).toEqual(await repos.sessions.get('sess-admin'));
      expect(found?.user).toEqual(await repos.users.get('admin-1'));
      expect(found?.user).toMatchObject({ openid: 'admin-1', roles: ['admin'], name: '王管理', phone: '13900000009' });
      expect(await repos.sessions.getWithUser('sess-nobody')).toBeNull();
    });

    it('reads many sessions asked for at once each with its own person, a revoked one as revoked and an unknown one as nothing', async () => {
      await repos.users.saveContact('rider-2', { name: '李骑手', phone: '13900000002' }, T0);
      await repos.sessions.insert(aSession('sess-1'));
      await repos.sessions.insert(aSession('sess-2', { openid: 'rider-2' }));
      await repos.sessions.insert(aSession('sess-gone'));
      await repos.sessions.change('sess-gone', LATER, revokeSession('rider-1', LATER));

      // As a crowd of calls reaches the gateway: all asked in the same turn, some twice.
      const ids = ['sess-2', 'sess-none', 'sess-1', 'sess-gone', 'sess-2', ...Array.from({ length: 40 }, (_, i) => (i % 2 ? 'sess-1' : 'sess-2'))];
      const found = await Promise.all(ids.map((id) => repos.sessions.getWithUser(id)));

      expect(found.map((f) => f && [f.session.id, f.user?.openid, f.user?.name ?? null])).toEqual(
        ids.map((id) =>
          id === 'sess-none' ? null : id === 'sess-2' ? ['sess-2', 'rider-2', '李骑手'] : [id, 'rider-1', null],
        ),
      );
      expect(found[3]?.session).toMatchObject({ revokedAt: LATER, revokedBy: 'rider-1' });
    });

    it('answers NOT_FOUND for a session that does not exist', async () => {
      await expect(repos.sessions.change('sess-none', LATER, revokeSession('admin-1', LATER))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('moves a ticket through confirm and consume under its guard, and refuses a second consume', async () => {
      await repos.loginTickets.insert(aTicket('ticket-a'));
      const now = '2026-12-01T02:01:00.000Z';
      expect(await repos.loginTickets.change('ticket-a', now, confirmTicket('staff-1', now))).toMatchObject({
        status: 'confirmed',
        confirmedBy: 'staff-1',
        confirmedAt: now,
      });
      const consumed = await repos.loginTickets.change('ticket-a', now, consumeTicket('a'.repeat(64), 'sess-q', now));
      expect(consumed).toMatchObject({ status: 'consumed', sessionId: 'sess-q' });
      await expect(repos.loginTickets.change('ticket-a', now, consumeTicket('a'.repeat(64), 'sess-r', now))).rejects.toMatchObject({
        code: 'INVALID_TRANSITION',
      });
      expect(await repos.loginTickets.get('ticket-a')).toMatchObject({ status: 'consumed', sessionId: 'sess-q' });
      expect((await repos.audit.listFor('login_ticket', 'ticket-a')).map((e) => e.action)).toEqual(['login.qr.confirm', 'login.qr']);
    });
  });
}
