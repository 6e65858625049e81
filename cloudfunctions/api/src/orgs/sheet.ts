/**
 * The census as a spreadsheet (exceljs, as the other exports; written by `exports/xlsx.ts`): one header row in Chinese, one organisation
 * per row. The export is a valid import file, so it doubles as the template.
 */
import ExcelJS from 'exceljs';
import type { CellValue, SheetSpec } from '../exports/xlsx';

/** Columns in the order the export writes them; the import finds them by header text, in any order. */
export const SHEET_HEADERS = [
  '名称',
  '统一社会信用代码',
  '无代码原因',
  '类型',
  '行业',
  '地址',
  '网格',
  '从业人数',
  '党员人数',
  '经营状态',
  '状态变更日期',
  '组织覆盖',
  '联合党组织/党组织名称',
  '党组织成立日期',
  '指导员',
  '最近走访',
] as const;
export type SheetHeader = (typeof SHEET_HEADERS)[number];

/** Headers a sheet may use for the same column. */
export const HEADER_ALIASES: Record<string, SheetHeader> = {
  组织名称: '名称',
  企业名称: '名称',
  单位名称: '名称',
  信用代码: '统一社会信用代码',
  统一代码: '统一社会信用代码',
  组织类型: '类型',
  所属网格: '网格',
  党建网格: '网格',
  职工人数: '从业人数',
  党组织名称: '联合党组织/党组织名称',
  联合党组织: '联合党组织/党组织名称',
  党建工作指导员: '指导员',
};

export interface SheetRow {
  /** The row's number in the sheet (header = 1). */
  line: number;
  cells: Partial<Record<SheetHeader, string>>;
}

export interface ReadSheet {
  /** The known columns the sheet has. */
  headers: SheetHeader[];
  rows: SheetRow[];
}

export class SheetError extends Error {}

/** Reads the first worksheet; a file that is not an .xlsx, or has no 名称 column, is a SheetError. */
export async function readSheet(bytes: Buffer): Promise<ReadSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new SheetError('文件不是有效的 .xlsx 表格，请用 Excel 或 WPS 另存为 .xlsx 后再导入');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SheetError('表格中没有工作表');
  const byColumn = new Map<number, SheetHeader>();
  sheet.getRow(1).eachCell((cell, col) => {
    const text = cellText(cell.value).replace(/\s+/g, '');
    const header = (SHEET_HEADERS as readonly string[]).includes(text) ? (text as SheetHeader) : HEADER_ALIASES[text];
    if (header && ![...byColumn.values()].includes(header)) byColumn.set(col, header);
  });
  if (![...byColumn.values()].includes('名称')) throw new SheetError('第 1 行应为表头，且包含“名称”列；可先导出名册作为模板');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    const cells: SheetRow['cells'] = {};
    let any = false;
    for (const [col, header] of byColumn) {
      const text = cellText(row.getCell(col).value).trim();
      if (text) {
        cells[header] = text;
        any = true;
      }
    }
    if (any) rows.push({ line, cells });
  });
  return { headers: [...byColumn.values()], rows };
}

/** A cell as the text a person sees; dates (Excel keeps no zone) as their calendar date. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

/** The register as the exports' one sheet shape: every column text (a USCC never becomes a number) but the counts. */
export function censusSheet(rows: Record<SheetHeader, CellValue>[], date: string): SheetSpec {
  return {
    name: `两新组织名册 ${date}`,
    columns: SHEET_HEADERS.map((header) => ({
      header,
      width: header === '名称' || header === '地址' || header === '联合党组织/党组织名称' ? 32 : header === '统一社会信用代码' ? 22 : 12,
      text: header !== '从业人数' && header !== '党员人数',
    })),
    rows: rows.map((row) => SHEET_HEADERS.map((h) => row[h])),
  };
}
