/** 企业诉求 and 党群服务站 through the one dispatch on PGlite: what HR contacts, staff and workers see and may do. */
import { addWorkingDays, needDueAt } from '@shared/needs';
import { haversineMetres } from '@shared/stations';
import { anApprovedHr, USCC } from './support/recruitment';
import { aNeedText, aStation } from './support/needs';
import { aPublishedEvent, makeWorld, T0, type World } from './support/world';

describe('working days', () => {
  it('skips the weekend: one working day after a Friday ends on Monday night, Shanghai time', () => {
    // 2026-12-04 is a Friday.
    expect(addWorkingDays('2026-12-04T03:00:00.000Z', 1)).toBe('2026-12-07T15:59:59.999Z');
  });
  it('counts from the Shanghai day, so a need raised at 01:00 Shanghai on Saturday is due Friday night for 5 days', () => {
    // 2026-12-04T17:00Z is Saturday 01:00 in Shanghai.
    expect(addWorkingDays('2026-12-04T17:00:00.000Z', 5)).toBe('2026-12-11T15:59:59.999Z');
  });
  it('gives 政策咨询 5 working days and 融资 15', () => {
    expect(needDueAt('policy', T0.toISOString())).toBe('2026-12-08T15:59:59.999Z');
    expect(needDueAt('finance', T0.toISOString())).toBe('2026-12-22T15:59:59.999Z');
  });
});

