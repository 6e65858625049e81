/** Factories for 企业诉求 and 党群服务站 tests: needs taken through the real actions, stations as staff enter them. */
import type { StationCreateInput } from '@shared/stations';
import { SEED_DEPARTMENTS } from '@shared/needs';
import type { SqlExecutor } from '../../../cloudfunctions/api/src/adapters/sql/db';
import type { World } from './world';

/** 山间咏汇, as the article names it, at the Sheshan address of 上海咏姿时装 (GCJ-02). */
export function aStation(overrides: Partial<StationCreateInput> = {}): StationCreateInput {
  return {
    name: '山间咏汇党群服务站',
    host: '上海咏姿时装有限公司',
    address: '上海市松江区佘山镇勋业路 2 号',
    lat: 31.0935,
    lng: 121.2032,
    hours: '工作日 9:00–17:00',
    services: ['women', 'health', 'talent'],
    phone: '021-57651234',
    intro: '融合妇联、健康咨询、人才服务等多元服务',
    ...overrides,
  };
}

export const aNeedText = '今年扩产需要招 30 名缝纫工，线上招聘效果不好，希望参加镇里的招聘专场。';

/** Needs in each state, raised by `hrOpenid` for their enterprise: submitted, assigned, closed (not rated). */
export async function needsInEveryState(world: World, hrOpenid: string) {
  const submitted = await world.call(hrOpenid, 'needs.create', { category: 'recruitment', text: aNeedText });
  const assigned = await world.call(hrOpenid, 'needs.create', { category: 'policy', text: '想了解稳岗补贴的申请条件和材料。' });
  await world.call('staff-1', 'needs.assign', { id: assigned.id, department: '经发办' });
  const closed = await world.call(hrOpenid, 'needs.create', { category: 'space', text: '仓库不够用，想了解园区有没有可租的厂房。' });
  await world.call('staff-1', 'needs.assign', { id: closed.id, department: '发展公司' });
  await world.call('staff-1', 'needs.advance', { id: closed.id, to: 'closed', reply: '已联系园区，下周带您看两处厂房。' });
  return { submittedNeedId: submitted.id, assignedNeedId: assigned.id, closedNeedId: closed.id };
}

/** Empties what migration 10 added and puts the seeded departments back (world.reset calls it). */
export async function resetNeedsAndStations(db: SqlExecutor): Promise<void> {
  await db.query('TRUNCATE needs, need_departments, stations CASCADE');
  for (const [i, name] of SEED_DEPARTMENTS.entries()) {
    await db.query('INSERT INTO need_departments (name, created_at) VALUES ($1, $2)', [name, new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString()]);
  }
}
