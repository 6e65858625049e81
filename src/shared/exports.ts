/** Lists staff take away as .xlsx files: an event's sign-ups, a fair's applications, the 入党意向 list. */
import { z } from 'zod';
import { Id } from './common';

/** A download link lives this long, and opens only for the person who asked for the file. */
export const EXPORT_LINK_TTL_SECONDS = 600;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ExportFile {
  /** In Chinese, with the date: 报名名单-骑手职业技能培训-2026-12-08.xlsx */
  fileName: string;
  /** Data rows in the file (the header row not counted). */
  rows: number;
  /** H5: the gateway's short-lived `/files/<token>` (fetched with the session); WeChat: a cloud storage temp URL. */
  url: string;
}

export const ExportRegistrationsInput = z.object({ eventId: Id }).strict();
/** Staff: every enterprise at the fair, or one; an HR contact: their own enterprise only. */
export const ExportApplicationsInput = z.object({ fairId: Id, enterpriseId: Id.optional() }).strict();
/** Phones are masked unless staff ask for them in full, which the audit log notes. */
export const ExportIntentsInput = z.object({ full: z.boolean().optional() }).strict();
