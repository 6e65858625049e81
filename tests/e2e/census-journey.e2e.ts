/**
 * The carpet-survey import in a real browser against `npm start`: staff open 两新组织 → 导入摸排表, pick an .xlsx
 * (two good rows, one whose 统一社会信用代码 fails its checksum) through the browser's file chooser, see the preview
 * (新增 2, 不能导入 1 with the reason), confirm, find the new organisation in the register, and see the dashboard
 * count the two new organisations.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { browserJourney, fill } from './support/journey';

// Valid codes (tests/server/support/recruitment.ts); the third is the first with its check character changed.
const GOOD_A = { name: '佘山云链物流科技有限公司', uscc: '91330100716105852F' };
const GOOD_B = { name: '松江骑手之家服务中心', uscc: '91110108551385082Q' };
const BAD = { name: '佘山校验错误贸易有限公司', uscc: '91310000132149237H' };

async function surveySheet(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('摸排表');
  sheet.addRow(['名称', '统一社会信用代码', '类型', '行业', '地址', '从业人数', '党员人数', '经营状态', '组织覆盖']);
  sheet.addRow([GOOD_A.name, GOOD_A.uscc, '新经济组织', '物流', '佘山镇林荫新路 88 号', '45', '3', '在营', '未覆盖']);
  sheet.addRow([GOOD_B.name, GOOD_B.uscc, '新社会组织', '社会服务', '佘山镇佘天昆公路 1 号', '8', '1', '在营', '未覆盖']);
  sheet.addRow([BAD.name, BAD.uscc, '新经济组织', '批发零售', '佘山镇北干山路 6 号', '12', '0', '在营', '未覆盖']);
  // The codes as text, as a survey sheet keeps them (a number would lose the letters anyway).
  sheet.getColumn(2).numFmt = '@';
  await workbook.xlsx.writeFile(file);
}

describe('importing the carpet survey in the browser', () => {
  const journey = browserJourney();
  const { personOnPhone } = journey;
  let folder: string;

  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sheshan-census-'));
  });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  /** The dashboard's 新增组织 figure for this half-year, and the bars of 新经济组织·在营 and 新社会组织·在营. */
  async function dashboardFigures(staff: Page): Promise<{ added: number; economicActive: number; socialActive: number }> {
    await staff.goto(`${journey.url}/staff/pages/dashboard/index`);
    const tile = staff.locator('.dash-tile', { hasText: '新增组织' });
    await tile.waitFor();
    const added = Number((await tile.locator('.dash-tile__value').innerText()).trim());
    const card = await staff.locator('.chart-card', { hasText: '组织（按类型和状态' }).innerText();
    const bar = (label: string) => Number(new RegExp(`${label}\\s*(\\d+) 家`).exec(card)?.[1] ?? 0);
    return { added, economicActive: bar('新经济组织·在营'), socialActive: bar('新社会组织·在营') };
  }

  it('previews two new rows and one refused with its reason, imports the two, lists them and counts them on the dashboard', async () => {
    const file = path.join(folder, '佘山镇两新组织摸排表.xlsx');
    await surveySheet(file);

    const staff = await personOnPhone('demo-staff');
    const before = await dashboardFigures(staff);

    await staff.goto(`${journey.url}/staff/pages/workbench/index`);
    await staff.locator('.orgs-entry').click();
    await staff.locator('.org-row').first().waitFor();
    await screenshot(staff, 'census-01-register');

    await staff.locator('.org-import').click();
    await staff.locator('.org-import-pick').waitFor();
    await screenshot(staff, 'census-02-import');

    const [chooser] = await Promise.all([staff.waitForEvent('filechooser'), staff.locator('.org-import-pick').click()]);
    await chooser.setFiles(file);
    const counts = staff.locator('.org-import-counts');
    await counts.waitFor();
    const summary = (await counts.innerText()).replace(/\s+/g, ' ');
    expect(summary).toContain('新增 2');
    expect(summary).toContain('不能导入 1');
    expect(await staff.locator('.census__meta', { hasText: '文件：' }).innerText()).toContain('佘山镇两新组织摸排表.xlsx');
    const refused = staff.locator('.import-row', { hasText: BAD.name });
    expect(await refused.innerText()).toContain('统一社会信用代码校验未通过');
    expect(await refused.innerText()).toContain('第 4 行');
    expect(await staff.locator('.import-row.census__row--new').count()).toBe(2);
    await screenshot(staff, 'census-03-preview');

    await staff.locator('.org-import-apply').click();
    await staff.getByText('1 行不能导入', { exact: false }).waitFor();
    await screenshot(staff, 'census-04-confirm');
    await staff.getByText('导入', { exact: true }).last().click();
    const done = staff.locator('.org-import-result');
    await done.waitFor();
    const doneText = (await done.innerText()).replace(/\s+/g, ' ');
    expect(doneText).toContain('导入完成');
    expect(doneText).toContain('新增 2 个组织');
    expect(doneText).toContain(BAD.name);
    await screenshot(staff, 'census-05-applied');

    await done.getByText('返回名册').click();
    await fill(staff, '.orgs-search', '云链');
    await staff.locator('.orgs-search input').press('Enter');
    const found = staff.locator('.org-row', { hasText: GOOD_A.name });
    await found.waitFor();
    expect(await found.innerText()).toContain(GOOD_A.uscc);
    expect(await staff.locator('.org-row', { hasText: BAD.name }).count()).toBe(0);
    await screenshot(staff, 'census-06-found');

    const after = await dashboardFigures(staff);
    expect(after.added).toBe(before.added + 2);
    expect(after.economicActive).toBe(before.economicActive + 1);
    expect(after.socialActive).toBe(before.socialActive + 1);
    await screenshot(staff, 'census-07-dashboard');
  });
});
