/**
 * The H5 app runs under the gateway's Content-Security-Policy in a real Chromium: listing events, opening one,
 * logging in through the demo persona picker and opening the staff workbench raise no violation at all,
 * while a script injected into the page is refused (so the policy is really enforced and really watched).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApp, type RunningApp } from './support/app';
import { launchChromium, phone, screenshot } from './support/browser';

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  sample: string;
}

describe('the app under its Content-Security-Policy', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  const violations: Violation[] = [];
  const cspConsole: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
    context = await phone(browser);
    await context.exposeFunction('__reportCspViolation', (v: Violation) => void violations.push(v));
    // Listens before any of the page's own scripts run, on every page the context opens.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = (window as unknown as { __reportCspViolation: (v: Violation) => void }).__reportCspViolation;
        report({ directive: e.effectiveDirective, blocked: e.blockedURI, source: `${e.sourceFile}:${e.lineNumber}`, sample: e.sample });
      });
    });
  });
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
  });

  function watch(page: Page): void {
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspConsole.push(message.text());
    });
  }

  async function logInAs(page: Page, openid: string): Promise<void> {
    await page.goto(`${app.url}/pages/me/index`);
    // Signed in already, the picker folds behind 切换演示身份.
    await page.locator('.persona-picker, .persona-switch').first().waitFor({ timeout: 15000 });
    if (await page.locator('.persona-switch').count()) await page.locator('.persona-switch').click();
    await page.locator('.persona-picker').waitFor({ timeout: 15000 });
    await page.locator('.persona-button', { hasText: `（${openid}）` }).first().click();
    await page.locator('.me-page__openid', { hasText: openid }).waitFor();
  }

  it('lists events, opens one, logs a worker and a staff member in, with zero violations', async () => {
    const page = await context.newPage();
    watch(page);

    const response = await page.goto(`${app.url}/pages/events/index`);
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self' 'sha256-/);
    await page.locator('.event-card').first().waitFor();
    await page.locator('.event-card').first().click();
    await page.locator('.event-detail__title').waitFor();

    // The persona picker shows only when the page's inline demo flag ran: the hash in the policy let it.
    await logInAs(page, 'demo-worker');

    const staff = await context.newPage();
    watch(staff);
    await logInAs(staff, 'demo-staff');
    await staff.goto(`${app.url}/staff/pages/workbench/index`);
    await staff.locator('.workbench-event').first().waitFor();
    await screenshot(staff, 'csp-staff-workbench');

    expect({ violations, cspConsole }).toEqual({ violations: [], cspConsole: [] });
  });

  it('refuses a script injected into the page, and says so', async () => {
    const page = await context.newPage();
    watch(page);
    await page.goto(`${app.url}/pages/events/index`);
    await page.locator('.event-card').first().waitFor();
    const before = violations.length;

    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.head.appendChild(script);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });

    expect(ran).toBe(false);
    for (let waited = 0; violations.length === before && waited < 2000; waited += 50) await page.waitForTimeout(50);
    expect(violations.slice(before)).toEqual([expect.objectContaining({ directive: 'script-src-elem', blocked: 'inline' })]);
  });
});
