/**
 * The carpet-survey import, pure. A sheet's rows are read into census inputs (`parseRows`), then compared with the
 * register as it is (`classify`): new, changed (which fields), unchanged, or refused with every reason.
 *
 * Rules, decided:
 * - A row is matched by its USCC; a row without one by its name among the organisations that have none (and a row
 *   whose code is new but whose name is registered without a code completes that record rather than doubling it).
 * - An empty cell, or a column the sheet lacks, never clears a value: the import only adds and corrects. Clearing is
 *   done in the form.
 * - Refused rows are reported, never skipped silently: apply writes the good rows and answers the refused ones again.
 * - Two rows naming the same organisation are both refused: the import does not guess which is right.
 * - Apply compares the rows again with the register inside its transaction, so applying twice changes nothing.
 */
import { OrgCreateInput, isRealDate, type Coverage, type ImportRowView, type ImportVerdict, type OrgKind, type OrgStatus } from '@shared/orgs';
import { USCC_MESSAGES, usccProblem } from '@shared/uscc';
import type { ImportPlan, OrgFields, OrgRecord } from '../core/ports';
import type { SheetHeader, SheetRow } from './sheet';
import { EMPTY_ORG, fieldsOf, historyOf, mergeOrg, patchOf, type OrgInput, type OrgRefs } from './rules';

/** A row as the preview keeps it: what it says, resolved to ids, or why it cannot be read. */
export interface ParsedRow {
  line: number;
  name: string;
  uscc: string | null;
  input: OrgInput;
  /** The instructor as typed: a staff member's name matches them, any other name is kept as a plain name. */
  instructor: string | null;
  reasons: string[];
}

const KINDS: Record<string, OrgKind> = {
  新经济组织: 'economic', 经济组织: 'economic', 企业: 'economic', 非公企业: 'economic',
  新社会组织: 'social', 社会组织: 'social', 社团: 'social', 民办非企业单位: 'social',
};
const STATUSES: Record<string, OrgStatus> = {
  在营: 'active', 正常: 'active', 存续: 'active', 在业: 'active',
  '已注销/空壳撤销': 'removed', 已注销: 'removed', 注销: 'removed', 空壳撤销: 'removed', 撤销: 'removed', 吊销: 'removed',
  迁出: 'moved_out', 已迁出: 'moved_out',
};
const COVERAGES: Record<string, Coverage> = {
  单独组建: 'standalone', 单建: 'standalone', 独立组建: 'standalone',
  联合党组织: 'joint', 联合组建: 'joint', 联建: 'joint', 联合: 'joint',
  未覆盖: 'none', 无: 'none', 未组建: 'none',
};

/** `2024-05-01`, `2024/5/1`, `2024.5.1`, `2024年5月1日` → `2024-05-01`, or null when it is no date. */
export function sheetDate(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return null;
  const date = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isRealDate(date) ? date : null;
}

export interface ParseRefs {
  /** Grid name → id. */
  grids: Map<string, string>;
  /** Joint party organisation name → id. */
  jointOrgs: Map<string, string>;
}

const shape = OrgCreateInput.shape;

export function parseRows(rows: SheetRow[], refs: ParseRefs): ParsedRow[] {
  const parsed = rows.map((row) => parseRow(row, refs));
  markDuplicates(parsed);
  return parsed;
}

