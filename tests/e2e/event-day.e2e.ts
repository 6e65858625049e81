/**
 * An event with sign-up questions, from the editor to the exported list, in a real browser against `npm start`:
 * staff create an event in the editor (type, times through Taro's pickers, two questions: single-choice 所在平台 and a
 * text 需要的服务) and publish it; a worker finds it, answers both questions, signs up and reads the ticket's short
 * code; staff type the code on 扫码签到 and see 签到成功; on the sign-up list staff press 导出名单 and the .xlsx the
 * browser saves has the worker's row: name, phone as text, both answers under the questions' wording, and the
 * check-in time in Shanghai time.
 * The event starts at the next full hour at least ten minutes away, so it is inside the check-in window (two hours
 * before the start) whatever the time of day.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { browserJourney, fill } from './support/journey';

const TITLE = '骑手职业发展沙龙（今日）';
const SERVICE_ANSWER = '子女入学政策咨询';
const HOUR = 3_600_000;

/** An instant's Shanghai wall clock (China keeps no summer time): date parts and `YYYY-MM-DD HH:mm`. */
function shanghai(ms: number) {
  const d = new Date(ms + 8 * HOUR);
  const iso = d.toISOString();
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), text: `${iso.slice(0, 10)} ${iso.slice(11, 16)}` };
}

/**
 * Turns each column of the open picker to its number, tapping rows as a person does: Taro's H5 picker moves a column
 * by as many rows as the tapped row is away from the middle (at most three are in view), so a far value takes a few taps.
 */
async function turnColumns(page: Page, targets: number[]): Promise<void> {
  const groups = page.locator('.weui-picker__group:visible');
  await groups.first().waitFor();
  for (const [column, target] of targets.entries()) {
    for (let tap = 0; ; tap++) {
      const state = await groups.nth(column).evaluate((group) => {
        const line = group.querySelector('.weui-picker__indicator')!.getBoundingClientRect();
        const middle = line.top + line.height / 2;
        const items = [...group.querySelectorAll('.weui-picker__item')].map((item) => {
          const r = item.getBoundingClientRect();
          return { text: item.textContent ?? '', x: r.left + r.width / 2, y: r.top + r.height / 2 };
        });
        let current = 0;
        items.forEach((item, i) => {
          if (Math.abs(item.y - middle) < Math.abs(items[current].y - middle)) current = i;
        });
        return { items, current };
      });
      const value = Number(state.items[state.current].text.replace(/\D/g, ''));
      if (value === target) break;
      if (tap > 20) throw new Error(`the picker's column ${column} stays at ${value}, not ${target}`);
      const step = Math.max(-3, Math.min(3, target - value));
      const row = state.items[state.current + step];
      await page.mouse.click(row.x, row.y);
      await page.waitForTimeout(450);
    }
  }
  await page.locator('.weui-picker__action:visible', { hasText: '确定' }).click();
  await page.locator('.weui-picker__action:visible').first().waitFor({ state: 'hidden' });
}

