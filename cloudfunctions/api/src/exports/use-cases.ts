/**
 * Exports: a list built into an .xlsx file, put where the person who asked can download it for ten minutes, and the
 * export written to the audit log (who, what, how many rows) — names and phones leave the system here.
 */
import { EXPORT_LINK_TTL_SECONDS, XLSX_MIME, type ExportFile } from '@shared/exports';
import { caller, isStaff, type Ctx } from '../core/context';
import { notFound } from '../core/errors';
import type { FollowupRecord } from '../core/ports';
import { loadFair } from '../recruitment/fairs';
import { applicationsSheet, intentsSheet, registrationsSheet, type ApplicationRow } from './sheets';
import { buildXlsx, fileName, shanghaiDate, type SheetSpec } from './xlsx';

/** Pages read from the 入党意向 list at a time while building its export. */
const INTENT_PAGE = 500;

interface ExportAudit {
  action: string;
  recordType: string;
  recordId: string;
  detail: string;
}

/** Builds the file, stores it for the caller alone, then records the export; answers where to download it. */
async function deliver(ctx: Ctx, name: string, sheet: SheetSpec, audit: ExportAudit): Promise<ExportFile> {
  const files = ctx.deps.files;
  if (!files) throw new Error('exports need deps.files (a FileStore); this entry was started without one');
  const owner = caller(ctx).openid;
  const bytes = await buildXlsx(sheet);
  const { url } = await files.put({ name, bytes, owner, mime: XLSX_MIME, ttlSeconds: EXPORT_LINK_TTL_SECONDS });
  await ctx.deps.repos.audit.record({ actor: owner, at: ctx.now, ...audit });
  return { fileName: name, rows: sheet.rows.length, url };
}

/** An event's sign-ups, every status, in arrival order; the file carries the event's date. */
export async function exportRegistrations(ctx: Ctx, input: { eventId: string }): Promise<ExportFile> {
  const event = await ctx.deps.repos.events.get(input.eventId);
  if (!event) throw notFound('活动');
  const records = await ctx.deps.repos.registrations.listByEvent(event.id);
  const date = shanghaiDate(event.startAt);
  return deliver(ctx, fileName(['报名名单', event.title, date]), registrationsSheet(event, records, date), {
    action: 'export.registrations',
    recordType: 'event',
    recordId: event.id,
    detail: `导出报名名单 ${records.length} 行`,
  });
}

/**
 * A fair's applications: staff get every enterprise's or one's; an HR contact gets their own enterprise's only, and
 * another enterprise's does not exist for them.
 */
export async function exportApplications(ctx: Ctx, input: { fairId: string; enterpriseId?: string }): Promise<ExportFile> {
  const user = caller(ctx);
  const fair = await loadFair(ctx, input.fairId);
  let only: string | undefined = input.enterpriseId;
  if (!isStaff(user)) {
    if (only && only !== user.enterpriseId) throw notFound('企业');
    only = user.enterpriseId ?? undefined;
  }
  const enterprise = only ? await ctx.deps.repos.enterprises.get(only) : null;
  if (only && !enterprise) throw notFound('企业');
  const participations = await ctx.deps.repos.enterprises.listParticipations({ eventId: fair.id });
  const enterpriseIds = [...new Set(participations.map((p) => p.enterpriseId))].filter((id) => !only || id === only);
  const rows: ApplicationRow[] = [];
  for (const enterpriseId of enterpriseIds) {
    const jobs = (await ctx.deps.repos.jobs.listByEnterprise(enterpriseId)).filter((j) => j.eventId === fair.id);
    for (const job of jobs) {
      const applications = await ctx.deps.repos.applications.listByJob(job.id);
      rows.push(...applications.map((application) => ({ enterpriseName: job.enterpriseName, jobTitle: job.title, application })));
    }
  }
  const date = shanghaiDate(fair.startAt);
  const scope = enterprise ? enterprise.name : null;
  return deliver(ctx, fileName(['求职申请', fair.title, ...(scope ? [scope] : []), date]), applicationsSheet(rows, date), {
    action: 'export.applications',
    recordType: 'event',
    recordId: fair.id,
    detail: `导出求职申请 ${rows.length} 行${scope ? `（${scope}）` : '（全部企业）'}`,
  });
}

/** The 入党意向 list as staff see it, phones masked; `full` phones are a fuller read of personal data, noted as such. */
export async function exportIntents(ctx: Ctx, input: { full?: boolean }): Promise<ExportFile> {
  const full = input.full === true;
  const records: FollowupRecord[] = [];
  let after: { createdAt: string; id: string } | undefined;
  for (;;) {
    const page = await ctx.deps.repos.followups.list({ kind: 'intent', after, limit: INTENT_PAGE });
    records.push(...page.filter((r) => r.name !== null));
    const last = page[page.length - 1];
    if (page.length < INTENT_PAGE || !last) break;
    after = { createdAt: last.createdAt, id: last.id };
  }
  const orgs = await ctx.deps.repos.followups.orgs();
  const orgName = (id: string | null) => orgs.find((o) => o.id === id)?.name ?? null;
  const date = shanghaiDate(ctx.now);
  return deliver(ctx, fileName(['入党意向名单', date]), intentsSheet(records, orgName, full, date), {
    action: 'export.intents',
    recordType: 'intent',
    recordId: 'all',
    detail: `导出入党意向名单 ${records.length} 行（${full ? '完整手机号' : '手机号已隐藏'}）`,
  });
}
