/** The 两新 census (摸排): staff keep the register, see each organisation's history and visits, import and export it. */
import { EXPORT_LINK_TTL_SECONDS, XLSX_MIME, type ExportFile } from '@shared/exports';
import { COVERAGE_LABELS, ORG_KIND_LABELS, ORG_STATUS_LABELS } from '@shared/labels';
import {
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  IMPORT_PREVIEW_TTL_MINUTES,
  type Grid,
  type ImportPreview,
  type ImportResult,
  type Org,
  type OrgCreateInput,
  type OrgDetail,
  type OrgHistoryEntry,
  type OrgListInput,
  type OrgUpdateInput,
} from '@shared/orgs';
import type { Page } from '@shared/common';
import { caller, type Ctx } from '../core/context';
import { decodeCursor, encodeCursor } from '../core/cursor';
import { DomainError, notFound } from '../core/errors';
import type { OrgRecord } from '../core/ports';
import { classify, countOutcomes, parseRows, planImport, rowView, type ParsedRow, type RowOutcome } from './import';
import { displayValue, loadLookups, loadPeople, loadRefs, toOrgView, type Lookups } from './present';
import { EMPTY_ORG, historyOf, mergeOrg, refuseIssues, updateOrgRule, type OrgRefs } from './rules';
import { buildXlsx, fileName } from '../exports/xlsx';
import { censusSheet, readSheet, SheetError, type SheetHeader } from './sheet';
import { toVisitView } from './visits';

const PAGE = 20;
/** Unchanged rows shown in a preview (all are counted). */
const UNCHANGED_SHOWN = 50;

/** Today in Shanghai (UTC+8 all year), `YYYY-MM-DD`. */
export const shanghaiDate = (iso: string): string => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

export async function listGrids(ctx: Ctx): Promise<Grid[]> {
  return ctx.deps.repos.orgs.grids();
}

