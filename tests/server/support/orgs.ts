/** Factories for census tests: valid 统一社会信用代码, organisations through the real actions, sheets built with exceljs. */
import ExcelJS from 'exceljs';
import type { OrgCreateInput } from '@shared/orgs';
import type { World } from './world';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A code that passes GB 32100-2015: `91310117` + nine digits of `n` + its check character. */
export function usccOf(n: number): string {
  const body = `91310117${String(n).padStart(9, '0')}`;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + ALPHABET.indexOf(body[i]) * w, 0);
  return body + ALPHABET[(31 - (sum % 31)) % 31];
}

/** The same code with a wrong check character. */
export function badChecksum(code: string): string {
  const last = ALPHABET.indexOf(code[17]);
  return code.slice(0, 17) + ALPHABET[(last + 1) % 31];
}

export function anOrg(n: number, overrides: Partial<OrgCreateInput> = {}): OrgCreateInput {
  return {
    name: `上海佘山测试${n}号科技有限公司`,
    uscc: usccOf(n),
    kind: 'economic',
    industry: '软件和信息技术服务',
    address: `佘山镇林荫新路 ${n} 号`,
    gridId: 'grid-town',
    employees: 30,
    partyMembers: 3,
    ...overrides,
  };
}

export async function aRegisteredOrg(world: World, n: number, overrides: Partial<OrgCreateInput> = {}): Promise<string> {
  return (await world.call('staff-1', 'orgs.create', anOrg(n, overrides))).id;
}

/** An .xlsx with these headers and rows, as base64. */
export async function aSheet(headers: string[], rows: (string | number | null)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('摸排');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

export const CENSUS_HEADERS = ['名称', '统一社会信用代码', '类型', '行业', '地址', '网格', '从业人数', '党员人数', '经营状态', '组织覆盖', '联合党组织/党组织名称', '指导员'];

/** What the authorization and bad-input tables act on: a registered organisation, a sheet, and a preview of it. */
export interface CensusFixture {
  orgId: string;
  /** A one-row census sheet (base64) and a preview made of it. */
  sheet: string;
  previewId: string;
}

export async function censusFixtures(world: World): Promise<CensusFixture> {
  const orgId = await aRegisteredOrg(world, 900, { name: '上海授权测试服饰有限公司' });
  const sheet = await aSheet(CENSUS_HEADERS, [['上海导入测试服饰有限公司', usccOf(901), '新经济组织', '服装', '佘山镇', '佘山镇区网格', 20, 2, '在营', '未覆盖', null, null]]);
  const preview = await world.call('staff-1', 'orgs.importPreview', { base64: sheet });
  return { orgId, sheet, previewId: preview.previewId };
}
