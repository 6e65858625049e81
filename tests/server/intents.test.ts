import type { IntentSubmitInput } from '@shared/intents';
import { makeWorld, type World } from './support/world';

/** A valid intent of a 25-year-old rider, at T0 (2026-12-01). */
function anIntent(overrides: Partial<IntentSubmitInput> = {}): IntentSubmitInput {
  return {
    name: '王小明',
    gender: 'male',
    birthMonth: '2001-05',
    phone: '13800000013',
    occupation: 'rider',
    employer: '美团外卖佘山站',
    politicalStatus: 'league_member',
    education: 'senior',
    statement: '想向党组织靠拢',
    consent: true,
    ...overrides,
  };
}

describe('入党意向', () => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld();
  });
  beforeEach(() => world.reset());
  afterAll(() => world.close());

  it('records a submitted intent with its first timeline step', async () => {
    const intent = await world.call('rider-1', 'intents.submit', anIntent());
    expect(intent).toMatchObject({ status: 'submitted', editable: true, name: '王小明' });
    expect(intent.timeline).toEqual([expect.objectContaining({ status: 'submitted', reason: null })]);
    expect(await world.call('rider-1', 'intents.mine', {})).toEqual([expect.objectContaining({ id: intent.id })]);
  });

  it('refuses someone under 18 by birth month, and takes them the month they turn 18', async () => {
    const young = await world.send('rider-1', 'intents.submit', anIntent({ birthMonth: '2009-01' }));
    expect(young).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['birthMonth'] }] } });
    if (!young.ok) expect(young.error.message).toContain('年满 18 周岁');
    expect(await world.send('rider-1', 'intents.submit', anIntent({ birthMonth: '2008-12' }))).toMatchObject({ ok: true });
  });

  it('refuses a submission without consent', async () => {
    const result = await world.send('rider-1', 'intents.submit', { ...anIntent(), consent: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['consent'] }] } });
    expect(await world.call('rider-1', 'intents.mine', {})).toEqual([]);
  });

  it('keeps one open intent per person', async () => {
    await world.call('rider-1', 'intents.submit', anIntent());
    expect(await world.send('rider-1', 'intents.submit', anIntent())).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_SUBMITTED' },
    });
  });

  it('can be edited until staff first contact the person', async () => {
    const intent = await world.call('rider-1', 'intents.submit', anIntent());
    const edited = await world.call('rider-1', 'intents.update', { id: intent.id, employer: '饿了么佘山站' });
    expect(edited.employer).toBe('饿了么佘山站');
    await world.call('staff-1', 'intents.advance', { id: intent.id, to: 'contacted', note: '电话联系，约周五面谈' });
    expect(await world.send('rider-1', 'intents.update', { id: intent.id, employer: 'X' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_EDITABLE' },
    });
  });

  it('moves forward one step at a time, and closed is final', async () => {
    const { id } = await world.call('rider-1', 'intents.submit', anIntent());
    expect(await world.send('staff-1', 'intents.advance', { id, to: 'applied' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    await world.call('staff-1', 'intents.advance', { id, to: 'contacted' });
    await world.call('staff-1', 'intents.advance', { id, to: 'applied' });
    await world.call('staff-1', 'intents.advance', { id, to: 'activist' });
    expect(await world.send('staff-1', 'intents.advance', { id, to: 'closed' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    await world.call('staff-1', 'intents.advance', { id, to: 'closed', reason: '已转入党支部培养' });
    expect(await world.send('staff-1', 'intents.advance', { id, to: 'contacted' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    const [mine] = await world.call('rider-1', 'intents.mine', {});
    expect(mine.timeline.map((s) => s.status)).toEqual(['submitted', 'contacted', 'applied', 'activist', 'closed']);
    expect(mine.timeline[4].reason).toBe('已转入党支部培养');
  });

  it('never shows staff notes to the person', async () => {
    const { id } = await world.call('rider-1', 'intents.submit', anIntent());
    await world.call('staff-1', 'intents.advance', { id, to: 'contacted', note: '内部备注：家访时间待定' });
    const mine = JSON.stringify(await world.call('rider-1', 'intents.mine', {}));
    expect(mine).not.toContain('内部备注');
    const staffView = await world.call('staff-1', 'intents.get', { id });
    expect(staffView.notes.map((n) => n.note)).toContain('内部备注：家访时间待定');
  });

  it('erases the personal fields from the database on withdrawal, for good', async () => {
    const { id } = await world.call('rider-1', 'intents.submit', anIntent());
    const withdrawn = await world.call('rider-1', 'intents.withdraw', { id });
    expect(withdrawn).toMatchObject({ status: 'closed', closeReason: '本人撤回' });
    const [row] = await world.testDb.db.query<Record<string, unknown>>('SELECT * FROM followups WHERE id = $1', [id]);
    expect(row).toMatchObject({ name: null, phone: null, statement: null, employer: null, openid: null, status: 'closed' });
    expect(JSON.stringify(await world.testDb.db.query('SELECT * FROM followup_steps'))).not.toContain('rider-1');
    expect(await world.call('rider-1', 'intents.mine', {})).toEqual([]);
    expect(await world.send('rider-1', 'intents.withdraw', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const stats = await world.call('staff-1', 'intents.stats', {});
    expect(stats).toMatchObject({ withdrawn: 1, byStatus: { closed: 1, submitted: 0 } });
    // A new intent may be submitted after withdrawing.
    expect(await world.send('rider-1', 'intents.submit', anIntent())).toMatchObject({ ok: true });
  });

  it('lets only the person and staff read it; another worker and HR get 404 or 403', async () => {
    const { id } = await world.call('rider-1', 'intents.submit', anIntent());
    await world.givenUser('hr-1', ['hr']);
    expect(await world.send('rider-2', 'intents.withdraw', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await world.send('rider-2', 'intents.update', { id, name: '冒名' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await world.send('hr-1', 'intents.get', { id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await world.send('hr-1', 'intents.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(await world.call('hr-1', 'intents.mine', {}))).toBe('[]');
  });

  it('shows staff a paged list, newest first, with masked phones and no statements', async () => {
    for (let i = 1; i <= 5; i++) {
      world.setNow(`2026-12-0${i}T02:00:00Z`);
      await world.call(`rider-${i}`, 'intents.submit', anIntent({ name: `骑手${i}`, phone: `1380000001${i}` }));
    }
    const first = await world.call('staff-1', 'intents.list', { limit: 2 });
    expect(first.items.map((i) => i.name)).toEqual(['骑手5', '骑手4']);
    expect(first.items[0].phoneMasked).toBe('138****0015');
    expect(JSON.stringify(first)).not.toContain('想向党组织靠拢');
    expect(JSON.stringify(first)).not.toContain('13800000015');
    const second = await world.call('staff-1', 'intents.list', { limit: 2, cursor: first.nextCursor ?? undefined });
    const third = await world.call('staff-1', 'intents.list', { limit: 2, cursor: second.nextCursor ?? undefined });
    expect([...second.items, ...third.items].map((i) => i.name)).toEqual(['骑手3', '骑手2', '骑手1']);
    expect(third.nextCursor).toBeNull();
  });

  it('writes an audit entry for every staff read and every change', async () => {
    const { id } = await world.call('rider-1', 'intents.submit', anIntent());
    await world.call('staff-1', 'intents.get', { id });
    await world.call('staff-1', 'intents.advance', { id, to: 'contacted' });
    await world.call('staff-1', 'intents.assign', { id, orgId: 'org-joint-sheshan' });
    const audit = await world.deps.repos.audit.listFor('intent', id);
    const actions = audit.map((a) => `${a.actor}:${a.action}`);
    expect(actions).toEqual(['staff-1:intent.read', 'staff-1:intent.advance', 'staff-1:intent.assign']);
    expect(audit.find((a) => a.action === 'intent.advance')?.detail).toBe('submitted → contacted');
  });

  it('assigns an intent to a party organisation from the seeded list', async () => {
    const { id } = await world.call('rider-1', 'intents.submit', anIntent());
    const orgs = await world.call('staff-1', 'partyOrgs.list', {});
    expect(orgs.map((o) => o.kind)).toEqual(expect.arrayContaining(['joint', 'standalone']));
    const assigned = await world.call('staff-1', 'intents.assign', { id, orgId: 'org-yongzi' });
    expect(assigned.org).toMatchObject({ name: '上海咏姿时装有限公司党支部' });
    expect(await world.send('staff-1', 'intents.assign', { id, orgId: 'org-nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('leaves a notification in the outbox for every status change', async () => {
    const { id } = await world.call('rider-1', 'intents.submit', anIntent());
    await world.call('staff-1', 'intents.advance', { id, to: 'contacted' });
    const outbox = await world.call('staff-1', 'outbox.list', { openid: 'rider-1' });
    expect(outbox).toEqual([
      expect.objectContaining({ openid: 'rider-1', template: 'intent_status', data: expect.objectContaining({ status: '已联系' }) }),
    ]);
  });

  it('counts intents by status and by month in Shanghai time', async () => {
    world.setNow('2026-11-30T17:00:00Z'); // 2026-12-01 01:00 in Shanghai
    await world.call('rider-1', 'intents.submit', anIntent());
    world.setNow('2026-12-20T02:00:00Z');
    const { id } = await world.call('rider-2', 'intents.submit', anIntent());
    await world.call('staff-1', 'intents.advance', { id, to: 'contacted' });
    const stats = await world.call('staff-1', 'intents.stats', {});
    expect(stats.byStatus).toEqual({ submitted: 1, contacted: 1, applied: 0, activist: 0, closed: 0 });
    expect(stats.byMonth).toEqual([{ month: '2026-12', count: 2 }]);
  });
});

describe('党员报到', () => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld();
  });
  beforeEach(() => world.reset());
  afterAll(() => world.close());

  const aReport = {
    name: '李党员',
    phone: '13900000022',
    homeOrg: '安徽省某县某村党支部',
    employer: '顺丰速运佘山网点',
    wish: 'flow' as const,
    consent: true as const,
  };

  it('follows a report from submission to 已完成报到, one step at a time', async () => {
    const report = await world.call('courier-1', 'memberReports.submit', aReport);
    expect(report.status).toBe('submitted');
    expect(await world.send('courier-1', 'memberReports.submit', aReport)).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_SUBMITTED' },
    });
    expect(await world.send('staff-1', 'memberReports.advance', { id: report.id, to: 'transferred' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    await world.call('staff-1', 'memberReports.advance', { id: report.id, to: 'contacted' });
    await world.call('staff-1', 'memberReports.advance', { id: report.id, to: 'transferred' });
    const [mine] = await world.call('courier-1', 'memberReports.mine', {});
    expect(mine.timeline.map((s) => s.status)).toEqual(['submitted', 'contacted', 'transferred']);
    const list = await world.call('staff-1', 'memberReports.list', {});
    expect(list.items[0]).toMatchObject({ phoneMasked: '139****0022', homeOrg: '安徽省某县某村党支部' });
  });

  it('erases a withdrawn report and hides it from other people', async () => {
    const report = await world.call('courier-1', 'memberReports.submit', aReport);
    expect(await world.send('courier-2', 'memberReports.withdraw', { id: report.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await world.call('courier-1', 'memberReports.withdraw', { id: report.id });
    const staffView = await world.call('staff-1', 'memberReports.get', { id: report.id });
    expect(staffView).toMatchObject({ status: 'closed', name: '', phone: '', homeOrg: '', openid: null });
  });
});
