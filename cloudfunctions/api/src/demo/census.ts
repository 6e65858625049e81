/**
 * Demo census for `npm start`: the enterprises the 云招聘 demo already seeded, extended with their census fields (the
 * same records, not copies), and a dozen more organisations across kinds, statuses and coverage, taken from the
 * article where it names them; two visits, one raising a problem that becomes a need. Made-up codes pass GB 32100.
 * Skipped when present, so a second start seeds nothing.
 */
import { needDueAt } from '@shared/needs';
import type { OrgFields, OrgRecord, Repositories } from '../core/ports';
import { EMPTY_ORG, historyOf, updateOrgRule, visitRule, type OrgInput, type OrgRefs } from '../orgs/rules';

const BY = 'demo-staff';

/** The enterprises seed.ts made for 云招聘, as the census knows them. */
const EXTENDED: { id: string; input: OrgInput }[] = [
  {
    id: 'demo-ent-yongzi',
    input: { gridId: 'grid-industrial', employees: 180, partyMembers: 12, coverage: 'standalone', branchName: '上海咏姿时装有限公司党支部', branchFoundedOn: '2019-06-28', instructorOpenid: BY },
  },
  {
    id: 'demo-ent-quanlan',
    input: { gridId: 'grid-industrial', employees: 65, partyMembers: 5, coverage: 'standalone', branchName: '上海全澜科技有限公司党支部', branchFoundedOn: '2023-05-12', instructorName: '陈志强' },
  },
  {
    id: 'demo-ent-jiechi',
    input: { gridId: 'grid-tianma', employees: 48, partyMembers: 3, coverage: 'standalone', branchName: '上海洁驰清洁设备有限公司党支部', branchFoundedOn: '2023-04-20', instructorName: '陈志强' },
  },
];

type NewOrg = { id: string; at: number } & Partial<OrgFields> & Pick<OrgFields, 'name'>;

const NEW: NewOrg[] = [
  { id: 'demo-org-nengfu', at: 1, name: '上海能伏智能电气有限公司', uscc: '91310117MA1N6EF50M', industry: '电气机械和器材制造', address: '佘山镇勤工路 88 号', gridId: 'grid-industrial', employees: 120, partyMembers: 7, coverage: 'standalone', branchName: '上海能伏智能电气有限公司党支部', branchFoundedOn: '2023-06-15', instructorOpenid: BY },
  { id: 'demo-org-changqingteng', at: 2, name: '佘山镇常箐藤幼儿园', uscc: '52310117MJ4G7H810U', kind: 'social', industry: '学前教育', address: '佘山镇佘北公路 1200 号', gridId: 'grid-town', employees: 36, partyMembers: 4, coverage: 'standalone', branchName: '佘山镇常箐藤幼儿园党支部', branchFoundedOn: '2023-03-30', instructorName: '陈志强' },
  { id: 'demo-org-qimao', at: 3, name: '上海七猫文化传媒有限公司', uscc: '91310117MA1P8JK60C', industry: '数字内容服务', address: '佘山镇林荫新路 500 号', gridId: 'grid-town', employees: 260, partyMembers: 21, coverage: 'standalone', branchName: '七猫党支部', branchFoundedOn: '2021-07-01', instructorOpenid: BY },
  { id: 'demo-org-anyufeng', at: 4, name: '上海安宇峰精密机械有限公司', uscc: '91310117MA1Q9LM70H', industry: '通用设备制造', address: '佘山镇沈砖公路 3088 号', gridId: 'grid-hengshan', employees: 85, partyMembers: 6, coverage: 'standalone', branchName: '安宇峰党支部', branchFoundedOn: '2022-09-16', instructorName: '陈志强' },
  { id: 'demo-org-wenlv', at: 5, name: '上海佘山文旅服务有限公司', uscc: '91310117MA1R0NP809', industry: '旅游服务', address: '佘山镇外青松公路 9258 号', gridId: 'grid-tianma', employees: 22, partyMembers: 2, coverage: 'joint', jointOrgId: 'org-joint-sheshan', instructorOpenid: BY },
  { id: 'demo-org-shefeng', at: 6, name: '上海佘峰物流有限公司', uscc: '91310117MA1T1QR90E', industry: '道路货物运输', address: '佘山镇陆其浜路 66 号', gridId: 'grid-luqibang', employees: 40, partyMembers: 1, coverage: 'joint', jointOrgId: 'org-joint-park', instructorName: '李网格' },
  { id: 'demo-org-songshe', at: 7, name: '上海松佘商贸有限公司', uscc: '91310117MA1U2RT00C', industry: '批发业', address: '佘山镇江秋路 18 号', gridId: 'grid-jiangqiu', employees: 0, partyMembers: 0, status: 'removed', statusChangedOn: '2026-03-15' },
  { id: 'demo-org-xiehui', at: 8, name: '佘山镇新就业群体服务协会', uscc: '51310117MJ4H3UW10C', kind: 'social', industry: '社会团体', address: '佘山镇新就业群体暖心驿站', gridId: 'grid-town', employees: 6, partyMembers: 2, instructorName: '李网格' },
  { id: 'demo-org-tianma', at: 9, name: '上海天马精密模具有限公司', uscc: '91310117MA1W4XY204', industry: '模具制造', address: '佘山镇天马工业区 12 号', gridId: 'grid-tianma', employees: 55, partyMembers: 2, status: 'moved_out', statusChangedOn: '2026-05-20' },
  { id: 'demo-org-getihu', at: 10, name: '佘山镇张朴服装加工店', usccMissingReason: '个体工商户，未办理统一代码', industry: '服装加工', address: '佘山镇张朴村 3 组', gridId: 'grid-zhangpu', employees: 5, partyMembers: 0 },
];

