/**
 * 云招聘: enterprises (claimed by their HR contacts, approved by staff), recruitment fairs (events of type `fair`
 * that enterprises join), jobs, applications with a short résumé, and 就业指导 appointments.
 */
import { z } from 'zod';
import { Cursor, Id, Instant, Limit, PersonName, Phone } from './common';
import { USCC_MESSAGES, usccProblem } from './uscc';
import {
  BENEFITS,
  CLAIM_STATUSES,
  DISTRICTS,
  ENTERPRISE_SIZES,
  GUIDANCE_STATUSES,
  HR_MARKS,
  JOB_CATEGORIES,
  JOB_STATUSES,
  LOGO_MAX_BYTES,
  LOGO_TYPES,
  SALARY_MAX,
  type ApplicationStatus,
  type Benefit,
  type ClaimStatus,
  type District,
  type EnterpriseSize,
  type GuidanceStatus,
  type JobCategory,
  type JobStatus,
} from './plain/recruitment';

export * from './plain/recruitment';


export const Uscc = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .superRefine((code, ctx) => {
    const problem = usccProblem(code);
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: USCC_MESSAGES[problem] });
  });

const EnterpriseName = z.string().trim().min(4, '请填写营业执照上的企业全称').max(60, '企业名称最多 60 个字');
const ShortText = (label: string, max: number) => z.string().trim().max(max, `${label}最多 ${max} 个字`);

/** What the claimant types: the enterprise as on its licence, and who they are, so staff have something to verify. */
export const ClaimInput = z
  .object({ name: EnterpriseName, uscc: Uscc, claimantName: PersonName.optional(), claimantPhone: Phone.optional() })
  .strict();

export const Logo = z
  .object({
    mime: z.enum(LOGO_TYPES, { message: '标志图片只支持 PNG 或 JPEG' }),
    /** The image bytes, base64: an upload, stored apart from the enterprise (which keeps only its address). */
    data: z.string().max(Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 4, `标志图片不能超过 ${LOGO_MAX_BYTES / 1024} KB`),
  })
  .strict();

export const EnterpriseUpdateInput = z
  .object({
    id: Id,
    industry: ShortText('行业', 30).optional(),
    size: z.enum(ENTERPRISE_SIZES, { message: '请选择企业规模' }).optional(),
    address: ShortText('地址', 100).optional(),
    contactName: PersonName.optional(),
    contactPhone: Phone.optional(),
    intro: ShortText('企业简介', 1000).optional(),
    logo: Logo.nullable().optional(),
  })
  .strict();

export const ClaimListInput = z.object({ status: z.enum(CLAIM_STATUSES).optional() }).strict();
export const DecideInput = z
  .object({ id: Id, approve: z.boolean({ message: '请选择通过或不通过' }), reason: ShortText('原因', 200).optional() })
  .strict();

/** `note` asks again after a rejection, saying what changed. */
export const FairJoinInput = z.object({ eventId: Id, note: ShortText('补充说明', 200).min(2, '补充说明至少 2 个字').optional() }).strict();
export const FairInput = z.object({ eventId: Id }).strict();
export const FairRequestsInput = z
  .object({ eventId: Id.optional(), status: z.enum(CLAIM_STATUSES).optional() })
  .strict();

const jobFields = {
  eventId: Id.nullable().optional(),
  title: z.string().trim().min(2, '岗位名称至少 2 个字').max(30, '岗位名称最多 30 个字'),
  category: z.enum(JOB_CATEGORIES, { message: '请选择岗位类别' }),
  /** Monthly salary in yuan; both absent means 面议. */
  salaryMin: z.number().int('月薪应为整数').min(0, '月薪不能为负').max(SALARY_MAX, '月薪超出范围').nullable().optional(),
  salaryMax: z.number().int('月薪应为整数').min(0, '月薪不能为负').max(SALARY_MAX, '月薪超出范围').nullable().optional(),
  headcount: z.number({ message: '招聘人数应为数字' }).int('招聘人数应为整数').min(1, '招聘人数至少 1 人').max(9999, '招聘人数过多'),
  district: z.enum(DISTRICTS, { message: '请选择工作地区' }),
  place: z.string().trim().min(2, '请填写工作地点').max(100, '工作地点最多 100 个字'),
  requirements: ShortText('岗位要求', 1000).optional(),
  benefits: z.array(z.enum(BENEFITS, { message: '福利标签不正确' })).max(BENEFITS.length).optional(),
};

const salaryRule = (v: { salaryMin?: number | null; salaryMax?: number | null }, ctx: z.RefinementCtx) => {
  if (v.salaryMin != null && v.salaryMax != null && v.salaryMax < v.salaryMin) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['salaryMax'], message: '最高月薪不能低于最低月薪' });
  }
};

export const JobCreateInput = z.object(jobFields).strict().superRefine(salaryRule);
export type JobCreateInput = z.infer<typeof JobCreateInput>;
export const JobUpdateInput = z
  .object({ id: Id, ...jobFields })
  .partial()
  .required({ id: true })
  .strict()
  .superRefine(salaryRule);
export type JobUpdateInput = z.infer<typeof JobUpdateInput>;
export const JobStatusInput = z.object({ id: Id, status: z.enum(JOB_STATUSES, { message: '岗位状态不正确' }) }).strict();