describe('企业诉求', () => {
  let world: World;
  let enterpriseId: string;
  let otherEnterpriseId: string;
  beforeAll(async () => {
    world = await makeWorld();
  });
  beforeEach(async () => {
    await world.reset();
    enterpriseId = await anApprovedHr(world, 'hr-1', { name: '上海咏姿时装有限公司', uscc: USCC.shanghai });
    otherEnterpriseId = await anApprovedHr(world, 'hr-2', { name: '深圳市某某物流有限公司', uscc: USCC.shenzhen });
    await world.givenUser('worker-1');
  });
  afterAll(() => world.close());

  it('files an HR contact’s need under their own enterprise, 待受理, due in its category’s working days', async () => {
    const need = await world.call('hr-1', 'needs.create', { category: 'policy', text: '想了解稳岗补贴的申请条件。' });
    expect(need).toMatchObject({ orgId: enterpriseId, orgName: '上海咏姿时装有限公司', status: 'submitted', overdue: false });
    expect(need.dueAt).toBe('2026-12-08T15:59:59.999Z');
    expect((await world.call('staff-1', 'needs.list', {})).items.map((n) => n.id)).toEqual([need.id]);
  });

  it('refuses an HR contact raising a need for another enterprise, and staff raising one without naming the organisation', async () => {
    const forOther = await world.send('hr-1', 'needs.create', { category: 'other', text: aNeedText, orgId: otherEnterpriseId });
    expect(forOther).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const unnamed = await world.send('staff-1', 'needs.create', { category: 'other', text: aNeedText });
    expect(unnamed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['orgId'] }] } });
  });

  it('takes a need from 待受理 to 已办结 with a reply the HR contact reads, a message at each step, then one rating', async () => {
    const need = await world.call('hr-1', 'needs.create', { category: 'recruitment', text: aNeedText });
    await world.call('staff-1', 'needs.assign', { id: need.id, department: '经发办' });
    await world.call('staff-1', 'needs.advance', { id: need.id, to: 'in_progress' });
    await world.call('staff-1', 'needs.advance', { id: need.id, to: 'closed', reply: '已为贵司预留 12 月 8 日招聘专场展位。' });

    const [mine] = await world.call('hr-1', 'needs.mine', {});
    expect(mine).toMatchObject({ status: 'closed', department: '经发办', reply: '已为贵司预留 12 月 8 日招聘专场展位。', canRate: true });
    const messages = await world.call('staff-1', 'outbox.list', { openid: 'hr-1' });
    expect(messages.filter((m) => m.template === 'need_status').map((m) => m.data.statusCode).sort()).toEqual(['assigned', 'closed', 'in_progress']);

    const rated = await world.call('hr-1', 'needs.rate', { id: need.id, rating: 'satisfied', note: '很及时' });
    expect(rated).toMatchObject({ rating: 'satisfied', ratingNote: '很及时', canRate: false });
    const again = await world.send('hr-1', 'needs.rate', { id: need.id, rating: 'unsatisfied' });
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_SUBMITTED' } });

    const audit = await world.deps.repos.audit.listFor('need', need.id);
    expect(audit.map((a) => a.action)).toEqual(['need.assign', 'need.advance', 'need.advance', 'need.rate']);
  });

  it('moves only forward: not before it is assigned, never out of 已办结, and not rated before it is closed', async () => {
    const need = await world.call('hr-1', 'needs.create', { category: 'space', text: aNeedText });
    expect(await world.send('staff-1', 'needs.advance', { id: need.id, to: 'in_progress' })).toMatchObject({
      ok: false, error: { code: 'INVALID_TRANSITION', message: '请先把诉求分派给承办部门' },
    });
    expect(await world.send('hr-1', 'needs.rate', { id: need.id, rating: 'satisfied' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    await world.call('staff-1', 'needs.assign', { id: need.id, department: '发展公司' });
    await world.call('staff-1', 'needs.advance', { id: need.id, to: 'in_progress' });
    expect(await world.send('staff-1', 'needs.advance', { id: need.id, to: 'in_progress' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    await world.call('staff-1', 'needs.advance', { id: need.id, to: 'closed', reply: '已协调' });
    expect(await world.send('staff-1', 'needs.assign', { id: need.id, department: '经发办' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
  });

  it('assigns only to a department on the staff’s list; a rename carries the needs assigned to it', async () => {
    const need = await world.call('hr-1', 'needs.create', { category: 'finance', text: aNeedText });
    expect(await world.send('staff-1', 'needs.assign', { id: need.id, department: '区财政局' })).toMatchObject({
      ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['department'] }] },
    });
    await world.call('staff-1', 'needs.addDepartment', { name: '区财政局' });
    await world.call('staff-1', 'needs.assign', { id: need.id, department: '区财政局' });
    const departments = await world.call('staff-1', 'needs.renameDepartment', { from: '区财政局', to: '区财政局金融办' });
    expect(departments.map((d) => d.name)).toEqual(['发展公司', '经发办', '社区事务受理服务中心', '综合党委', '区财政局金融办']);
    expect((await world.call('staff-1', 'needs.get', { id: need.id })).department).toBe('区财政局金融办');
  });

  it('flags a need still open past its limit as overdue, on the list and in the workbench counts', async () => {
    const late = await world.call('hr-1', 'needs.create', { category: 'policy', text: aNeedText });
    const done = await world.call('hr-1', 'needs.create', { category: 'policy', text: aNeedText });
    await world.call('staff-1', 'needs.assign', { id: done.id, department: '经发办' });
    await world.call('staff-1', 'needs.advance', { id: done.id, to: 'closed', reply: '已答复' });
    await world.call('hr-1', 'needs.create', { category: 'finance', text: aNeedText });
    world.setNow('2026-12-09T01:00:00.000Z'); // the 6th working day, Shanghai

    expect(await world.call('staff-1', 'needs.counts', {})).toEqual({ open: 2, overdue: 1 });
    const overdue = await world.call('staff-1', 'needs.list', { overdue: true });
    expect(overdue.items.map((n) => [n.id, n.overdue])).toEqual([[late.id, true]]);
  });

  it('shows a need only to its enterprise’s HR contacts and staff; a staff read of the whole text is audited', async () => {
    const need = await world.call('hr-1', 'needs.create', { category: 'talent', text: aNeedText });
    expect(await world.send('hr-2', 'needs.get', { id: need.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await world.send('worker-1', 'needs.get', { id: need.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await world.call('hr-2', 'needs.mine', {})).toEqual([]);
    expect((await world.call('staff-1', 'needs.get', { id: need.id })).text).toBe(aNeedText);
    expect((await world.deps.repos.audit.listFor('need', need.id)).map((a) => [a.actor, a.action])).toEqual([['staff-1', 'need.read']]);
  });

  it('lets staff raise a need found on a visit for any organisation; its HR contact sees it and rates it', async () => {
    const need = await world.call('staff-1', 'needs.create', { category: 'coverage_suggestion', text: '建议与周边企业组建联合党支部。', orgId: enterpriseId, visitId: 'visit-1' });
    expect(need.visitId).toBe('visit-1');
    expect((await world.call('hr-1', 'needs.mine', {})).map((n) => n.id)).toEqual([need.id]);
  });
});

describe('党群服务站', () => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld();
  });
  beforeEach(() => world.reset());
  afterAll(() => world.close());

  it('lists the nearest station first, with its distance in metres, when the worker shares where they are', async () => {
    await world.call('staff-1', 'stations.create', aStation());
    await world.call('staff-1', 'stations.create', aStation({ name: '佘山镇党群服务中心', lat: 31.1195, lng: 121.2197 }));
    const here = { lat: 31.118, lng: 121.218 };
    const list = await world.call(null, 'stations.list', { near: here });
    expect(list.map((s) => s.name)).toEqual(['佘山镇党群服务中心', '山间咏汇党群服务站']);
    expect(list[0].distance).toBe(Math.round(haversineMetres(here, { lat: 31.1195, lng: 121.2197 })));
    expect((await world.call(null, 'stations.list', {})).every((s) => s.distance === null)).toBe(true);
  });

  it('measures about 111 km for one degree of latitude', () => {
    expect(Math.round(haversineMetres({ lat: 31, lng: 121 }, { lat: 32, lng: 121 }) / 1000)).toBe(111);
  });

  it('shows a station’s coming published events: those whose location names it', async () => {
    const station = await world.call('staff-1', 'stations.create', aStation());
    await aPublishedEvent(world, { title: '健康咨询进企业', location: '山间咏汇党群服务站二楼' });
    await aPublishedEvent(world, { title: '别处的活动', location: '佘山镇党群服务中心' });
    await world.call('staff-1', 'events.create', { ...(await import('./support/world')).anEvent({ title: '草稿活动', location: '山间咏汇党群服务站' }) });
    const detail = await world.call('worker-1', 'stations.get', { id: station.id });
    expect(detail.events.map((e) => e.title)).toEqual(['健康咨询进企业']);
  });

  it('refuses coordinates outside China and audits every change', async () => {
    const station = await world.call('staff-1', 'stations.create', aStation());
    expect(await world.send('staff-1', 'stations.update', { id: station.id, lat: 1.3, lng: 103.8 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await world.call('staff-1', 'stations.update', { id: station.id, hours: '每天 8:00–20:00', services: ['rider_rest', 'water', 'charging'] });
    expect((await world.call(null, 'stations.get', { id: station.id })).services).toEqual(['rider_rest', 'water', 'charging']);
    expect((await world.deps.repos.audit.listFor('station', station.id)).map((a) => [a.action, a.detail])).toEqual([
      ['station.create', '山间咏汇党群服务站'],
      ['station.update', 'hours, services'],
    ]);
  });
});