function parseRow({ line, cells }: SheetRow, refs: ParseRefs): ParsedRow {
  const reasons: string[] = [];
  const input: OrgInput = {};
  const cell = (h: SheetHeader) => cells[h];
  const check = <K extends keyof typeof shape>(key: K, value: unknown): unknown => {
    const result = shape[key].safeParse(value);
    if (result.success) return result.data;
    reasons.push(result.error.issues[0]?.message ?? '格式不正确');
    return undefined;
  };

  const name = cell('名称') ?? '';
  if (!name) reasons.push('缺少名称');
  else input.name = check('name', name) as string | undefined;

  const rawUscc = cell('统一社会信用代码')?.replace(/\s+/g, '').toUpperCase() ?? null;
  if (rawUscc) {
    const problem = usccProblem(rawUscc);
    if (problem) reasons.push(USCC_MESSAGES[problem]);
    else input.uscc = rawUscc;
  }
  const reason = cell('无代码原因');
  if (reason) input.usccMissingReason = check('usccMissingReason', reason) as string | undefined;

  const kind = cell('类型');
  if (kind) {
    if (KINDS[kind]) input.kind = KINDS[kind];
    else reasons.push(`类型“${kind}”无法识别，应为新经济组织或新社会组织`);
  }
  for (const [header, key] of [['行业', 'industry'], ['地址', 'address']] as const) {
    const v = cell(header);
    if (v) input[key] = check(key, v) as string | undefined;
  }
  const grid = cell('网格');
  if (grid) {
    const id = refs.grids.get(grid);
    if (id) input.gridId = id;
    else reasons.push(`网格“${grid}”不在网格名单中`);
  }
  for (const [header, key] of [['从业人数', 'employees'], ['党员人数', 'partyMembers']] as const) {
    const v = cell(header);
    if (!v) continue;
    const n = /^\d+$/.test(v) ? Number(v) : Number.NaN;
    if (Number.isNaN(n)) reasons.push(`${header}应为整数`);
    else input[key] = check(key, n) as number | undefined;
  }
  const status = cell('经营状态');
  if (status) {
    if (STATUSES[status]) input.status = STATUSES[status];
    else reasons.push(`经营状态“${status}”无法识别，应为在营、已注销/空壳撤销或迁出`);
  }
  const coverage = cell('组织覆盖');
  if (coverage) {
    if (COVERAGES[coverage]) input.coverage = COVERAGES[coverage];
    else reasons.push(`组织覆盖“${coverage}”无法识别，应为单独组建、联合党组织或未覆盖`);
  }
  const partyOrg = cell('联合党组织/党组织名称');
  if (partyOrg && input.coverage === 'joint') {
    const id = refs.jointOrgs.get(partyOrg);
    if (id) input.jointOrgId = id;
    else reasons.push(`联合党组织“${partyOrg}”不在党组织名单中`);
  } else if (partyOrg && input.coverage === 'standalone') {
    input.branchName = check('branchName', partyOrg) as string | undefined;
  }
  for (const [header, key] of [['状态变更日期', 'statusChangedOn'], ['党组织成立日期', 'branchFoundedOn']] as const) {
    const v = cell(header);
    if (!v) continue;
    const date = sheetDate(v);
    if (date) input[key] = date;
    else reasons.push(`${header}“${v}”不是有效日期，应写作 2024-05-01`);
  }
  const instructor = cell('指导员') ?? null;
  if (instructor) check('instructorName', instructor);

  for (const key of Object.keys(input) as (keyof OrgInput)[]) if (input[key] === undefined) delete input[key];
  return { line, name, uscc: input.uscc ?? null, input, instructor, reasons };
}

/** Rows naming one organisation twice (same USCC; or same name, neither with a code) are all refused. */
function markDuplicates(rows: ParsedRow[]): void {
  const groups = new Map<string, ParsedRow[]>();
  for (const row of rows) {
    const key = row.uscc ? `uscc:${row.uscc}` : row.name ? `name:${row.name}` : null;
    if (!key) continue;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const [key, group] of groups) {
    if (group.length < 2) continue;
    const what = key.startsWith('uscc:') ? '统一社会信用代码' : '名称';
    for (const row of group) {
      const others = group.filter((r) => r !== row).map((r) => r.line);
      row.reasons.push(`与第 ${others.join('、')} 行${what}重复`);
    }
  }
}

export interface RowOutcome {
  row: ParsedRow;
  verdict: ImportVerdict;
  /** The organisation it matched. */
  current: OrgRecord | null;
  next: OrgFields | null;
  reasons: string[];
}

