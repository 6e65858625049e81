/**
 * Demo 党群服务站: 山间咏汇 as the article names it, and four plausible others in 佘山镇 (names, hosts and coordinates
 * written for the demo, GCJ-02 near the town's real places; not an official list). A health talk is held at 山间咏汇,
 * and the demo enterprise has raised a need waiting for a department.
 */
import { needDueAt } from '@shared/needs';
import type { EventRecord, Repositories, StationRecord } from '../core/ports';

type DemoStation = Omit<StationRecord, 'createdAt' | 'updatedAt'>;

const STATIONS: DemoStation[] = [
  {
    id: 'demo-station-yonghui', name: '山间咏汇党群服务站', host: '上海咏姿时装有限公司', address: '上海市松江区佘山镇勋业路 2 号',
    lat: 31.0935, lng: 121.2032, hours: '工作日 9:00–17:00', services: ['women', 'health', 'talent', 'party'], phone: '021-57651234',
    intro: '企业打造的示范型党群服务阵地，融合妇联、健康咨询、人才服务等多元服务，把党群服务延伸到企业党员和职工身边。',
  },
  {
    id: 'demo-station-center', name: '佘山镇党群服务中心', host: '佘山镇综合党委', address: '上海市松江区佘山镇佘北公路 1558 号',
    lat: 31.1121, lng: 121.2208, hours: '每天 8:30–20:00', services: ['party', 'legal', 'employment', 'water', 'rest'], phone: '021-57650001',
    intro: '镇级党群服务阵地，提供党员组织关系转接咨询、法律咨询和就业服务。',
  },
  {
    id: 'demo-station-rider', name: '天马骑手暖心驿站', host: '佘山镇综合党委（新就业群体）', address: '上海市松江区佘山镇天马山路 88 号',
    lat: 31.0742, lng: 121.1836, hours: '每天 7:00–22:00', services: ['rider_rest', 'water', 'charging', 'rest'], phone: null,
    intro: '为外卖骑手、快递员提供饮水、充电、歇脚，雨天可临时避雨。',
  },
  {
    id: 'demo-station-park', name: '佘山工业区“两新”党群服务站', host: '佘山工业区联合党支部', address: '上海市松江区佘山镇强业路 358 号',
    lat: 31.0868, lng: 121.2301, hours: '工作日 9:00–17:30', services: ['talent', 'employment', 'party', 'legal'], phone: '021-57652020',
    intro: '园区企业的人才服务点：项目对接、政策咨询、招聘信息。',
  },
  {
    id: 'demo-station-health', name: '佘山镇社区健康驿站', host: '佘山镇社区卫生服务中心', address: '上海市松江区佘山镇西霞路 55 号',
    lat: 31.1003, lng: 121.2127, hours: '工作日 8:00–16:30', services: ['health', 'women', 'water', 'rest'], phone: '021-57653030',
    intro: '免费测血压、血糖，提供健康咨询。',
  },
];

export async function seedStations(repos: Repositories, now: string, enterpriseId: string): Promise<void> {
  for (const s of STATIONS) {
    if (await repos.stations.get(s.id)) continue;
    await repos.stations.insert({ ...s, createdAt: now, updatedAt: now }, 'demo-staff');
  }
  if (!(await repos.events.get('demo-station-health-talk'))) {
    const start = new Date(Date.parse(now) + 3 * 86_400_000);
    start.setUTCHours(6, 0, 0, 0); // 14:00 Shanghai
    const event: EventRecord = {
      id: 'demo-station-health-talk', type: 'service', title: '健康咨询进企业：职工健康讲座', description: '社区医生讲解颈椎腰椎保健，现场测血压。',
      startAt: start.toISOString(), endAt: new Date(start.getTime() + 2 * 3600_000).toISOString(), location: '山间咏汇党群服务站',
      capacity: 40, signupDeadline: null, waitlist: true, audience: 'all', questions: [], status: 'published', cancelReason: null,
      publishedAt: now, createdBy: 'demo-staff', createdAt: now, updatedAt: now, confirmedCount: 0, waitlistCount: 0,
    };
    await repos.events.insert(event);
  }
  if (!(await repos.enterprises.get(enterpriseId)) || (await repos.needs.listMine('demo-hr', [enterpriseId])).length) return;
  await repos.needs.insert({
    id: 'demo-need-recruit', orgId: enterpriseId, visitId: null, category: 'recruitment', text: '旺季订单多，需要招 20 名缝纫工，线上招聘效果一般，希望参加镇里的招聘专场。',
    attachment: null, authorOpenid: 'demo-hr', status: 'submitted', department: null, reply: null, rating: null, ratingNote: null,
    createdAt: now, dueAt: needDueAt('recruitment', now), closedAt: null,
  });
}
