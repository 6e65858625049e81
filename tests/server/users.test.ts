import { ENGINES } from './support/db';
import { dispatch } from '../../cloudfunctions/api/src/app/dispatch';
import { createSessions } from '../../cloudfunctions/api/src/http/sessions';
import { aPublishedEvent, anEvent, contactOf, makeWorld, type World } from './support/world';

const sessions = createSessions('a-test-secret-that-is-long-enough-0123456789');

describe('users and roles', () => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld('pglite', { demoSessions: sessions });
  });
  beforeEach(() => world.reset());
  afterAll(() => world.close());

  describe('me.get', () => {
    it('shows a new person as a plain worker with an empty profile', async () => {
      expect(await world.call('worker-1', 'me.get', {})).toEqual({
        openid: 'worker-1',
        roles: ['worker'],
        profile: { name: null, phone: null, enterprise: null, resume: null },
      });
    });

    it('shows an HR contact the enterprise they are bound to', async () => {
      await world.givenUser('hr-1', ['hr']);
      await world.deps.repos.users.bindEnterprise('hr-1', { id: 'ent-yongzi', name: '上海咏姿时装有限公司' }, world.clock.now.toISOString());
      expect(await world.call('hr-1', 'me.get', {})).toEqual({
        openid: 'hr-1',
        roles: ['hr'],
        profile: { name: null, phone: null, enterprise: { id: 'ent-yongzi', name: '上海咏姿时装有限公司' }, resume: null },
      });
    });

    it('remembers the name and phone of the last sign-up', async () => {
      const eventId = await aPublishedEvent(world);
      await world.call('worker-1', 'registrations.create', { eventId, contact: contactOf(1) });
      expect((await world.call('worker-1', 'me.get', {})).profile).toEqual({ ...contactOf(1), enterprise: null, resume: null });
    });

    it('shows staff and admins their roles', async () => {
      expect((await world.call('staff-1', 'me.get', {})).roles).toEqual(['staff']);
      expect((await world.call('admin-1', 'me.get', {})).roles).toEqual(['admin']);
    });

    it('answers UNAUTHENTICATED to an anonymous caller', async () => {
      expect(await world.send(null, 'me.get', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    });
  });

  describe('finding a person for 角色管理', () => {
    it('finds someone by the name or phone they gave, shows the phone masked, and records the look-up', async () => {
      const eventId = await aPublishedEvent(world);
      await world.call('worker-1', 'registrations.create', { eventId, contact: contactOf(1) });
      const { name, phone } = contactOf(1);

      const byName = await world.call('admin-1', 'users.search', { q: name });
      expect(byName).toEqual([expect.objectContaining({ openid: 'worker-1', name, phone: `${phone.slice(0, 3)}****${phone.slice(7)}` })]);
      expect((await world.call('admin-1', 'users.search', { q: phone })).map((u) => u.openid)).toEqual(['worker-1']);
      expect(await world.call('admin-1', 'users.search', { q: '没有这个人' })).toEqual([]);

      const audit = await world.deps.repos.audit.listFor('user', 'search');
      expect(audit.map((a) => a.action)).toEqual(['users.search', 'users.search', 'users.search']);
      expect(audit.every((a) => a.actor === 'admin-1' && !a.detail?.includes(phone))).toBe(true);
    });

    it('refuses staff who are not admins', async () => {
      expect(await world.send('staff-1', 'users.search', { q: '王师傅' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    });
  });

  describe('granting and revoking roles', () => {
    it('lets a worker create events once an admin grants them staff', async () => {
      await world.givenUser('worker-1');
      expect(await world.send('worker-1', 'events.create', anEvent())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

      const granted = await world.call('admin-1', 'users.grantRole', { openid: 'worker-1', role: 'staff' });
      expect(granted).toMatchObject({ openid: 'worker-1', roles: ['worker', 'staff'] });
      expect(await world.send('worker-1', 'events.create', anEvent())).toMatchObject({ ok: true, data: { status: 'draft' } });
    });

    it('answers FORBIDDEN again once the staff role is revoked', async () => {
      await world.givenUser('worker-1');
      await world.call('admin-1', 'users.grantRole', { openid: 'worker-1', role: 'staff' });
      const revoked = await world.call('admin-1', 'users.revokeRole', { openid: 'worker-1', role: 'staff' });
      expect(revoked.roles).toEqual(['worker']);
      expect(await world.send('worker-1', 'events.create', anEvent())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect((await world.call('worker-1', 'me.get', {})).roles).toEqual(['worker']);
    });

    it('grants a role only once when an admin grants it twice', async () => {
      await world.givenUser('worker-1');
      await world.call('admin-1', 'users.grantRole', { openid: 'worker-1', role: 'staff' });
      const again = await world.call('admin-1', 'users.grantRole', { openid: 'worker-1', role: 'staff' });
      expect(again.roles).toEqual(['worker', 'staff']);
      expect((await world.call('worker-1', 'me.get', {})).roles).toEqual(['worker', 'staff']);
    });

    it('leaves the roles as they are when an admin revokes a role the person does not have', async () => {
      await world.givenUser('worker-1');
      expect(await world.call('admin-1', 'users.revokeRole', { openid: 'worker-1', role: 'staff' })).toMatchObject({
        roles: ['worker'],
      });
    });

    it('refuses to revoke the last admin with LAST_ADMIN', async () => {
      expect(await world.send('admin-1', 'users.revokeRole', { openid: 'admin-1', role: 'admin' })).toMatchObject({
        ok: false,
        error: { code: 'LAST_ADMIN', message: '至少需要保留一名管理员' },
      });
      expect((await world.call('admin-1', 'me.get', {})).roles).toEqual(['admin']);
    });

    it('lets an admin step down once there is a second admin', async () => {
      await world.givenUser('worker-1');
      await world.call('admin-1', 'users.grantRole', { openid: 'worker-1', role: 'admin' });
      expect(await world.call('admin-1', 'users.revokeRole', { openid: 'admin-1', role: 'admin' })).toMatchObject({ roles: [] });
      expect(await world.send('admin-1', 'users.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await world.send('worker-1', 'users.revokeRole', { openid: 'worker-1', role: 'admin' })).toMatchObject({
        ok: false,
        error: { code: 'LAST_ADMIN' },
      });
    });

    it('answers NOT_FOUND when granting a role to someone who never logged in', async () => {
      expect(await world.send('admin-1', 'users.grantRole', { openid: 'never-seen', role: 'staff' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND', message: expect.stringContaining('未找到该用户') },
      });
      expect(await world.deps.repos.users.get('never-seen')).toBeNull();
    });

    it('answers FORBIDDEN when staff who are not admins try to grant or revoke roles', async () => {
      await world.givenUser('worker-1');
      for (const action of ['users.grantRole', 'users.revokeRole'] as const) {
        expect(await world.send('staff-1', action, { openid: 'worker-1', role: 'staff' })).toMatchObject({
          ok: false,
          error: { code: 'FORBIDDEN' },
        });
      }
      expect(await world.send('staff-1', 'users.grantRole', { openid: 'staff-1', role: 'admin' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect((await world.call('worker-1', 'me.get', {})).roles).toEqual(['worker']);
      expect((await world.call('staff-1', 'me.get', {})).roles).toEqual(['staff']);
    });

  });

  describe('users.list', () => {
    it('lists everyone who holds staff or admin, and nobody else', async () => {
      await world.givenUser('worker-1');
      await world.givenUser('hr-1', ['hr']);
      await world.givenUser('both-1', ['staff', 'admin']);
      const all = await world.call('admin-1', 'users.list', {});
      expect(all.map((u) => u.openid).sort()).toEqual(['admin-1', 'both-1', 'staff-1']);
      expect(all.find((u) => u.openid === 'both-1')).toMatchObject({ roles: ['staff', 'admin'] });
    });

    it('filters the list by role', async () => {
      await world.givenUser('both-1', ['staff', 'admin']);
      expect((await world.call('admin-1', 'users.list', { role: 'staff' })).map((u) => u.openid).sort()).toEqual(['both-1', 'staff-1']);
      expect((await world.call('admin-1', 'users.list', { role: 'admin' })).map((u) => u.openid).sort()).toEqual(['admin-1', 'both-1']);
    });

    it('shows a newly granted staff member in the list', async () => {
      await world.givenUser('worker-1');
      await world.call('admin-1', 'users.grantRole', { openid: 'worker-1', role: 'staff' });
      expect((await world.call('admin-1', 'users.list', { role: 'staff' })).map((u) => u.openid).sort()).toEqual([
        'staff-1',
        'worker-1',
      ]);
    });
  });

  describe('demo login', () => {
    it('hands out a session for the person when demo login is on', async () => {
      const result = await world.call(null, 'auth.demoLogin', { openid: 'staff-1' });
      expect(result.user).toEqual({ openid: 'staff-1', roles: ['staff'] });
      expect(sessions.verify(result.token)).toMatchObject({ openid: 'staff-1' });
    });

    it('logs a new openid in as a plain worker', async () => {
      const result = await world.call(null, 'auth.demoLogin', { openid: 'rider_wang-01' });
      expect(result.user).toEqual({ openid: 'rider_wang-01', roles: ['worker'] });
      expect(await world.call('rider_wang-01', 'me.get', {})).toMatchObject({ openid: 'rider_wang-01', roles: ['worker'] });
    });

    it('answers DEMO_LOGIN_DISABLED and creates nobody when the entry has no demo sessions', async () => {
      const withoutDemo = { ...world.deps, demoSessions: undefined };
      expect(await dispatch(withoutDemo, null, 'auth.demoLogin', { openid: 'rider-zhang' })).toEqual({
        ok: false,
        error: { code: 'DEMO_LOGIN_DISABLED', message: '演示登录在正式环境中不可用' },
      });
      expect(await world.deps.repos.users.get('rider-zhang')).toBeNull();
    });

    it.each(['ab', 'x'.repeat(65), 'has space', '王师傅', 'a/b'])('refuses the openid %j with INVALID_INPUT', async (openid) => {
      expect(await world.send(null, 'auth.demoLogin', { openid })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', issues: [{ path: ['openid'] }] },
      });
    });
  });
});

describe.each(ENGINES)('role changes at the same moment on %s', (engine) => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld(engine);
  });
  afterAll(() => world.close());

  it('keeps one admin when two admins revoke themselves at the same moment', async () => {
    await world.givenUser('admin-2', ['admin']);
    const results = await Promise.all(
      ['admin-1', 'admin-2'].map((openid) => world.send(openid, 'users.revokeRole', { openid, role: 'admin' })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === 'LAST_ADMIN')).toHaveLength(1);
    expect(await world.deps.repos.users.countByRole('admin')).toBe(1);
  });

  it('keeps both changes when one person gains and loses different roles at once', async () => {
    await world.givenUser('both-1', ['worker', 'staff']);
    const admin = (await world.deps.repos.users.listByRole('admin'))[0].openid;
    await Promise.all([
      world.call(admin, 'users.grantRole', { openid: 'both-1', role: 'admin' }),
      world.call(admin, 'users.revokeRole', { openid: 'both-1', role: 'staff' }),
    ]);
    expect((await world.deps.repos.users.get('both-1'))?.roles.sort()).toEqual(['admin', 'worker']);
  });
});
