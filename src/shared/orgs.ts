/**
 * 两新组织 census (摸排): the register of the town's non-public enterprises and social organisations, how each is
 * covered by party organisation (组织覆盖) and party work (工作覆盖), its change history, its visits (走访), and the
 * spreadsheet import and export. A census record is the same record as a 云招聘 enterprise (one row per USCC).
 */
import { z } from 'zod';
import { Cursor, Id, Limit, PersonName } from './common';
import { NEED_CATEGORIES, type NeedCategory } from './needs';
import { Uscc } from './recruitment';

export const ORG_KINDS = ['economic', 'social'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** 在营 · 已注销/空壳撤销 · 迁出 */
export const ORG_STATUSES = ['active', 'removed', 'moved_out'] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];

/** 组织覆盖: 单独组建 (its own branch) · 联合党组织 · 未覆盖 */
export const COVERAGES = ['standalone', 'joint', 'none'] as const;
export type Coverage = (typeof COVERAGES)[number];

/** Where a history entry came from. */
export const ORG_CHANGE_SOURCES = ['create', 'update', 'import', 'visit'] as const;
export type OrgChangeSource = (typeof ORG_CHANGE_SOURCES)[number];

/** The largest .xlsx an import takes, and the base64 text that carries it. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const IMPORT_MAX_BASE64 = Math.ceil(IMPORT_MAX_BYTES / 3) * 4;
/** How long a preview can be applied after it was made. */
export const IMPORT_PREVIEW_TTL_MINUTES = 60;
/** The most rows a sheet may hold. */
export const IMPORT_MAX_ROWS = 20_000;

/** A calendar date in Shanghai, `2026-05-01`: real, between 1949 and 2099. */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-05-01')
  .refine(isRealDate, '这个日期不存在，请检查');

