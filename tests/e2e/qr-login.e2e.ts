/**
 * Staff sign in to the desktop console by scanning: a desktop browser asks for a QR code, a staff member's phone (the
 * mini-program's 确认登录 page, here in H5 with the same API calls) reads the ticket and confirms, and the desktop is
 * signed in within moments. Then the staff member ends that desktop session from 登录设备, and the desktop is out.
 */
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import type { QrTicket } from '@shared/sessions';
import { startApp, type RunningApp } from './support/app';
import { launchChromium, phone, screenshot } from './support/browser';

describe('staff signing in to the desktop console by scanning', () => {
  let app: RunningApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
  });

  const desktop = async (): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    contexts.push(context);
    return context.newPage();
  };

  /** A phone signed in as a demo persona through 我的, as the other journeys do. */
  const staffPhone = async (openid: string): Promise<Page> => {
    const context = await phone(browser);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${app.url}/pages/me/index`);
    await page.locator('.persona-button', { hasText: `（${openid}）` }).first().click();
    await page.locator('.me-page__openid', { hasText: openid }).waitFor();
    return page;
  };

  /** The desktop's sign-in page and the ticket it was given (what the phone's camera would read from the QR code). */
  const openSignIn = async (page: Page): Promise<QrTicket> => {
    const answer = page.waitForResponse((r: Response) => r.url().endsWith('/api/auth.qrTicket'));
    await page.goto(`${app.url}/account/pages/login/index`);
    const ticket = ((await (await answer).json()) as { data: QrTicket }).data;
    await page.locator('.login-card__qr--code').waitFor();
    return ticket;
  };

  it('signs the desktop in within moments of 确认 on the phone, and 登录设备 can end it', async () => {
    const screen = await desktop();
    const ticket = await openSignIn(screen);
    await screen.locator('.login-card__status', { hasText: '请使用微信小程序扫码' }).waitFor();
    await screenshot(screen, 'qr-login-01-desktop-1280');

    const narrow = await (await phone(browser)).newPage();
    contexts.push(narrow.context());
    await openSignIn(narrow);
    await screenshot(narrow, 'qr-login-02-sign-in-390');

    const staff = await staffPhone('demo-staff');
    await staff.goto(`${app.url}/staff/pages/qr-confirm/index?ticket=${encodeURIComponent(ticket.ticketId)}`);
    await staff.locator('.qr-confirm__title', { hasText: '在电脑上登录 佘山两新服务？' }).waitFor();
    await staff.locator('.qr-confirm__fact', { hasText: 'Linux · Chrome' }).waitFor();
    await screenshot(staff, 'qr-login-03-confirm');
    await screen.locator('.login-card__status', { hasText: '已扫码，请在手机上确认登录' }).waitFor();

    const confirmedAt = Date.now();
    await staff.locator('.qr-confirm__yes').tap();
    await staff.locator('.qr-confirm__title', { hasText: '已确认登录' }).waitFor();
    await screen.waitForURL(/\/staff\/pages\/workbench\/index/, { timeout: 5000 });
    const signedInAfterMs = Date.now() - confirmedAt;
    console.log(`desktop signed in ${signedInAfterMs} ms after 确认登录`);
    expect(signedInAfterMs).toBeLessThan(3000);

    // The phone lists the desktop beside itself, and ends it.
    await staff.goto(`${app.url}/account/pages/sessions/index`);
    await staff.locator('.session-row').nth(1).waitFor();
    await expect(staff.locator('.session-row--current .session-row__device').innerText()).resolves.toBeTruthy();
    await screenshot(staff, 'qr-login-04-sessions');
    const desktopRow = staff.locator('.session-row', { hasText: '扫码登录（电脑）' });
    await desktopRow.locator('.session-row__end').tap();
    await staff.locator('.taro-modal__foot .taro-modal__btn', { hasText: '退出' }).or(staff.getByText('退出', { exact: true }).last()).first().click();
    await staff.locator('.session-row', { hasText: '扫码登录（电脑）' }).waitFor({ state: 'detached' });

    // Its next call is refused: the desktop finds itself signed out.
    await screen.goto(`${app.url}/pages/me/index`);
    await screen.locator('.me-page__name', { hasText: '尚未登录' }).waitFor();
  });

  it('says a used code cannot sign in a second time', async () => {
    const screen = await desktop();
    const ticket = await openSignIn(screen);
    const staff = await staffPhone('demo-admin');
    await staff.goto(`${app.url}/staff/pages/qr-confirm/index?ticket=${encodeURIComponent(ticket.ticketId)}`);
    await staff.locator('.qr-confirm__yes').tap();
    await screen.waitForURL(/\/staff\/pages\/workbench\/index/, { timeout: 5000 });

    await staff.goto(`${app.url}/staff/pages/qr-confirm/index?ticket=${encodeURIComponent(ticket.ticketId)}`);
    await staff.locator('.qr-confirm__error', { hasText: '已使用' }).waitFor();
  });
});
