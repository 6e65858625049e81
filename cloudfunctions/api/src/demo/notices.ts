/**
 * Demo 送政策 notices on the article's themes (职业伤害保障 for riders, 灵活就业 social insurance, 人才安居), linked to
 * the seeded policy talks. Summaries of the kind of policy, written for the demo — not the text of any real document.
 */
import type { NoticeCreateInput } from '@shared/notices';
import type { Repositories } from '../core/ports';
import { moveNoticeRule, noticeAudit, noticeSearchTerms } from '../notices/rules';

const DAY_MS = 24 * 60 * 60 * 1000;
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

type DemoNotice = Omit<NoticeCreateInput, 'issuedOn'> & { id: string; daysAgo: number };

const NOTICES: DemoNotice[] = [
  {
    id: 'demo-notice-injury',
    title: '新就业形态就业人员职业伤害保障政策解读',
    category: 'insurance',
    summary: '外卖骑手、快递员、网约车司机等平台从业人员在工作中受到事故伤害，可按规定享受职业伤害保障待遇，由平台企业按单缴费，个人无需缴费。',
    issuer: '佘山镇社区事务受理服务中心',
    daysAgo: 12,
    eventIds: ['demo-training-rider', 'demo-policy-jobs'],
    body: [
      { kind: 'heading', text: '谁能享受' },
      { kind: 'paragraph', text: '在合作平台企业接单、以个人身份从事外卖配送、即时配送、同城货运、网约车等工作的新就业形态就业人员。' },
      { kind: 'heading', text: '发生伤害后怎么办' },
      {
        kind: 'list',
        ordered: true,
        items: ['及时就医，保存好病历、票据', '在平台 App 内报案，写清时间、地点和经过', '按平台提示提交认定材料，等待职业伤害确认', '确认后按规定领取医疗费用和相关待遇'],
      },
      { kind: 'paragraph', text: '有疑问可到镇社区事务受理服务中心咨询，或参加“送政策”宣讲会现场提问。' },
      { kind: 'link', text: '上海市人力资源和社会保障局网站', url: 'https://rsj.sh.gov.cn/' },
    ],
  },
  {
    id: 'demo-notice-flexible',
    title: '灵活就业人员社会保险费补贴申领指南',
    category: 'employment',
    summary: '在本镇灵活就业、以个人身份缴纳社会保险的就业困难人员和离校未就业高校毕业生，可按规定申请社会保险费补贴。',
    issuer: '佘山镇社区事务受理服务中心',
    daysAgo: 20,
    eventIds: ['demo-policy-jobs'],
    body: [
      { kind: 'heading', text: '申请条件' },
      { kind: 'list', ordered: false, items: ['本市户籍，在本市灵活就业', '以个人身份按时足额缴纳社会保险费', '属于就业困难人员或离校未就业高校毕业生'] },
      { kind: 'heading', text: '怎么申请' },
      { kind: 'paragraph', text: '带身份证和缴费凭证到镇社区事务受理服务中心窗口办理，也可以在“一网通办”线上申请。补贴按季度审核发放。' },
      { kind: 'link', text: '上海“一网通办”', url: 'https://zwdt.sh.gov.cn/' },
    ],
  },
  {
    id: 'demo-notice-housing',
    title: '松江区人才安居：人才公寓与租房补贴申请',
    category: 'talent',
    summary: '在镇内企业工作的青年人才可申请入住人才公寓或领取租房补贴，企业人事负责人可统一为员工申报。',
    issuer: '佘山镇“1+4”人才服务点',
    daysAgo: 5,
    eventIds: ['demo-policy-xiaoer'],
    body: [
      { kind: 'heading', text: '适用对象' },
      { kind: 'paragraph', text: '与镇内企业签订劳动合同、在本区无自有住房的青年人才，具体条件以当年申报通知为准。' },
      { kind: 'heading', text: '申报材料' },
      { kind: 'list', ordered: true, items: ['身份证、学历或职称证书', '劳动合同和社保缴纳记录', '企业出具的推荐意见'] },
      { kind: 'paragraph', text: '金牌“店小二”服务团队可上门指导企业申报，欢迎参加企业人才政策宣讲会。' },
    ],
  },
];

/** Seeds the notices that are missing, published, each with its creation and publication audited. */
export async function seedNotices(repos: Repositories, now: string): Promise<void> {
  for (const { id, daysAgo, ...fields } of NOTICES) {
    if (await repos.notices.get(id)) continue;
    // Written on the day it was issued (Shanghai), so the library lists the newest first.
    const written = new Date(Date.parse(now) - daysAgo * DAY_MS).toISOString();
    const issuedOn = new Date(Date.parse(written) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
    const record = {
      id,
      ...fields,
      issuedOn,
      attachmentUrl: null,
      eventIds: fields.eventIds ?? [],
      status: 'draft' as const,
      publishedAt: null,
      createdBy: 'demo-staff',
      createdAt: written,
      updatedAt: written,
    };
    await repos.notices.insert(record, noticeSearchTerms(record), noticeAudit('demo-staff', 'notice.create', id, record.title));
    await repos.notices.update(id, now, moveNoticeRule('publish', 'demo-staff', now));
  }
}