export function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = m.slice(1).map(Number);
  const d = new Date(Date.UTC(year, month - 1, day));
  return year >= 1949 && year <= 2099 && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const Text = (label: string, min: number, max: number) =>
  z.string().trim().min(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`).max(max, `${label}最多 ${max} 个字`);
const Count = (label: string, max: number) =>
  z.number({ message: `${label}应为数字` }).int(`${label}应为整数`).min(0, `${label}不能为负`).max(max, `${label}超出范围`);
const Openid = z.string().regex(/^[A-Za-z0-9_-]{3,64}$/, '用户标识不正确');

export const OrgName = Text('组织名称', 2, 60);
export const UsccMissingReason = Text('无代码原因', 2, 30);

/**
 * The fields staff keep. Cross-field rules (a USCC or the reason it has none; 单独组建 names its branch, 联合党组织
 * names the joint organisation) are checked on the whole record by `orgs/rules.ts`, so an update is held to them too.
 */
const orgFields = {
  name: OrgName,
  uscc: Uscc,
  usccMissingReason: UsccMissingReason,
  kind: z.enum(ORG_KINDS, { message: '请选择组织类型' }),
  industry: Text('行业', 1, 30),
  address: Text('地址', 1, 100),
  gridId: Id,
  employees: Count('从业人数', 1_000_000),
  partyMembers: Count('党员人数', 100_000),
  status: z.enum(ORG_STATUSES, { message: '请选择经营状态' }),
  statusChangedOn: LocalDate,
  coverage: z.enum(COVERAGES, { message: '请选择组织覆盖情况' }),
  branchName: Text('党组织名称', 2, 60),
  branchFoundedOn: LocalDate,
  jointOrgId: Id,
  /** The 党建工作指导员 as a staff user … */
  instructorOpenid: Openid,
  /** … or as a plain name (someone without an account). */
  instructorName: PersonName,
};

export const OrgCreateInput = z
  .object({
    name: orgFields.name,
    uscc: orgFields.uscc.optional(),
    usccMissingReason: orgFields.usccMissingReason.optional(),
    kind: orgFields.kind,
    industry: orgFields.industry.optional(),
    address: orgFields.address.optional(),
    gridId: orgFields.gridId.optional(),
    employees: orgFields.employees.optional(),
    partyMembers: orgFields.partyMembers.optional(),
    status: orgFields.status.optional(),
    statusChangedOn: orgFields.statusChangedOn.optional(),
    coverage: orgFields.coverage.optional(),
    branchName: orgFields.branchName.optional(),
    branchFoundedOn: orgFields.branchFoundedOn.optional(),
    jointOrgId: orgFields.jointOrgId.optional(),
    instructorOpenid: orgFields.instructorOpenid.optional(),
    instructorName: orgFields.instructorName.optional(),
  })
  .strict();
export type OrgCreateInput = z.infer<typeof OrgCreateInput>;

/** Any field; `null` clears an optional one (name, kind, status and coverage cannot be cleared). */
export const OrgUpdateInput = z
  .object({
    id: Id,
    name: orgFields.name.optional(),
    uscc: orgFields.uscc.nullable().optional(),
    usccMissingReason: orgFields.usccMissingReason.nullable().optional(),
    kind: orgFields.kind.optional(),
    industry: orgFields.industry.nullable().optional(),
    address: orgFields.address.nullable().optional(),
    gridId: orgFields.gridId.nullable().optional(),
    employees: orgFields.employees.nullable().optional(),
    partyMembers: orgFields.partyMembers.nullable().optional(),
    status: orgFields.status.optional(),
    statusChangedOn: orgFields.statusChangedOn.nullable().optional(),
    coverage: orgFields.coverage.optional(),
    branchName: orgFields.branchName.nullable().optional(),
    branchFoundedOn: orgFields.branchFoundedOn.nullable().optional(),
    jointOrgId: orgFields.jointOrgId.nullable().optional(),
    instructorOpenid: orgFields.instructorOpenid.nullable().optional(),
    instructorName: orgFields.instructorName.nullable().optional(),
  })
  .strict();
export type OrgUpdateInput = z.infer<typeof OrgUpdateInput>;

export const OrgListInput = z
  .object({
    /** Keyword over name, USCC and address. */
    q: z.string().trim().max(30, '关键词最多 30 个字').optional(),
    kind: z.enum(ORG_KINDS).optional(),
    status: z.enum(ORG_STATUSES).optional(),
    coverage: z.enum(COVERAGES).optional(),
    grid: Id.optional(),
    cursor: Cursor.optional(),
    limit: Limit.optional(),
  })
  .strict();
export type OrgListInput = z.infer<typeof OrgListInput>;

export const OrgIdInput = z.object({ id: Id }).strict();

export const ImportPreviewInput = z
  .object({
    /** The .xlsx file, base64. */
    base64: z
      .string()
      .min(1, '请选择要导入的文件')
      .max(IMPORT_MAX_BASE64, `文件不能超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB`)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, '文件内容不正确，请重新选择 .xlsx 文件'),
  })
  .strict();
export const ImportApplyInput = z.object({ previewId: Id }).strict();

export const VisitProblem = z
  .object({
    category: z.enum(NEED_CATEGORIES, { message: '请选择问题类别' }),
    text: Text('问题描述', 5, 500),
  })
  .strict();

export const VisitCreateInput = z
  .object({
    orgId: Id,
    date: LocalDate,
    /** Who visited, when not the person recording it. */
    visitor: PersonName.optional(),
    findings: Text('走访情况', 2, 1000),
    problems: z.array(VisitProblem).max(20, '一次走访最多记录 20 个问题'),
  })
  .strict();
export type VisitCreateInput = z.infer<typeof VisitCreateInput>;

export const VisitListInput = z.object({ orgId: Id.optional() }).strict();

export interface Grid {
  id: string;
  name: string;
}

export interface Org {
  id: string;
  name: string;
  uscc: string | null;
  usccMissingReason: string | null;
  kind: OrgKind;
  industry: string | null;
  address: string | null;
  gridId: string | null;
  gridName: string | null;
  employees: number | null;
  partyMembers: number | null;
  status: OrgStatus;
  statusChangedOn: string | null;
  coverage: Coverage;
  branchName: string | null;
  branchFoundedOn: string | null;
  jointOrgId: string | null;
  jointOrgName: string | null;
  instructorOpenid: string | null;
  /** The instructor's name: the staff user's, or the plain name kept. */
  instructorName: string | null;
  /** 工作覆盖: the date of the latest visit. */
  lastVisitOn: string | null;
  /** An HR contact's claim of this organisation was approved (云招聘). */
  claimed: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface OrgHistoryEntry {
  at: string;
  /** The person's name (or their role when they left none), never an openid. */
  actorName: string;
  source: OrgChangeSource;
  field: string;
  /** Values as the screen shows them (labels, grid and organisation names). */
  before: string | null;
  after: string | null;
}

export interface Visit {
  id: string;
  orgId: string;
  orgName: string;
  date: string;
  visitorName: string;
  findings: string;
  problems: { category: NeedCategory; text: string }[];
  createdAt: string;
}

export interface VisitCreated extends Visit {
  /** Needs (企业诉求) made from the problems, one per problem. */
  needsCreated: number;
}

export interface OrgDetail extends Org {
  history: OrgHistoryEntry[];
  visits: Visit[];
}

export const IMPORT_VERDICTS = ['new', 'changed', 'unchanged', 'refused'] as const;
export type ImportVerdict = (typeof IMPORT_VERDICTS)[number];

export interface ImportRowView {
  /** The row's number in the sheet (the header is row 1). */
  line: number;
  name: string;
  uscc: string | null;
  verdict: ImportVerdict;
  /** For `changed`: what would change, as the screen shows it. */
  changes: { field: string; before: string | null; after: string | null }[];
  /** For `refused`: every reason, in Chinese. */
  reasons: string[];
}

export interface ImportCounts {
  new: number;
  changed: number;
  unchanged: number;
  refused: number;
}

export interface ImportPreview {
  previewId: string;
  expiresAt: string;
  counts: ImportCounts;
  /** Every new, changed and refused row; unchanged rows only up to a few (their number is in `counts`). */
  rows: ImportRowView[];
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  /** The refused rows, reported again: they were not written. */
  refused: ImportRowView[];
  /** This preview had been applied before; the rows were compared again and only what still differed was written. */
  appliedBefore: boolean;
}

