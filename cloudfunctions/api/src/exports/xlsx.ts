/**
 * One sheet as a real .xlsx file (exceljs): a header row and data rows. Every cell is written as the kind it is — phone
 * numbers and times as text (a spreadsheet would show 13800000001 as 1.38E+10 and shift a time into its own zone),
 * counts and number answers as numbers.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export type CellValue = string | number | null;

export interface SheetColumn {
  header: string;
  /** Width in characters; a CJK character counts about two. */
  width: number;
  /**
   * Holds text (a phone number, a time): its values are written as strings, so a spreadsheet shows 13800000001, not
   * 1.38E+10. No '@' column format on top: a style per cell made building 5,000 rows ~40% slower (tests/bench/export.ts).
   */
  text?: boolean;
}

export interface SheetSpec {
  name: string;
  columns: SheetColumn[];
  rows: CellValue[][];
}

/** Characters Excel refuses in a sheet name, and its 31-character limit. */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet1';
}

/** A file name every system saves: no path separators or characters Windows refuses. */
export function fileName(parts: string[]): string {
  return `${parts.map((p) => p.replace(/[\\/:*?"<>|\s]+/g, ' ').trim()).filter(Boolean).join('-')}.xlsx`;
}

/**
 * Written with exceljs' streaming writer and inline strings: rows go out as they are added, about twice as fast as
 * building the whole workbook in memory for 5,000 rows (tests/bench/export.ts), and read back the same.
 */
export async function buildXlsx(spec: SheetSpec): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  book.creator = '佘山两新服务';
  const sheet = book.addWorksheet(sheetName(spec.name), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  const text = spec.columns.map((c) => !!c.text);
  for (const row of spec.rows) sheet.addRow(row.map((v, i) => (text[i] && typeof v === 'number' ? String(v) : v))).commit();
  sheet.commit();
  await book.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

/** An instant as Shanghai wall-clock text, `2026-12-08 14:00` (China keeps no summer time: UTC+8 all year). */
export function shanghaiText(iso: string): string {
  const local = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

/** The Shanghai calendar date of an instant, `2026-12-08`. */
export function shanghaiDate(iso: string): string {
  return shanghaiText(iso).slice(0, 10);
}
