/**
 * 企业诉求 and the half-year figures in a real browser against `npm start`: the seeded HR contact raises a need from
 * 企业中心; staff find it on the workbench, assign it to 经发办 and close it with a reply; the HR contact reads the
 * reply and rates it; the dashboard counts the closed need. A worker opens the 党群服务站 list and 山间咏汇.
 */
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { browserJourney, fill, pick } from './support/journey';

const NEED_TEXT = '新厂区投产后需要 15 名质检员，想了解镇里有没有对口的职业培训和招聘渠道。';
const REPLY = '已为贵司预留 12 月就业援助月招聘专场展位，并推荐参加质检员技能培训。';

interface DrawnChart {
  /** The canvas's backing width, in device pixels. */
  width: number;
  /** Pixels F2 painted (not transparent), and those of them in the app's red. */
  painted: number;
  red: number;
}

/**
 * Waits until every chart canvas on the page has been drawn at its card's width (F2 paints on the next frame, and
 * again when the card is resized) and reads its pixels back.
 */
async function drawnCharts(page: Page): Promise<Record<string, DrawnChart>> {
  const read = () =>
    page.evaluate(() => {
      const charts: Record<string, { width: number; painted: number; red: number; sized: boolean }> = {};
      for (const canvas of Array.from(document.querySelectorAll<HTMLCanvasElement>('.chart-card canvas'))) {
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width || 1, canvas.height || 1);
        let painted = 0;
        let red = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (data[i + 3] === 0) continue;
          painted += 1;
          if (data[i] > 170 && data[i + 1] < 60 && data[i + 2] < 60) red += 1;
        }
        const sized = canvas.width === Math.round(canvas.parentElement!.clientWidth * window.devicePixelRatio);
        charts[canvas.id] = { width: canvas.width, painted, red, sized };
      }
      return charts;
    });
  const deadline = Date.now() + 10_000;
  for (;;) {
    const charts = await read();
    const all = Object.values(charts);
    if (all.length > 0 && all.every((c) => c.sized && c.painted > 1500)) {
      return Object.fromEntries(Object.entries(charts).map(([id, { width, painted, red }]) => [id, { width, painted, red }]));
    }
    if (Date.now() > deadline) throw new Error(`charts not drawn: ${JSON.stringify(charts)}`);
    await page.waitForTimeout(100);
  }
}

describe('企业诉求 in the browser', () => {
  const journey = browserJourney();
  const { personOnPhone } = journey;

  it('raises a need, assigns and closes it with a reply, rates it, and counts it on the dashboard', async () => {
    const hr = await personOnPhone('demo-hr');
    await hr.locator('.enterprise-entry').click();
    await hr.locator('.hr-needs-entry').click();
    await pick(hr, '.need-category', '招聘用工');
    await fill(hr, '.need-text', NEED_TEXT);
    await screenshot(hr, 'needs-01-hr-form');
    await hr.locator('.need-submit').tap();
    const mine = hr.locator('.need-status', { hasText: NEED_TEXT });
    await mine.waitFor();
    expect(await mine.innerText()).toContain('待受理');

    const staff = await personOnPhone('demo-staff');
    await staff.goto(`${journey.url}/staff/pages/workbench/index`);
    await staff.locator('.needs-entry .workbench__count', { hasText: /[1-9]/ }).waitFor();
    await staff.locator('.needs-entry').click();
    const row = staff.locator('.need-row', { hasText: '质检员' }).first();
    await row.waitFor();
    await screenshot(staff, 'needs-02-staff-list');
    await row.click();
    // The list stays in the page behind the detail (the H5 router keeps it): the detail's text is the last one.
    await staff.locator('.taro_page').last().locator('.need-status__text', { hasText: NEED_TEXT }).waitFor();
    await pick(staff, '.need-department', '经发办');
    await staff.locator('.need-assign').click();
    await staff.locator('.need-status__label', { hasText: '已分派' }).waitFor();
    await fill(staff, '.need-reply', REPLY);
    await screenshot(staff, 'needs-03-staff-detail');
    await staff.locator('.need-advance-closed').click();
    await staff.locator('.need-status__label', { hasText: '已办结' }).waitFor();

    await hr.reload();
    const closed = hr.locator('.needs-page__item', { hasText: NEED_TEXT });
    await closed.locator('.need-status__reply', { hasText: REPLY }).waitFor();
    await closed.locator('.need-rate-satisfied').click();
    await fill(hr, '.need-rate-note', '回复很快');
    await closed.locator('.need-rate-submit').click();
    await closed.locator('.need-status__rating', { hasText: '评价：满意（回复很快）' }).waitFor();
    await screenshot(hr, 'needs-04-hr-rated');

    await staff.goto(`${journey.url}/staff/pages/dashboard/index`);
    const needsTile = staff.locator('.dash-tile', { hasText: '企业诉求' });
    await needsTile.waitFor();
    expect(await needsTile.innerText()).toMatch(/办结 [1-9]/);
    expect(await staff.locator('.chart-card', { hasText: '企业诉求（按类别）' }).innerText()).toContain('招聘用工');
    // Every chart F2 draws has something on its canvas, sized for the screen; the closed need's bars are the app's red.
    const phoneCharts = await drawnCharts(staff);
    expect(Object.keys(phoneCharts)).toEqual(expect.arrayContaining(['chart-orgs', 'chart-activities', 'chart-needs']));
    expect(await staff.locator('.chart-card canvas').count()).toBe(Object.keys(phoneCharts).length);
    expect(phoneCharts['chart-needs'].red).toBeGreaterThan(100);
    expect(await staff.locator('#chart-needs').getAttribute('aria-label')).toMatch(/^企业诉求（按类别）：招聘用工 [1-9]\d* 条 · 办结 [1-9]/);
    await screenshot(staff, 'dashboard-390');
    await staff.setViewportSize({ width: 1280, height: 800 });
    // Two columns on a PC: each chart is drawn again at its card's new width.
    const desktopCharts = await drawnCharts(staff);
    for (const [id, chart] of Object.entries(desktopCharts)) expect(chart.width).toBeGreaterThan(phoneCharts[id].width);
    const [first, second] = await Promise.all([0, 1].map((i) => staff.locator('.chart-card').nth(i).boundingBox()));
    expect(first && second && Math.abs(first.y - second.y) < 1 && second.x > first.x + first.width).toBe(true);
    await screenshot(staff, 'dashboard-1280');
  });

  it('lists the 党群服务站 for a worker who shares no location, and opens 山间咏汇 with its coming event', async () => {
    const worker = await personOnPhone('demo-worker');
    await worker.locator('.stations-entry').click();
    await worker.locator('.station-card', { hasText: '山间咏汇党群服务站' }).waitFor();
    expect(await worker.locator('.station-card').count()).toBeGreaterThanOrEqual(5);
    await screenshot(worker, 'stations-01-list');
    await worker.locator('.station-card', { hasText: '山间咏汇党群服务站' }).click();
    await worker.locator('.station-event', { hasText: '健康咨询进企业' }).waitFor();
    expect(await worker.locator('.station-card--detail').innerText()).toContain('妇联');
    await worker.waitForTimeout(600);
    await screenshot(worker, 'stations-02-detail');
  });
});