/** Compares each row with the register: what it would create or change, or why it cannot. */
export function classify(rows: ParsedRow[], register: OrgRecord[], refs: OrgRefs, staffByName: Map<string, string>, people: Map<string, string>): RowOutcome[] {
  const byUscc = new Map<string, OrgRecord>();
  const byNameWithoutCode = new Map<string, OrgRecord>();
  for (const o of register) {
    if (o.uscc) byUscc.set(o.uscc, o);
    else byNameWithoutCode.set(o.name, o);
  }
  return rows.map((row) => {
    if (row.reasons.length) return { row, verdict: 'refused', current: null, next: null, reasons: row.reasons };
    const current = (row.uscc ? byUscc.get(row.uscc) : undefined) ?? byNameWithoutCode.get(row.name) ?? null;
    const before = current ? fieldsOf(current) : EMPTY_ORG;
    const input: OrgInput = { ...row.input, ...instructorInput(row.instructor, before, staffByName, people) };
    const { next, issues } = mergeOrg(before, input, refs);
    if (issues.length) return { row, verdict: 'refused', current, next: null, reasons: issues.map((i) => i.message) };
    if (!current) return { row, verdict: 'new', current, next, reasons: [] };
    const changed = historyOf(before, next, 'import', '').length > 0;
    return { row, verdict: changed ? 'changed' : 'unchanged', current, next, reasons: [] };
  });
}

/** The instructor named in a row: unchanged when it is already them, a staff member when the name is one, else a name. */
function instructorInput(text: string | null, before: OrgFields, staffByName: Map<string, string>, people: Map<string, string>): OrgInput {
  if (!text) return {};
  const currentName = before.instructorOpenid ? people.get(before.instructorOpenid) : before.instructorName;
  if (currentName === text) return {};
  const openid = staffByName.get(text);
  return openid ? { instructorOpenid: openid } : { instructorName: text };
}

export function countOutcomes(outcomes: RowOutcome[]): Record<ImportVerdict, number> {
  const counts: Record<ImportVerdict, number> = { new: 0, changed: 0, unchanged: 0, refused: 0 };
  for (const o of outcomes) counts[o.verdict] += 1;
  return counts;
}

/** Writes every new and changed row, with its history; the refused and unchanged ones write nothing. */
export function planImport(
  outcomes: RowOutcome[],
  ctx: { actor: string; now: string; previewId: string; newId: () => string },
): ImportPlan {
  const plan: ImportPlan = { creates: [], updates: [], audit: { actor: ctx.actor, action: 'org.import', recordType: 'org_import', recordId: ctx.previewId, detail: null } };
  for (const o of outcomes) {
    if (o.verdict === 'new' && o.next) {
      const record: OrgRecord = { id: ctx.newId(), ...o.next, verified: false, createdAt: ctx.now, updatedAt: ctx.now };
      plan.creates.push({ record, history: historyOf(null, o.next, 'import', ctx.actor) });
    } else if (o.verdict === 'changed' && o.next && o.current) {
      const before = fieldsOf(o.current);
      plan.updates.push({ id: o.current.id, fields: patchOf(before, o.next), history: historyOf(before, o.next, 'import', ctx.actor) });
    }
  }
  const counts = countOutcomes(outcomes);
  plan.audit.detail = `新增 ${counts.new}，更新 ${counts.changed}，无变化 ${counts.unchanged}，不能导入 ${counts.refused}`;
  return plan;
}

/** A row as the preview shows it; `display` turns stored values into what staff read. */
export function rowView(o: RowOutcome, display: (field: keyof OrgFields, value: string | null) => string | null): ImportRowView {
  const changes =
    o.verdict === 'changed' && o.current && o.next
      ? historyOf(fieldsOf(o.current), o.next, 'import', '').map((h) => ({
          field: h.field,
          before: display(h.field, h.before),
          after: display(h.field, h.after),
        }))
      : [];
  return { line: o.row.line, name: o.row.name, uscc: o.row.uscc, verdict: o.verdict, changes, reasons: o.reasons };
}
