/**
 * The repository contract: what every storage adapter must do, written against the ports only.
 * SQL on PGlite and on PostgreSQL run it today; a CloudBase adapter plugs in the same way.
 */
import type { EventRecord, Repositories, RegistrationRecord, SeatDecision } from '../../../cloudfunctions/api/src/core/ports';

const roleAudit = (openid: string) => ({ actor: 'admin-1', action: 'role.change', recordType: 'user', recordId: openid, detail: null });

export interface RepoHarness {
  repos: Repositories;
  /** Empties the store between tests. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const NOW = '2026-12-01T02:00:00.000Z';
const LATER = '2026-12-01T03:00:00.000Z';

export function anEventRecord(overrides: Partial<EventRecord> = {}): EventRecord {
  return {
    id: 'ev-1',
    type: 'training',
    title: '骑手职业技能培训',
    description: '',
    startAt: '2026-12-08T06:00:00.000Z',
    endAt: '2026-12-08T08:00:00.000Z',
    location: '佘山镇党群服务中心',
    capacity: 2,
    signupDeadline: null,
    waitlist: true,
    audience: 'all',
    questions: [],
    status: 'published',
    cancelReason: null,
    publishedAt: NOW,
    createdBy: 'staff-1',
    createdAt: NOW,
    updatedAt: NOW,
    confirmedCount: 0,
    waitlistCount: 0,
    ...overrides,
  };
}

/** The seat rule in its simplest form, so the contract tests the adapter and not the use case. */
const takeSeat = (event: EventRecord, existing: RegistrationRecord | null): SeatDecision => {
  if (existing && existing.status !== 'cancelled') return { kind: 'keep-existing' };
  return { kind: 'take', status: event.confirmedCount < event.capacity ? 'confirmed' : 'waitlisted' };
};

export function describeRepositoryContract(name: string, open: () => Promise<RepoHarness>): void {
  describe(`repository contract: ${name}`, () => {
    let h: RepoHarness;
    let n = 0;
    beforeAll(async () => {
      h = await open();
    });
    beforeEach(() => h.reset());
    afterAll(() => h.close());

    async function person(openid: string) {
      await h.repos.users.ensure(openid, NOW);
      return openid;
    }
    async function register(eventId: string, openid: string, decide = takeSeat) {
      await person(openid);
      return h.repos.registrations.register({
        id: `reg-${++n}`,
        eventId,
        openid,
        contact: { name: openid, phone: '13800000000' },
        now: NOW,
        decide,
      });
    }

    const cancelIt = () => ({ patch: { status: 'cancelled' as const, cancelledAt: LATER } });

    it('keeps an event’s questions, a sign-up’s answers, and replaces both whole', async () => {
      const questions = [
        { id: 'platform', kind: 'single' as const, label: '所在平台', required: true, options: ['美团', '饿了么'] },
        { id: 'years', kind: 'number' as const, label: '从业年限', required: false },
      ];
      await h.repos.events.insert(anEventRecord({ id: 'ev-q', questions }));
      expect((await h.repos.events.get('ev-q'))?.questions).toEqual(questions);
      await person('worker-q');
      const first = await h.repos.registrations.register({
        id: 'reg-q', eventId: 'ev-q', openid: 'worker-q', contact: { name: '王', phone: '13800000000' },
        answers: { platform: '美团', years: 3 }, now: NOW, decide: takeSeat,
      });
      expect(first.answers).toEqual({ platform: '美团', years: 3 });
      expect((await h.repos.registrations.listByEvent('ev-q'))[0].answers).toEqual({ platform: '美团', years: 3 });
      await h.repos.registrations.cancel('reg-q', LATER, cancelIt);
      await h.repos.registrations.register({
        id: 'reg-q2', eventId: 'ev-q', openid: 'worker-q', contact: { name: '王', phone: '13800000000' },
        answers: { platform: '饿了么' }, now: LATER, decide: takeSeat,
      });
      expect((await h.repos.registrations.get('reg-q'))?.answers).toEqual({ platform: '饿了么' });
      const reworded = [{ ...questions[0], label: '您所在的平台' }];
      await h.repos.events.update('ev-q', LATER, () => ({ patch: { questions: reworded } }));
      expect((await h.repos.events.get('ev-q'))?.questions).toEqual(reworded);
    });

    it('stores an event and reads it back field for field', async () => {
      const event = anEventRecord({ signupDeadline: '2026-12-07T10:00:00.000Z', description: '介绍' });
      await h.repos.events.insert(event);
      expect(await h.repos.events.get('ev-1')).toEqual(event);
      expect(await h.repos.events.get('nope')).toBeNull();
    });

    it('applies a guarded patch with its audit entry, and writes nothing when the guard throws', async () => {
      await h.repos.events.insert(anEventRecord());
      const audit = { actor: 'staff-1', action: 'event.update', recordType: 'event', recordId: 'ev-1', detail: '改标题' };
      const updated = await h.repos.events.update('ev-1', LATER, () => ({ patch: { title: '新标题', capacity: 10 }, audit }));
      expect(updated).toMatchObject({ title: '新标题', capacity: 10, updatedAt: LATER });
      await expect(
        h.repos.events.update('ev-1', LATER, () => {
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect((await h.repos.events.get('ev-1'))?.title).toBe('新标题');
      expect(await h.repos.audit.listFor('event', 'ev-1')).toEqual([{ ...audit, at: LATER }]);
    });

    it('lists by status, type and end, ordered by start then id, after a cursor', async () => {
      const starts = ['2026-12-03', '2026-12-02', '2026-12-04', '2026-12-02'];
      for (const [i, day] of starts.entries()) {
        await h.repos.events.insert(
          anEventRecord({
            id: `ev-${i}`,
            startAt: `${day}T06:00:00.000Z`,
            endAt: `${day}T08:00:00.000Z`,
            type: i === 2 ? 'fair' : 'training',
          }),
        );
      }
      await h.repos.events.insert(anEventRecord({ id: 'ev-draft', status: 'draft' }));
      const all = await h.repos.events.list({ status: 'published', limit: 10 });
      expect(all.map((e) => e.id)).toEqual(['ev-1', 'ev-3', 'ev-0', 'ev-2']);
      const page2 = await h.repos.events.list({ status: 'published', limit: 2, after: { startAt: all[1].startAt, id: all[1].id } });
      expect(page2.map((e) => e.id)).toEqual(['ev-0', 'ev-2']);
      expect((await h.repos.events.list({ status: 'published', type: 'fair', limit: 10 })).map((e) => e.id)).toEqual(['ev-2']);
      const upcoming = await h.repos.events.list({ status: 'published', endsAfter: '2026-12-03T07:00:00.000Z', limit: 10 });
      expect(upcoming.map((e) => e.id)).toEqual(['ev-0', 'ev-2']);
      expect((await h.repos.events.list({ status: 'draft', limit: 10 })).map((e) => e.id)).toEqual(['ev-draft']);
    });

    it('confirms up to capacity, then waitlists in arrival order with positions', async () => {
      await h.repos.events.insert(anEventRecord({ capacity: 2 }));
      const regs = [];
      for (const who of ['a', 'b', 'c', 'd']) regs.push(await register('ev-1', who));
      expect(regs.map((r) => [r.status, r.position])).toEqual([
        ['confirmed', null],
        ['confirmed', null],
        ['waitlisted', 1],
        ['waitlisted', 2],
      ]);
      expect(await h.repos.events.get('ev-1')).toMatchObject({ confirmedCount: 2, waitlistCount: 2 });
    });

    it('keeps the existing registration when decide says so', async () => {
      await h.repos.events.insert(anEventRecord());
      const first = await register('ev-1', 'a');
      const again = await register('ev-1', 'a');
      expect(again.id).toBe(first.id);
      expect(await h.repos.events.get('ev-1')).toMatchObject({ confirmedCount: 1 });
    });

    it('refuses only the sign-up its rule refuses when many arrive together, and gives a double tap one registration', async () => {
      await h.repos.events.insert(anEventRecord({ capacity: 2 }));
      for (const who of ['a', 'b', 'c', 'd']) await person(who);
      const refuseC = (event: EventRecord, existing: RegistrationRecord | null) => {
        throw new Error(`closed for c (${event.id}, ${existing ? 'again' : 'first'})`);
      };
      const outcomes = await Promise.allSettled([
        register('ev-1', 'a'),
        register('ev-1', 'b'),
        register('ev-1', 'b'),
        register('ev-1', 'c', refuseC),
        register('ev-1', 'd'),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      const [a, b1, b2, , d] = outcomes.map((o) => (o.status === 'fulfilled' ? o.value : null));
      expect(b1?.id).toBe(b2?.id);
      // Which of a, b and d came last depends on the round trips before each call reaches the repository.
      const seated = [a, b1, d].map((r) => [r?.status, r?.position]);
      expect(seated.filter(([status]) => status === 'confirmed')).toHaveLength(2);
      expect(seated.filter(([status]) => status === 'waitlisted')).toEqual([['waitlisted', 1]]);
      expect(await h.repos.registrations.findByEventAndUser('ev-1', 'c')).toBeNull();
      expect(await h.repos.events.get('ev-1')).toMatchObject({ confirmedCount: 2, waitlistCount: 1 });
    });

    it("keeps each sign-up's contact as the person's own, as typed the last time, and not a refused one's", async () => {
      await h.repos.events.insert(anEventRecord({ capacity: 5 }));
      for (const who of ['a', 'c']) await person(who);
      const signUp = (openid: string, name: string, decide = takeSeat) =>
        h.repos.registrations.register({ id: `reg-${++n}`, eventId: 'ev-1', openid, contact: { name, phone: '13700000001' }, now: NOW, decide });
      const refuse = () => {
        throw new Error('closed');
      };
      await signUp('a', '张一');
      // Signing up again keeps the seat, and the name as now typed.
      await signUp('a', '张一一');
      await expect(signUp('c', '李三', refuse)).rejects.toThrow('closed');

      expect(await h.repos.users.get('a')).toMatchObject({ name: '张一一', phone: '13700000001' });
      expect(await h.repos.users.get('c')).toMatchObject({ name: null, phone: null });
    });

    it('writes nothing when decide throws', async () => {
      await h.repos.events.insert(anEventRecord());
      await expect(
        register('ev-1', 'a', () => {
          throw new Error('closed');
        }),
      ).rejects.toThrow('closed');
      expect(await h.repos.registrations.findByEventAndUser('ev-1', 'a')).toBeNull();
      expect(await h.repos.events.get('ev-1')).toMatchObject({ confirmedCount: 0, waitlistCount: 0 });
    });

    it('cancels a confirmed seat and promotes the first waitlisted person', async () => {
      await h.repos.events.insert(anEventRecord({ capacity: 1 }));
      const a = await register('ev-1', 'a');
      const b = await register('ev-1', 'b');
      const c = await register('ev-1', 'c');
      const out = await h.repos.registrations.cancel(a.id, LATER, cancelIt);
      expect(out.registration).toMatchObject({ status: 'cancelled', cancelledAt: LATER });
      expect(out.promoted).toMatchObject({ id: b.id, status: 'confirmed' });
      expect(await h.repos.registrations.get(c.id)).toMatchObject({ status: 'waitlisted', position: 1 });
      expect(await h.repos.events.get('ev-1')).toMatchObject({ confirmedCount: 1, waitlistCount: 1 });
      expect((await h.repos.outbox.list({ openid: 'b', limit: 10 })).map((m) => m.template)).toEqual(['registration_promoted']);
      const twice = await h.repos.registrations.cancel(a.id, LATER, cancelIt);
      expect(twice.promoted).toBeNull();
      expect(await h.repos.events.get('ev-1')).toMatchObject({ confirmedCount: 1, waitlistCount: 1 });
    });

    it('cancelling a waitlisted place promotes nobody and moves the others up', async () => {
      await h.repos.events.insert(anEventRecord({ capacity: 1 }));
      await register('ev-1', 'a');
      const b = await register('ev-1', 'b');
      const c = await register('ev-1', 'c');
      const out = await h.repos.registrations.cancel(b.id, LATER, cancelIt);
      expect(out.promoted).toBeNull();
      expect(await h.repos.registrations.get(c.id)).toMatchObject({ position: 1 });
    });

    it('fills seats freed by a larger capacity from the waitlist in order', async () => {
      await h.repos.events.insert(anEventRecord({ capacity: 1 }));
      for (const who of ['a', 'b', 'c', 'd']) await register('ev-1', who);
      const updated = await h.repos.events.update('ev-1', LATER, () => ({ patch: { capacity: 3 } }));
      expect(updated).toMatchObject({ confirmedCount: 3, waitlistCount: 1 });
      const confirmed = await h.repos.registrations.listByEvent('ev-1', 'confirmed');
      expect(confirmed.map((r) => r.openid)).toEqual(['a', 'b', 'c']);
      expect(await h.repos.events.get('ev-1')).toMatchObject({ confirmedCount: 3, waitlistCount: 1 });
      expect((await h.repos.outbox.list({ openid: 'c', limit: 10 })).map((m) => m.template)).toEqual(['registration_promoted']);
      expect(await h.repos.outbox.list({ openid: 'd', limit: 10 })).toEqual([]);
    });

    it('checks in once and lists by event in arrival order and by user newest first', async () => {
      await h.repos.events.insert(anEventRecord({ capacity: 5 }));
      await h.repos.events.insert(anEventRecord({ id: 'ev-2', capacity: 5 }));
      const a = await register('ev-1', 'a');
      await register('ev-1', 'b');
      const audit = { actor: 'staff-1', action: 'registration.checkIn', recordType: 'registration', recordId: a.id, detail: null };
      const checked = await h.repos.registrations.change(a.id, LATER, (_current, event) => {
        expect(event.id).toBe('ev-1');
        return { patch: { status: 'attended', attendedAt: LATER }, audit };
      });
      expect(checked).toMatchObject({ status: 'attended', attendedAt: LATER });
      expect(await h.repos.audit.listFor('registration', a.id)).toEqual([{ ...audit, at: LATER }]);
      await expect(
        h.repos.registrations.change(a.id, LATER, () => ({ patch: { status: 'cancelled' } })),
      ).rejects.toThrow('cannot move a seat');
      expect(await h.repos.events.get('ev-1')).toMatchObject({ confirmedCount: 2 });
      expect((await h.repos.registrations.listByEvent('ev-1')).map((r) => r.openid)).toEqual(['a', 'b']);
      expect((await h.repos.registrations.listByEvent('ev-1', 'attended')).map((r) => r.openid)).toEqual(['a']);
      await h.repos.registrations.register({
        id: 'reg-late', eventId: 'ev-2', openid: 'a', contact: { name: 'a', phone: '13800000000' }, now: LATER, decide: takeSeat,
      });
      expect((await h.repos.registrations.listByUser('a')).map((r) => r.eventId)).toEqual(['ev-2', 'ev-1']);
    });

    it('creates a user once as a plain worker, then keeps roles, contact and enterprise', async () => {
      const u = await h.repos.users.ensure('u-1', NOW);
      expect(u).toMatchObject({ openid: 'u-1', roles: ['worker'], name: null, phone: null, enterpriseId: null });
      await h.repos.users.setRoles('u-1', ['worker', 'staff', 'staff'], LATER);
      await h.repos.users.saveContact('u-1', { name: '王师傅', phone: '13800000011' }, LATER);
      await h.repos.users.bindEnterprise('u-1', { id: 'ent-1', name: '上海咏姿时装有限公司' }, LATER);
      const again = await h.repos.users.ensure('u-1', LATER);
      expect(again).toMatchObject({
        roles: ['worker', 'staff'],
        name: '王师傅',
        phone: '13800000011',
        enterpriseId: 'ent-1',
        enterpriseName: '上海咏姿时装有限公司',
        createdAt: NOW,
      });
      expect((await h.repos.users.listByRole('staff')).map((x) => x.openid)).toEqual(['u-1']);
      expect(await h.repos.users.countByRole('staff')).toBe(1);
      expect(await h.repos.users.countByRole('admin')).toBe(0);
    });

    it('finds people by their exact name or phone, oldest first, and nobody for a part of either', async () => {
      await h.repos.users.ensure('p-1', NOW);
      await h.repos.users.ensure('p-2', LATER);
      await h.repos.users.ensure('p-3', LATER);
      await h.repos.users.saveContact('p-1', { name: '王师傅', phone: '13800000011' }, LATER);
      await h.repos.users.saveContact('p-2', { name: '王师傅', phone: '13900000022' }, LATER);
      await h.repos.users.saveContact('p-3', { name: '李小燕', phone: '13700000033' }, LATER);
      expect((await h.repos.users.findByNameOrPhone('王师傅', 20)).map((u) => u.openid)).toEqual(['p-1', 'p-2']);
      expect((await h.repos.users.findByNameOrPhone('13700000033', 20)).map((u) => u.openid)).toEqual(['p-3']);
      expect(await h.repos.users.findByNameOrPhone('王师', 20)).toEqual([]);
      expect((await h.repos.users.findByNameOrPhone('王师傅', 1)).map((u) => u.openid)).toEqual(['p-1']);
    });

    it('adds and removes one role at a time and never removes the last admin', async () => {
      await h.repos.users.ensure('a-1', NOW);
      await h.repos.users.ensure('a-2', NOW);
      await h.repos.users.addRole('a-1', 'admin', LATER, roleAudit('a-1'));
      await h.repos.users.addRole('a-1', 'admin', LATER, roleAudit('a-1'));
      expect((await h.repos.users.get('a-1'))?.roles).toEqual(['worker', 'admin']);
      expect(await h.repos.users.removeRole('a-1', 'admin', LATER, roleAudit('a-1'))).toBe('last-admin');
      await h.repos.users.addRole('a-2', 'admin', LATER, roleAudit('a-2'));
      expect(await h.repos.users.removeRole('a-1', 'admin', LATER, roleAudit('a-1'))).toMatchObject({ roles: ['worker'] });
      expect(await h.repos.users.removeRole('a-2', 'worker', LATER, roleAudit('a-2'))).toMatchObject({ roles: ['admin'] });
      // An entry for each change that happened: the repeated grant and the refused revocation left none.
      expect(await h.repos.audit.listFor('user', 'a-1')).toHaveLength(2);
      expect(await h.repos.audit.listFor('user', 'a-2')).toHaveLength(2);
    });
  });
}
