/**
 * The rest of the repository contract: follow-ups (入党意向 / 党员报到), the audit log, the outbox and its delivery
 * methods, party organisations, and what must hold when many callers write at once. Written against the ports only;
 * run on every adapter by tests/server/repositories.test.ts.
 */
import type { FollowupRecord, FollowupStep, Repositories } from '../../../cloudfunctions/api/src/core/ports';
import { anEventRecord, type RepoHarness } from './repositories.contract';

const roleAudit = (openid: string) => ({ actor: 'admin-1', action: 'role.change', recordType: 'user', recordId: openid, detail: null });

const NOW = '2026-12-01T02:00:00.000Z';
const LATER = '2026-12-01T03:00:00.000Z';

function aFollowup(overrides: Partial<FollowupRecord> = {}): FollowupRecord {
  return {
    id: 'fu-1',
    kind: 'intent',
    openid: 'rider-1',
    status: 'submitted',
    name: '王小明',
    phone: '13800000013',
    gender: 'male',
    birthMonth: '2001-05',
    occupation: 'rider',
    employer: null,
    politicalStatus: 'league_member',
    education: null,
    statement: null,
    homeOrg: null,
    wish: null,
    orgId: null,
    closeReason: null,
    consentAt: NOW,
    contactedAt: null,
    withdrawnAt: null,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

const FIRST_STEP: Omit<FollowupStep, 'at'> = { fromStatus: null, toStatus: 'submitted', note: null, reason: null, actor: 'self' };

export function describeFollowupsAndOutboxContract(name: string, open: () => Promise<RepoHarness>): void {
  describe(`repository contract (follow-ups, audit, outbox, concurrency): ${name}`, () => {
    let h: RepoHarness;
    let repos: Repositories;
    beforeAll(async () => {
      h = await open();
      repos = h.repos;
    });
    beforeEach(async () => {
      await h.reset();
      for (const who of ['rider-1', 'rider-2', 'staff-1']) await repos.users.ensure(who, NOW);
    });
    afterAll(() => h.close());

    it('keeps one open record of each kind per person, and frees the place once it is closed', async () => {
      expect(await repos.followups.insert(aFollowup(), FIRST_STEP)).toBe('created');
      expect(await repos.followups.insert(aFollowup({ id: 'fu-2' }), FIRST_STEP)).toBe('already-open');
      expect(await repos.followups.insert(aFollowup({ id: 'fu-3', kind: 'report' }), FIRST_STEP)).toBe('created');
      expect(await repos.followups.get('fu-2')).toBeNull();
      expect((await repos.followups.findOpenByUser('intent', 'rider-1'))?.id).toBe('fu-1');

      await repos.followups.change('fu-1', LATER, (current) => ({
        patch: { status: 'closed', closeReason: '本人撤回', withdrawnAt: LATER, openid: null, name: null },
        step: { fromStatus: current.status, toStatus: 'closed', note: null, reason: '本人撤回', actor: 'self' },
      }));
      expect(await repos.followups.findOpenByUser('intent', 'rider-1')).toBeNull();
      expect(await repos.followups.insert(aFollowup({ id: 'fu-4', createdAt: LATER }), FIRST_STEP)).toBe('created');
    });

    it('lets only one of two simultaneous submissions by one person through', async () => {
      const outcomes = await Promise.all(
        ['fu-a', 'fu-b', 'fu-c'].map((id) => repos.followups.insert(aFollowup({ id }), FIRST_STEP)),
      );
      expect(outcomes.sort()).toEqual(['already-open', 'already-open', 'created']);
      expect(await repos.followups.listByUser('intent', 'rider-1')).toHaveLength(1);
    });

    it('writes a change with its step, audit entry and notification together, or nothing when the guard refuses', async () => {
      await repos.followups.insert(aFollowup(), FIRST_STEP);
      const after = await repos.followups.change('fu-1', LATER, (current) => ({
        patch: { status: 'contacted', contactedAt: LATER },
        step: { fromStatus: current.status, toStatus: 'contacted', note: '电话联系', reason: null, actor: 'staff-1' },
        audit: { actor: 'staff-1', action: 'intent.advance', recordType: 'intent', recordId: 'fu-1', detail: 'submitted → contacted' },
        notify: { openid: 'rider-1', template: 'intent_status', data: { what: '入党意向', status: '已联系' } },
      }));
      expect(after).toMatchObject({ status: 'contacted', contactedAt: LATER, updatedAt: LATER, name: '王小明' });
      expect(await repos.followups.get('fu-1')).toEqual(after);
      expect((await repos.followups.steps('fu-1')).map((s) => [s.fromStatus, s.toStatus, s.note, s.at])).toEqual([
        [null, 'submitted', null, NOW],
        ['submitted', 'contacted', '电话联系', LATER],
      ]);
      expect(await repos.audit.listFor('intent', 'fu-1')).toEqual([
        { actor: 'staff-1', action: 'intent.advance', recordType: 'intent', recordId: 'fu-1', detail: 'submitted → contacted', at: LATER },
      ]);
      expect(await repos.outbox.list({ openid: 'rider-1', limit: 10 })).toEqual([
        expect.objectContaining({ template: 'intent_status', data: { what: '入党意向', status: '已联系' }, status: 'pending', createdAt: LATER }),
      ]);

      await expect(
        repos.followups.change('fu-1', LATER, () => {
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      await expect(repos.followups.change('nope', LATER, () => ({ patch: {} }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await repos.followups.steps('fu-1')).toHaveLength(2);
      expect(await repos.outbox.list({ limit: 10 })).toHaveLength(1);
    });

    it('lists newest first with a cursor and a status filter, and counts by status, month and withdrawal', async () => {
      const days = ['2026-01-31T20:00:00.000Z', '2026-02-10T02:00:00.000Z', '2026-02-10T02:00:00.000Z', '2026-03-01T02:00:00.000Z'];
      for (const [i, at] of days.entries()) {
        await repos.users.ensure(`p-${i}`, NOW);
        await repos.followups.insert(
          aFollowup({ id: `fu-${i}`, openid: `p-${i}`, createdAt: at, status: i === 3 ? 'closed' : 'submitted', withdrawnAt: i === 3 ? at : null }),
          FIRST_STEP,
        );
      }
      const all = await repos.followups.list({ kind: 'intent', limit: 10 });
      expect(all.map((r) => r.id)).toEqual(['fu-3', 'fu-2', 'fu-1', 'fu-0']);
      const rest = await repos.followups.list({ kind: 'intent', limit: 10, after: { createdAt: all[1].createdAt, id: all[1].id } });
      expect(rest.map((r) => r.id)).toEqual(['fu-1', 'fu-0']);
      expect((await repos.followups.list({ kind: 'intent', status: 'closed', limit: 10 })).map((r) => r.id)).toEqual(['fu-3']);
      expect(await repos.followups.countByStatus('intent')).toEqual({ submitted: 3, closed: 1 });
      // 2026-01-31T20:00Z is already 1 February in Shanghai.
      expect(await repos.followups.countByMonth('intent', 'Asia/Shanghai')).toEqual([
        { month: '2026-02', count: 3 },
        { month: '2026-03', count: 1 },
      ]);
      expect(await repos.followups.countWithdrawn('intent')).toBe(1);
      expect(await repos.followups.countWithdrawn('report')).toBe(0);
    });

    it('lists the party organisations the schema seeds, by kind then id', async () => {
      const orgs = await repos.followups.orgs();
      expect(orgs.map((o) => o.id)).toEqual([
        'org-anyufeng', 'org-jiechi', 'org-nengfu', 'org-qimao', 'org-quanlan', 'org-yongzi', 'org-joint-park', 'org-joint-sheshan',
      ]);
      expect(orgs.find((o) => o.id === 'org-joint-sheshan')).toEqual({ id: 'org-joint-sheshan', name: '佘山镇“两新”组织联合党支部', kind: 'joint' });
    });

    it('keeps audit entries of one record in the order they were written, even at the same instant', async () => {
      for (const action of ['intent.read', 'intent.advance', 'intent.read']) {
        await repos.audit.record({ actor: 'staff-1', action, recordType: 'intent', recordId: 'fu-9', detail: null, at: NOW });
      }
      await repos.audit.record({ actor: 'staff-1', action: 'intent.read', recordType: 'intent', recordId: 'other', detail: null, at: NOW });
      expect((await repos.audit.listFor('intent', 'fu-9')).map((e) => e.action)).toEqual(['intent.read', 'intent.advance', 'intent.read']);
    });

    it('queues each message once per key and hands out pending ones oldest first', async () => {
      const reminder = (openid: string) => ({ key: `reminder:ev-1:${openid}`, message: { openid, template: 'event_reminder', data: { title: '骑手培训' } } });
      expect(await repos.outbox.enqueueOnce([reminder('rider-1'), reminder('rider-2')], NOW)).toBe(2);
      expect(await repos.outbox.enqueueOnce([reminder('rider-1'), reminder('rider-2')], LATER)).toBe(0);
      expect(await repos.outbox.enqueueOnce([reminder('rider-2'), reminder('staff-1')], LATER)).toBe(1);
      const pending = await repos.outbox.pending(10);
      expect(pending.map((m) => [m.openid, m.status, m.attempts, m.createdAt, m.data])).toEqual([
        ['rider-1', 'pending', 0, NOW, { title: '骑手培训' }],
        ['rider-2', 'pending', 0, NOW, { title: '骑手培训' }],
        ['staff-1', 'pending', 0, LATER, { title: '骑手培训' }],
      ]);
      expect(await repos.outbox.pending(1)).toEqual([pending[0]]);
      expect((await repos.outbox.list({ limit: 10 })).map((m) => m.id)).toEqual(pending.map((m) => m.id).reverse());
    });

    it('queues a key once when two runs enqueue it at the same moment', async () => {
      const item = { key: 'reminder:ev-1:rider-1', message: { openid: 'rider-1', template: 'event_reminder', data: {} } };
      const counts = await Promise.all([1, 2, 3].map(() => repos.outbox.enqueueOnce([item], NOW)));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
      expect(await repos.outbox.pending(10)).toHaveLength(1);
    });

    it('records delivery attempts: sent and failed are final, a retry stays pending', async () => {
      await repos.outbox.enqueueOnce(['a', 'b', 'c'].map((openid) => ({ key: openid, message: { openid, template: 't', data: {} } })), NOW);
      const [a, b, c] = await repos.outbox.pending(10);
      await repos.outbox.recordAttempt(a.id, 'sent', LATER);
      await repos.outbox.recordAttempt(b.id, 'retry', LATER);
      await repos.outbox.recordAttempt(b.id, 'retry', LATER);
      await repos.outbox.recordAttempt(c.id, 'failed', LATER);
      await repos.outbox.recordAttempt(a.id, 'failed', LATER);
      expect(await repos.outbox.pending(10)).toEqual([expect.objectContaining({ id: b.id, attempts: 2, status: 'pending' })]);
      const byId = new Map((await repos.outbox.list({ limit: 10 })).map((m) => [m.id, m.status]));
      expect([byId.get(a.id), byId.get(b.id), byId.get(c.id)]).toEqual(['sent', 'pending', 'failed']);
    });

    it('seats exactly the capacity when many sign up at the same moment, the rest wait in one gap-free line', async () => {
      await repos.events.insert(anEventRecord({ capacity: 5 }));
      const people = Array.from({ length: 40 }, (_, i) => `p-${i}`);
      for (const p of people) await repos.users.ensure(p, NOW);
      await Promise.all(
        people.map((openid, i) =>
          repos.registrations.register({
            id: `reg-${i}`,
            eventId: 'ev-1',
            openid,
            contact: { name: openid, phone: '13800000000' },
            now: NOW,
            decide: (event, existing) =>
              existing ? { kind: 'keep-existing' } : { kind: 'take', status: event.confirmedCount < event.capacity ? 'confirmed' : 'waitlisted' },
          }),
        ),
      );
      const all = await repos.registrations.listByEvent('ev-1');
      expect(all.filter((r) => r.status === 'confirmed')).toHaveLength(5);
      expect(all.filter((r) => r.status === 'waitlisted').map((r) => r.position)).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
      expect(await repos.events.get('ev-1')).toMatchObject({ confirmedCount: 5, waitlistCount: 35 });
    });

    it('creates a person once when their first calls arrive together', async () => {
      const users = await Promise.all(Array.from({ length: 5 }, () => repos.users.ensure('newcomer', NOW)));
      expect(new Set(users.map((u) => u.openid))).toEqual(new Set(['newcomer']));
      expect(await repos.users.countByRole('worker')).toBe(4);
    });

    it('gives each of a crowd arriving together their own record: the known as they were, the new ones created once', async () => {
      await repos.users.setRoles('staff-1', ['staff'], NOW);
      await repos.users.saveContact('rider-2', { name: '李骑手', phone: '13900000002' }, NOW);
      const crowd = ['rider-2', 'new-1', 'staff-1', 'new-2', 'new-1', ...Array.from({ length: 30 }, (_, i) => `new-crowd-${i % 10}`)];
      const users = await Promise.all(crowd.map((openid) => repos.users.ensure(openid, NOW)));

      expect(users.map((u) => u.openid)).toEqual(crowd);
      expect(users[0]).toMatchObject({ name: '李骑手', phone: '13900000002' });
      expect(users[2]).toMatchObject({ roles: ['staff'] });
      expect(users[1]).toEqual(await repos.users.get('new-1'));
      expect(users[1]).toMatchObject({ name: null, createdAt: NOW });
      // rider-1, rider-2 and the twelve newcomers are workers; staff-1 is staff only.
      expect(await repos.users.countByRole('worker')).toBe(2 + 2 + 10);
    });

    it('keeps one admin when the last two revoke each other at the same moment', async () => {
      await repos.users.addRole('rider-1', 'admin', NOW, roleAudit('rider-1'));
      await repos.users.addRole('rider-2', 'admin', NOW, roleAudit('rider-2'));
      const outcomes = await Promise.all([
        repos.users.removeRole('rider-1', 'admin', LATER, roleAudit('rider-1')),
        repos.users.removeRole('rider-2', 'admin', LATER, roleAudit('rider-2')),
      ]);
      expect(outcomes.filter((o) => o === 'last-admin')).toHaveLength(1);
      expect(await repos.users.countByRole('admin')).toBe(1);
    });

    it('reads past the 100 documents one request returns', async () => {
      await repos.events.insert(anEventRecord({ capacity: 1000 }));
      const people = Array.from({ length: 230 }, (_, i) => `bulk-${i}`);
      for (const [i, openid] of people.entries()) {
        await repos.users.ensure(openid, NOW);
        await repos.registrations.register({
          id: `bulk-reg-${i}`, eventId: 'ev-1', openid, contact: { name: openid, phone: '13800000000' }, now: NOW,
          decide: (_e, existing) => (existing ? { kind: 'keep-existing' } : { kind: 'take', status: 'confirmed' }),
        });
      }
      expect((await repos.registrations.listByEvent('ev-1')).filter((r) => r.openid.startsWith('bulk-'))).toHaveLength(230);
      expect(await repos.users.listByRole('worker')).toHaveLength(233);
    });
  });
}