describe('an event with sign-up questions, from the editor to the exported list', () => {
  const journey = browserJourney();
  const { personOnPhone } = journey;
  let downloads: string;

  beforeAll(() => {
    downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'sheshan-export-'));
  });
  afterAll(() => fs.rmSync(downloads, { recursive: true, force: true }));

  /** Opens the picker showing `placeholder` in the editor row `label` and turns it to `targets`. */
  async function pickIn(page: Page, label: string, placeholder: string, targets: number[]): Promise<void> {
    await page.locator('.edit-row', { hasText: label }).locator('.picker-value', { hasText: placeholder }).click();
    await page.waitForTimeout(400);
    await turnColumns(page, targets);
  }

  it('creates the event with two questions, signs a worker up with answers, checks them in and exports the list', async () => {
    const startMs = Math.ceil((Date.now() + 10 * 60_000) / HOUR) * HOUR;
    const start = shanghai(startMs);
    const end = shanghai(startMs + 2 * HOUR);

    // Staff: 新建活动 in the editor, every field through the page.
    const staff = await personOnPhone('demo-staff');
    await staff.goto(`${journey.url}/staff/pages/workbench/index`);
    await staff.locator('.event-create').click();
    await staff.locator('.event-editor').waitFor();
    await staff.locator('.edit-row', { hasText: '活动类型' }).locator('.picker-value').click();
    await staff.waitForTimeout(400);
    const typeRow = await staff.locator('.weui-picker__item:visible', { hasText: '人才会客厅' }).first().boundingBox();
    if (!typeRow) throw new Error('no 人才会客厅 in the type picker');
    await staff.mouse.click(typeRow.x + typeRow.width / 2, typeRow.y + typeRow.height / 2);
    await staff.locator('.weui-picker__action:visible', { hasText: '确定' }).click();
    await staff.locator('.edit-row', { hasText: '活动类型' }).locator('.picker-value', { hasText: '人才会客厅' }).waitFor();

    await fill(staff, '.event-title', TITLE);
    await fill(staff, '.event-description', '外卖、快递骑手的职业发展交流，现场提供政策咨询。');
    await pickIn(staff, '开始时间', '选择日期', [start.year, start.month, start.day]);
    await pickIn(staff, '开始时间', '选择时间', [start.hour, start.minute]);
    await pickIn(staff, '结束时间', '选择日期', [end.year, end.month, end.day]);
    await pickIn(staff, '结束时间', '选择时间', [end.hour, end.minute]);
    await fill(staff, '.event-location', '佘山镇党群服务中心 2 楼');
    await fill(staff, '.event-capacity', '30');
    const startRow = staff.locator('.edit-row', { hasText: '开始时间' });
    expect((await startRow.innerText()).replace(/\s+/g, ' ')).toContain(`${String(start.hour).padStart(2, '0')}:00`);

    await staff.locator('.question-add').click();
    const platform = staff.locator('.question-card').nth(0);
    await platform.locator('.question-label input').fill('所在平台');
    await platform.locator('.question-option__input input').nth(0).fill('美团');
    await platform.locator('.question-option__input input').nth(1).fill('饿了么');
    await staff.locator('.question-add').click();
    const service = staff.locator('.question-card').nth(1);
    await service.locator('.question-label input').fill('需要的服务');
    await service.locator('.question-kind .choice-chip--text').click();
    await service.locator('.question-option__input').first().waitFor({ state: 'detached' });
    await screenshot(staff, 'event-day-01-editor');

    await staff.locator('.event-publish').tap();
    const row = staff.locator('.workbench-event', { hasText: TITLE });
    await row.first().waitFor();
    await staff.locator('.filter-tabs').getByText('已发布').click();
    await row.locator('text=已发布').first().waitFor();

    // Worker: finds the event, answers both questions and signs up; the ticket shows the short code.
    const worker = await personOnPhone('demo-worker');
    await worker.goto(`${journey.url}/pages/events/index`);
    await worker.locator('.filter-tabs').getByText('人才会客厅').click();
    await worker.locator('.event-card', { hasText: TITLE }).first().click();
    await worker.locator('.event-detail__title', { hasText: TITLE }).waitFor();
    await worker.locator('.signup-name input').fill('王师傅');
    await worker.locator('.signup-phone input').fill('13800000011');
    await worker.locator('.signup-question--single .choice-chip', { hasText: '饿了么' }).click();
    await fill(worker, '.signup-question--text', SERVICE_ANSWER);
    await worker.locator('.signup-questions').scrollIntoViewIfNeeded();
    await screenshot(worker, 'event-day-02-signup-answers');
    await worker.locator('.signup-submit').tap();
    await worker.locator('.registration-status', { hasText: '已报名' }).waitFor();
    const codeText = worker.locator('.ticket__code');
    await codeText.waitFor();
    await worker.locator('.ticket__qr').scrollIntoViewIfNeeded();
    await screenshot(worker, 'event-day-03-ticket');
    const shortCode = (await codeText.innerText()).trim();
    expect(shortCode).toMatch(/^[2-9A-HJKMNP-Z]{4} [2-9A-HJKMNP-Z]{4}$/);

    // Staff: 扫码签到, the code typed in.
    await staff.reload();
    await staff.locator('.filter-tabs').getByText('已发布').click();
    await row.locator('.event-checkin').click();
    await staff.locator('.checkin__title', { hasText: TITLE }).waitFor();
    await staff.locator('.checkin-code input').fill(shortCode);
    await staff.locator('.checkin-submit').click();
    const result = staff.locator('.scan-result');
    await result.waitFor();
    const checkedIn = (await result.innerText()).replace(/\s+/g, ' ');
    const checkedInAt = Date.now();
    expect(checkedIn).toContain('签到成功');
    expect(checkedIn).toContain('王师傅');
    await screenshot(staff, 'event-day-04-checked-in');

    // Staff: the sign-up list shows the answers; 导出名单 saves the .xlsx.
    await staff.goto(`${journey.url}/staff/pages/workbench/index`);
    await staff.locator('.filter-tabs').getByText('已发布').click();
    await row.locator('.event-registrations').click();
    await staff.locator('.event-registrations__title', { hasText: TITLE }).waitFor();
    await staff.locator('.filter-tabs').getByText('已签到').click();
    const listed = staff.locator('.registration-row', { hasText: '王师傅' });
    await listed.waitFor();
    expect((await listed.innerText()).replace(/\s+/g, '')).toContain('所在平台：饿了么');
    await screenshot(staff, 'event-day-05-registrations');

    const [download] = await Promise.all([staff.waitForEvent('download'), staff.locator('.registrations-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = path.join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    await staff.getByText(/已导出 \d+ 行/).waitFor();
    await screenshot(staff, 'event-day-06-exported');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''));
    const column = (header: string) => {
      const at = headers.indexOf(header);
      if (at < 1) throw new Error(`no column ${header} in ${headers.join(', ')}`);
      return at;
    };
    let found: ExcelJS.Row | undefined;
    sheet.eachRow((r, line) => {
      if (line > 1 && r.getCell(column('姓名')).value === '王师傅') found = r;
    });
    if (!found) throw new Error('the worker is not in the exported list');
    const cell = (header: string) => found!.getCell(column(header));
    expect(cell('手机号').value).toBe('13800000011');
    expect(cell('手机号').type).toBe(ExcelJS.ValueType.String);
    expect(cell('状态').value).toBe('已签到');
    expect(cell('所在平台').value).toBe('饿了么');
    expect(cell('需要的服务').value).toBe(SERVICE_ANSWER);
    const checkInText = String(cell('签到时间').value);
    expect(checkInText).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    // Shanghai wall clock, within the minute the scanner answered (UTC would be eight hours off).
    const shanghaiMinutes = [checkedInAt - 60_000, checkedInAt, checkedInAt + 60_000].map((ms) => shanghai(ms).text);
    expect(shanghaiMinutes).toContain(checkInText);
  });
});
