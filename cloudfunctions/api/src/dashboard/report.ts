/** The half-year report as an .xlsx: one sheet per section, each figure a row with its label and number. */
import ExcelJS from 'exceljs';
import { EXPORT_LINK_TTL_SECONDS, XLSX_MIME, type ExportFile } from '@shared/exports';
import type { DashboardFigures, PeriodInput, Rate } from '@shared/dashboard';
import {
  EVENT_TYPE_LABELS,
  INTENT_STATUS_LABELS,
  NEED_CATEGORY_LABELS,
} from '@shared/labels';
import { caller, type Ctx } from '../core/context';
import { fileName } from '../exports/xlsx';
import { dashboardFigures } from './figures';

const KIND_LABELS: Record<string, string> = { economic: '新经济组织', social: '新社会组织' };
const ORG_STATUS_LABELS: Record<string, string> = { active: '在营', removed: '已注销/空壳撤销', moved_out: '迁出' };
const label = (labels: Record<string, string>, key: string) => labels[key] ?? key;
const percent = (r: Rate) => (r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}%`);

type Cell = string | number | null;

function addSheet(book: ExcelJS.Workbook, name: string, header: string[], rows: Cell[][]): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((h, i) => ({ header: h, width: i === 0 ? 24 : 14 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
}

export async function reportWorkbook(f: DashboardFigures): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = '佘山两新服务';
  addSheet(book, '概览', ['指标', '数值'], [
    ['统计区间', `${f.period.from} 至 ${f.period.to}`],
    ['新增组织', f.orgs.added],
    ['注销/撤销空壳', f.orgs.removed],
    ['迁出', f.orgs.movedOut],
    ['组织覆盖率（单独组建+联合覆盖 / 在营）', percent(f.coverage.organisation)],
    ['单独组建', f.coverage.standalone],
    ['联合覆盖', f.coverage.joint],
    ['在营组织', f.coverage.organisation.denominator],
    ['工作覆盖率（有指导员 / 在营）', percent(f.coverage.work)],
    ['新建党支部', f.branchesFounded],
    ['口袋党员报到', f.memberReports],
    ['入党意向', f.intents.received],
    ['企业诉求', f.needs.raised],
    ['已办结', f.needs.closed],
    ['办结率', percent(f.needs.closure)],
    ['办结用时中位数（天）', f.needs.medianDaysToClose],
  ]);
  addSheet(book, '组织', ['类型', '状态', '数量'], f.orgs.byKindStatus.map((r) => [label(KIND_LABELS, r.kind), label(ORG_STATUS_LABELS, r.status), r.count]));
  addSheet(book, '入党意向', ['进展', '人数'], f.intents.byStatus.map((r) => [label(INTENT_STATUS_LABELS, r.status), r.count]));
  addSheet(book, '活动', ['类型', '场次', '报名', '签到'], f.activities.map((r) => [label(EVENT_TYPE_LABELS, r.type), r.held, r.signups, r.attended]));
  addSheet(
    book,
    '企业诉求',
    ['类别', '提出', '办结', '办结率', '办结用时中位数（天）'],
    f.needs.byCategory.map((r) => [label(NEED_CATEGORY_LABELS, r.category), r.raised, r.closed, percent(r.closure), r.medianDaysToClose]),
  );
  addSheet(book, '意见建议', ['主题', '条数'], f.suggestions.map((r) => [label(NEED_CATEGORY_LABELS, r.topic), r.count]));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Counts only (no names or phones leave here), recorded in the audit log like every export. */
export async function exportReport(ctx: Ctx, input: PeriodInput): Promise<ExportFile> {
  const files = ctx.deps.files;
  if (!files) throw new Error('exports need deps.files (a FileStore); this entry was started without one');
  const owner = caller(ctx).openid;
  const figures = await dashboardFigures(ctx, input);
  const name = fileName(['半年报', '佘山镇两新工作', `${input.from}至${input.to}`]);
  const { url } = await files.put({ name, bytes: await reportWorkbook(figures), owner, mime: XLSX_MIME, ttlSeconds: EXPORT_LINK_TTL_SECONDS });
  await ctx.deps.repos.audit.record({
    actor: owner, at: ctx.now, action: 'export.report', recordType: 'report', recordId: `${input.from}..${input.to}`, detail: '导出半年报',
  });
  return { fileName: name, rows: figures.needs.byCategory.length + figures.activities.length + figures.orgs.byKindStatus.length, url };
}