export const JobSearchInput = z
  .object({
    keyword: z.string().trim().max(30, '关键词最多 30 个字').optional(),
    category: z.enum(JOB_CATEGORIES).optional(),
    district: z.enum(DISTRICTS).optional(),
    /** Jobs paying at least this much a month (面议 jobs are left out when set). */
    salaryAtLeast: z.number().int().min(0).max(SALARY_MAX).optional(),
    eventId: Id.optional(),
    enterpriseId: Id.optional(),
    cursor: Cursor.optional(),
    limit: Limit.optional(),
  })
  .strict();
export type JobSearchInput = z.infer<typeof JobSearchInput>;

export const Resume = z
  .object({
    name: PersonName,
    phone: Phone,
    age: z.number({ message: '年龄应为数字' }).int('年龄应为整数').min(16, '年龄应在 16–70 岁之间').max(70, '年龄应在 16–70 岁之间'),
    experience: ShortText('工作经历', 500).optional(),
    wantedJob: ShortText('期望岗位', 30).optional(),
    note: ShortText('备注', 200).optional(),
  })
  .strict();
export type Resume = z.infer<typeof Resume>;

export const ApplicationCreateInput = z.object({ jobId: Id, resume: Resume }).strict();
export const ApplicationsByJobInput = z.object({ jobId: Id }).strict();
export const Interview = z
  .object({
    at: Instant,
    place: z.string().trim().min(2, '请填写面试地点').max(100, '面试地点最多 100 个字'),
    note: ShortText('面试说明', 200).optional(),
  })
  .strict();
export const ApplicationMarkInput = z
  .object({
    id: Id,
    status: z.enum(HR_MARKS, { message: '处理结果不正确' }),
    interview: Interview.optional(),
    /** Why the applicant was not taken; the applicant reads it. */
    reason: ShortText('原因', 200).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.status === 'interview' && !v.interview) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['interview'], message: '邀请面试时请填写时间和地点' });
    }
    if (v.status !== 'interview' && v.interview) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['interview'], message: '只有邀请面试时才能填写面试安排' });
    }
    if (v.status !== 'rejected' && v.reason !== undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['reason'], message: '只有不合适时才能填写原因' });
    }
  });

export const GuidanceRequestInput = z
  .object({
    topic: z.string().trim().min(2, '请填写想咨询的问题').max(100, '问题最多 100 个字'),
    preferredTimes: z.string().trim().min(2, '请填写方便的时间').max(100, '时间最多 100 个字'),
    phone: Phone,
  })
  .strict();
export const GuidanceListInput = z.object({ status: z.enum(GUIDANCE_STATUSES).optional() }).strict();
export const GuidanceAnswerInput = z
  .object({ id: Id, answer: z.string().trim().min(2, '请填写答复').max(500, '答复最多 500 个字') })
  .strict();

export interface Enterprise {
  id: string;
  name: string;
  uscc: string;
  industry: string | null;
  size: EnterpriseSize | null;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  intro: string | null;
  /** Where the logo is shown from: `/files/<id>` on the gateway, a `cloud://` file id in WeChat. */
  logo: { url: string } | null;
  verified: boolean;
}

export interface Claim {
  id: string;
  /** The enterprise the claim was approved into; null until then (a claim names an enterprise, it does not make one). */
  enterpriseId: string | null;
  /** The name as the claimant typed it. */
  enterpriseName: string;
  uscc: string;
  claimantName: string | null;
  claimantPhone: string | null;
  openid: string;
  status: ClaimStatus;
  reason: string | null;
  createdAt: string;
}

export interface MyEnterprise {
  claim: Claim | null;
  enterprise: Enterprise | null;
}

export interface FairParticipation {
  id: string;
  eventId: string;
  enterpriseId: string;
  enterpriseName: string;
  status: ClaimStatus;
  /** Why staff rejected it (kept while the enterprise asks again, so staff see the earlier reason). */
  reason: string | null;
  /** What the enterprise wrote when asking again after a rejection. */
  note: string | null;
  createdAt: string;
}

export interface Job {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  eventId: string | null;
  title: string;
  category: JobCategory;
  salaryMin: number | null;
  salaryMax: number | null;
  headcount: number;
  district: District;
  place: string;
  requirements: string;
  benefits: Benefit[];
  status: JobStatus;
  createdAt: string;
  updatedAt: string;
}

export interface JobDetail extends Job {
  enterprise: Enterprise;
  myApplication: { id: string; status: ApplicationStatus } | null;
}

export interface InterviewInvite {
  at: string;
  place: string;
  note: string | null;
}

export interface Application {
  id: string;
  jobId: string;
  status: ApplicationStatus;
  resume: Resume;
  interview: InterviewInvite | null;
  /** Why the enterprise did not take the applicant, when it said. */
  reason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ApplicationWithJob extends Application {
  job: Job;
}

export interface FairStats {
  eventId: string;
  enterprises: number;
  jobs: number;
  headcount: number;
  applications: number;
  interviews: number;
  hires: number;
}

export interface GuidanceRequest {
  id: string;
  openid: string;
  /** The name the person gave the app (staff lists only; null when never given or not read). */
  name?: string | null;
  topic: string;
  preferredTimes: string;
  phone: string;
  status: GuidanceStatus;
  answer: string | null;
  createdAt: string;
  answeredAt: string | null;
}