export async function listOrgs(ctx: Ctx, input: OrgListInput): Promise<Page<Org>> {
  const limit = input.limit ?? PAGE;
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  const rows = await ctx.deps.repos.orgs.list({
    q: input.q || undefined,
    kind: input.kind,
    status: input.status,
    coverage: input.coverage,
    gridId: input.grid,
    after: after && { createdAt: after.at, id: after.id },
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const lookups = await loadLookups(ctx);
  await loadPeople(ctx, lookups, page.map((o) => o.instructorOpenid));
  const last = page[page.length - 1];
  return {
    items: page.map((o) => toOrgView(o, lookups)),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

export async function getOrg(ctx: Ctx, input: { id: string }): Promise<OrgDetail> {
  const org = await ctx.deps.repos.orgs.get(input.id);
  if (!org) throw notFound('组织');
  const [history, visits, lookups] = await Promise.all([
    ctx.deps.repos.orgs.history(org.id),
    ctx.deps.repos.orgs.visits({ orgId: org.id, limit: 100 }),
    loadLookups(ctx),
  ]);
  await loadPeople(ctx, lookups, [org.instructorOpenid, ...history.flatMap((h) => [h.actor, h.field === 'instructorOpenid' ? h.before : null, h.field === 'instructorOpenid' ? h.after : null])]);
  return {
    ...toOrgView(org, lookups),
    history: history.map(
      (h): OrgHistoryEntry => ({
        at: h.at,
        actorName: lookups.people.get(h.actor) ?? '工作人员',
        source: h.source,
        field: h.field,
        before: displayValue(h.field, h.before, lookups),
        after: displayValue(h.field, h.after, lookups),
      }),
    ),
    visits: visits.map((v) => toVisitView(v, org.name)),
  };
}

async function refsFor(ctx: Ctx): Promise<{ lookups: Lookups; refs: OrgRefs }> {
  const lookups = await loadLookups(ctx);
  return { lookups, refs: await loadRefs(ctx, lookups, shanghaiDate(ctx.now)) };
}

export async function createOrg(ctx: Ctx, input: OrgCreateInput): Promise<Org> {
  const actor = caller(ctx).openid;
  const { lookups, refs } = await refsFor(ctx);
  const { next, issues } = mergeOrg(EMPTY_ORG, input, refs);
  refuseIssues(issues);
  const record: OrgRecord = { id: ctx.deps.newId(), ...next, verified: false, createdAt: ctx.now, updatedAt: ctx.now };
  const outcome = await ctx.deps.repos.orgs.create(record, historyOf(null, next, 'create', actor), {
    actor,
    action: 'org.create',
    recordType: 'org',
    recordId: record.id,
    detail: record.name,
  });
  if (outcome === 'uscc-taken') throw new DomainError('ORG_EXISTS');
  return toOrgView(record, lookups);
}

export async function updateOrg(ctx: Ctx, input: OrgUpdateInput): Promise<Org> {
  const actor = caller(ctx).openid;
  const { id, ...fields } = input;
  const { lookups, refs } = await refsFor(ctx);
  const updated = await ctx.deps.repos.orgs.change(id, ctx.now, updateOrgRule(fields, refs, actor));
  return toOrgView(updated, lookups);
}

/** Reads the sheet, checks every row, compares it with the register, and keeps the result for `importApply`. */
export async function previewImport(ctx: Ctx, input: { base64: string }): Promise<ImportPreview> {
  const actor = caller(ctx).openid;
  const bytes = Buffer.from(input.base64, 'base64');
  if (bytes.length > IMPORT_MAX_BYTES) throw fileProblem(`文件不能超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB`);
  let sheet;
  try {
    sheet = await readSheet(bytes);
  } catch (err) {
    if (err instanceof SheetError) throw fileProblem(err.message);
    throw err;
  }
  if (!sheet.rows.length) throw fileProblem('表格中没有数据行');
  if (sheet.rows.length > IMPORT_MAX_ROWS) throw fileProblem(`一次最多导入 ${IMPORT_MAX_ROWS} 行，请分批导入`);
  const { lookups, refs } = await refsFor(ctx);
  const rows = parseRows(sheet.rows, {
    grids: new Map([...lookups.grids].map(([id, name]) => [name, id])),
    jointOrgs: new Map([...lookups.partyOrgs].filter(([, o]) => o.kind === 'joint').map(([id, o]) => [o.name, id])),
  });
  const outcomes = await compare(ctx, rows, refs, lookups, await ctx.deps.repos.orgs.all());
  const id = ctx.deps.newId();
  const expiresAt = new Date(Date.parse(ctx.now) + IMPORT_PREVIEW_TTL_MINUTES * 60_000).toISOString();
  await ctx.deps.repos.orgs.savePreview({ id, createdBy: actor, createdAt: ctx.now, expiresAt, rows, appliedAt: null });
  let unchangedShown = 0;
  const shown = outcomes.filter((o) => o.verdict !== 'unchanged' || unchangedShown++ < UNCHANGED_SHOWN);
  return {
    previewId: id,
    expiresAt,
    counts: countOutcomes(outcomes),
    rows: shown.map((o) => rowView(o, (f, v) => displayValue(f, v, lookups))),
  };
}

/** Applies the good rows in one transaction, compared again with the register as it is now; refused rows are listed. */
export async function applyImport(ctx: Ctx, input: { previewId: string }): Promise<ImportResult> {
  const actor = caller(ctx).openid;
  const preview = await ctx.deps.repos.orgs.getPreview(input.previewId);
  if (!preview || Date.parse(preview.expiresAt) < Date.parse(ctx.now)) {
    throw new DomainError('NOT_FOUND', '导入预览不存在或已过期，请重新上传文件');
  }
  const { lookups, refs } = await refsFor(ctx);
  const { staffByName } = staffNames(lookups, refs);
  let outcomes: RowOutcome[] = [];
  const named = namedBy(preview.rows as ParsedRow[]);
  await ctx.deps.repos.orgs.applyImport(input.previewId, named, ctx.now, (p, register) => {
    outcomes = classify(p.rows as ParsedRow[], register, refs, staffByName, lookups.people);
    return planImport(outcomes, { actor, now: ctx.now, previewId: input.previewId, newId: ctx.deps.newId });
  });
  const counts = countOutcomes(outcomes);
  return {
    created: counts.new,
    updated: counts.changed,
    unchanged: counts.unchanged,
    refused: outcomes.filter((o) => o.verdict === 'refused').map((o) => rowView(o, (f, v) => displayValue(f, v, lookups))),
    appliedBefore: preview.appliedAt !== null,
  };
}

/** The organisations a sheet's rows may match: their codes, and the names of every row (a row without a code, or
 * whose code is new, may complete a record kept without one). */
function namedBy(rows: ParsedRow[]): { usccs: string[]; names: string[] } {
  return {
    usccs: [...new Set(rows.flatMap((r) => (r.uscc ? [r.uscc] : [])))],
    names: [...new Set(rows.flatMap((r) => (r.name ? [r.name] : [])))],
  };
}

async function compare(ctx: Ctx, rows: ParsedRow[], refs: OrgRefs, lookups: Lookups, register: OrgRecord[]): Promise<RowOutcome[]> {
  await loadPeople(ctx, lookups, register.map((o) => o.instructorOpenid));
  return classify(rows, register, refs, staffNames(lookups, refs).staffByName, lookups.people);
}

/** Staff by name, for a sheet's 指导员 column (a name two staff share is kept as a plain name). */
function staffNames(lookups: Lookups, refs: OrgRefs): { staffByName: Map<string, string> } {
  const staffByName = new Map<string, string>();
  const shared = new Set<string>();
  for (const openid of refs.staffOpenids) {
    const name = lookups.people.get(openid);
    if (!name) continue;
    if (staffByName.has(name)) shared.add(name);
    staffByName.set(name, openid);
  }
  for (const name of shared) staffByName.delete(name);
  return { staffByName };
}

const fileProblem = (message: string) => new DomainError('INVALID_INPUT', message, [{ path: ['base64'], message }]);

/** The whole register as .xlsx (a valid import file), audited: it names every organisation and its instructor. */
export async function exportOrgs(ctx: Ctx): Promise<ExportFile> {
  const actor = caller(ctx).openid;
  const files = ctx.deps.files;
  if (!files) throw new Error('exports need deps.files (a FileStore); this entry was started without one');
  const [orgs, lookups] = await Promise.all([ctx.deps.repos.orgs.all(), loadLookups(ctx)]);
  await loadPeople(ctx, lookups, orgs.map((o) => o.instructorOpenid));
  const rows = orgs.map((record): Record<SheetHeader, string | number | null> => {
    const o = toOrgView(record, lookups);
    return {
      名称: o.name,
      统一社会信用代码: o.uscc,
      无代码原因: o.usccMissingReason,
      类型: ORG_KIND_LABELS[o.kind],
      行业: o.industry,
      地址: o.address,
      网格: o.gridName,
      从业人数: o.employees,
      党员人数: o.partyMembers,
      经营状态: ORG_STATUS_LABELS[o.status],
      状态变更日期: o.statusChangedOn,
      组织覆盖: COVERAGE_LABELS[o.coverage],
      '联合党组织/党组织名称': o.coverage === 'joint' ? o.jointOrgName : o.branchName,
      党组织成立日期: o.branchFoundedOn,
      指导员: o.instructorName,
      最近走访: o.lastVisitOn,
    };
  });
  const date = shanghaiDate(ctx.now);
  const name = fileName(['两新组织名册', date]);
  const bytes = await buildXlsx(censusSheet(rows, date));
  const { url } = await files.put({ name, bytes, owner: actor, mime: XLSX_MIME, ttlSeconds: EXPORT_LINK_TTL_SECONDS });
  await ctx.deps.repos.audit.record({
    actor,
    action: 'export.orgs',
    recordType: 'org',
    recordId: 'all',
    detail: `${rows.length} 行`,
    at: ctx.now,
  });
  return { fileName: name, rows: rows.length, url };
}
