/**
 * The journey of the events slice, in a real browser against `npm start`:
 * staff publishes an event with two seats; a worker finds it and signs up (已报名); another takes the last seat;
 * a third is waitlisted (候补第 1 位); the first cancels, and the third now shows 已报名.
 */
import type { Page } from 'playwright-core';
import path from 'node:path';
import { launchChromium, OUTPUT_DIR, phone, screenshot } from './support/browser';
import { browserJourney } from './support/journey';

const EVENT_TITLE = '我为企业献一策';

describe('signing up for an event in the browser', () => {
  const journey = browserJourney();
  const { personOnPhone } = journey;

  async function openEventFromList(page: Page): Promise<void> {
    await page.goto(`${journey.url}/pages/events/index`);
    await page.locator('.filter-tabs').getByText('人才会客厅').click();
    const card = page.locator('.event-card', { hasText: EVENT_TITLE });
    await card.first().waitFor();
    await card.first().click();
    await page.locator('.event-detail__title', { hasText: EVENT_TITLE }).waitFor();
  }

  async function signUp(page: Page, name: string, mobile: string): Promise<string> {
    await openEventFromList(page);
    await page.locator('.signup-name input').fill(name);
    await page.locator('.signup-phone input').fill(mobile);
    await page.locator('.signup-submit').tap();
    const status = page.locator('.registration-status');
    await status.waitFor();
    return (await status.innerText()).trim();
  }

  it('shows the first events as plain links before any script runs, and the app then draws them once', async () => {
    const browser = await launchChromium();
    try {
      // A phone whose scripts have not run (yet, or at all): the gateway's drawing of the first page is what it sees.
      const bare = await (await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false, locale: 'zh-CN' })).newPage();
      const asked: string[] = [];
      bare.on('request', (request) => asked.push(new URL(request.url()).pathname));
      await bare.goto(`${journey.url}/`);
      const drawn = bare.locator('#sheshan-first-screen .event-card');
      expect(await drawn.count()).toBeGreaterThan(0);
      expect(await drawn.first().locator('.event-card__time').innerText()).toMatch(/^\d{1,2}月\d{1,2}日 周. \d{2}:\d{2}/);
      expect(await drawn.first().getAttribute('href')).toMatch(/^\/pages\/events\/detail\?id=/);
      // Drawn as the app draws it — a white rounded card under the red bar — with nothing but the page itself:
      // its styles are in it, so the first paint waits for no other file.
      const looks = (selector: string) =>
        bare.locator(selector).first().evaluate((el) => {
          const style = getComputedStyle(el);
          return { background: style.backgroundColor, rounded: style.borderTopLeftRadius !== '0px', display: style.display };
        });
      expect(await looks('#sheshan-first-screen .event-card')).toEqual({ background: 'rgb(255, 255, 255)', rounded: true, display: 'flex' });
      expect((await looks('#sheshan-first-screen .nav-bar')).background).toBe('rgb(200, 22, 29)');
      expect(asked).toEqual(['/']);
      await bare.screenshot({ path: path.join(OUTPUT_DIR, '00-first-screen-before-scripts.png') });

      // With scripts, the app starts once that screen is shown, under the Content-Security-Policy, and takes it over.
      const withApp = await (await phone(browser)).newPage();
      const complaints: string[] = [];
      withApp.on('console', (message) => {
        if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text())) complaints.push(message.text());
      });
      withApp.on('pageerror', (error) => complaints.push(error.message));
      // Nothing people are reading may jump when the app takes the screen over (layout shifts, as the browser counts them).
      await withApp.addInitScript(() => {
        const w = window as unknown as { shifts: { value: number; what: string[] }[] };
        w.shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as { value: number; sources?: { node?: Node | null }[] }[]) {
            w.shifts.push({ value: e.value, what: (e.sources ?? []).map((s) => (s.node as Element | null)?.className ?? '?') });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await withApp.goto(`${journey.url}/pages/events/index`);
      const title = await drawn.first().locator('.event-card__title').innerText();
      await withApp.locator('.events-page .event-card', { hasText: title }).first().waitFor();
      await withApp.locator('#sheshan-first-screen').waitFor({ state: 'detached' });
      expect(await withApp.locator('.event-card', { hasText: title }).count()).toBe(1);
      expect(complaints).toEqual([]);
      expect(await withApp.evaluate(() => (window as unknown as { shifts: unknown[] }).shifts)).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('publishes, fills, waitlists and promotes', async () => {
    const staff = await personOnPhone('demo-staff');
    await staff.goto(`${journey.url}/staff/pages/workbench/index`);
    const row = staff.locator('.workbench-event', { hasText: EVENT_TITLE });
    await row.first().waitFor();
    await screenshot(staff, '01-staff-workbench');
    await row.first().locator('.event-edit').click();
    const capacity = staff.locator('.event-capacity input');
    await capacity.waitFor();
    await capacity.fill('2');
    await staff.locator('.event-publish').tap();
    await staff.locator('.workbench-event', { hasText: EVENT_TITLE }).first().waitFor();
    await staff.locator('.workbench-event', { hasText: EVENT_TITLE }).locator('text=已发布').first().waitFor();

    const first = await personOnPhone('demo-worker');
    await screenshot(first, '02-me-persona');
    await first.goto(`${journey.url}/pages/events/index`);
    await first.locator('.event-card').first().waitFor();
    await screenshot(first, '03-events-list');
    expect(await signUp(first, '王师傅', '13800000011')).toBe('已报名');
    await screenshot(first, '04-event-detail-confirmed');

    const second = await personOnPhone('e2e-courier');
    expect(await signUp(second, '李小燕', '13900000022')).toBe('已报名');

    const third = await personOnPhone('e2e-driver');
    expect(await signUp(third, '张建国', '13700000033')).toBe('候补第 1 位');
    await screenshot(third, '05-event-detail-waitlisted');

    await first.locator('.registration-cancel').click();
    await first.getByText(/^(确定|确认)$/).last().click();
    await first.locator('.registration-status', { hasText: '已取消' }).waitFor().catch(async () => {
      await first.locator('.signup-submit').waitFor();
    });

    await openEventFromList(third);
    await third.locator('.registration-status', { hasText: '已报名' }).waitFor();
    await screenshot(third, '06-promoted');

    await third.goto(`${journey.url}/pages/me/index`);
    await third.locator('.my-registration', { hasText: EVENT_TITLE }).locator('text=已报名').waitFor();
    await screenshot(third, '07-my-registrations');
  });
});