export async function seedCensus(repos: Repositories, now: Date): Promise<void> {
  const nowIso = now.toISOString();
  const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const refs: OrgRefs = {
    gridIds: new Set((await repos.orgs.grids()).map((g) => g.id)),
    jointOrgIds: new Set((await repos.followups.orgs()).filter((o) => o.kind === 'joint').map((o) => o.id)),
    staffOpenids: new Set([BY]),
    today,
  };
  for (const e of EXTENDED) {
    const current = await repos.orgs.get(e.id);
    if (!current || current.gridId) continue;
    await repos.orgs.change(e.id, nowIso, updateOrgRule(e.input, refs, BY));
  }
  for (const { id, at, ...fields } of NEW) {
    if (await repos.orgs.get(id)) continue;
    const createdAt = new Date(now.getTime() - (NEW.length - at + 1) * 86_400_000).toISOString();
    const next: OrgFields = { ...EMPTY_ORG, ...fields };
    const record: OrgRecord = { id, ...next, verified: false, createdAt, updatedAt: createdAt };
    await repos.orgs.create(record, historyOf(null, next, 'create', BY), { actor: BY, action: 'org.create', recordType: 'org', recordId: id, detail: next.name });
  }
  await seedVisits(repos, now, today);
}

async function seedVisits(repos: Repositories, now: Date, today: string): Promise<void> {
  if ((await repos.orgs.visits({ limit: 1 })).length) return;
  const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  const nowIso = now.toISOString();
  const visits = [
    {
      id: 'demo-visit-yongzi', orgId: 'demo-ent-yongzi', visitedOn: daysAgo(6),
      findings: '“山间咏汇”党群服务站运行良好，妇联、健康咨询、人才服务已进站；企业订单增长，缝纫岗位缺人。',
      problems: [{ category: 'recruitment' as const, text: '缝纫工、质检员招聘难，岗位缺口约 15 人，希望参加就业援助月专场' }],
    },
    {
      id: 'demo-visit-nengfu', orgId: 'demo-org-nengfu', visitedOn: daysAgo(12),
      findings: '党支部成立后组织生活规范，计划开展“送学上门”；暂无困难。',
      problems: [],
    },
  ];
  for (const v of visits) {
    const needs = v.problems.map((p, i) => ({
      id: `${v.id}-need-${i + 1}`, orgId: v.orgId, visitId: v.id, category: p.category, text: p.text, attachment: null,
      authorOpenid: BY, status: 'submitted' as const, department: null, reply: null, rating: null, ratingNote: null,
      createdAt: nowIso, dueAt: needDueAt(p.category, nowIso), closedAt: null,
    }));
    await repos.orgs.recordVisit(
      { id: v.id, orgId: v.orgId, visitedOn: v.visitedOn, visitorOpenid: BY, visitorName: '综合党委工作人员', findings: v.findings, problems: v.problems, createdBy: BY, createdAt: nowIso },
      needs,
      nowIso,
      visitRule(v.visitedOn, v.id, BY),
    );
  }
}
