/** The world every journey runs in: the real app on a fresh data folder, Chromium, and people logged in on their own phones. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApp, type RunningApp } from './app';
import { launchChromium, phone, screenshot } from './browser';

export interface Journey {
  /** The running app's address; only inside tests, once `beforeAll` has started it. */
  readonly url: string;
  /** A fresh phone with its own session, logged in through the 我的 page's persona picker. */
  personOnPhone(openid: string): Promise<Page>;
}

/** Call inside a `describe`: starts the app and the browser before its tests and closes both after. */
export function browserJourney(): Journey {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
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

  const started = () => {
    if (!app || !browser) throw new Error('the journey has not started: use it inside a test');
    return { app, browser };
  };

  return {
    get url() {
      return started().app.url;
    },
    async personOnPhone(openid: string): Promise<Page> {
      const context = await phone(started().browser);
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${started().app.url}/pages/me/index`);
      await page.locator('.persona-picker').waitFor({ timeout: 15000 }).catch(async (err) => {
        await screenshot(page, `failed-login-${openid}`);
        throw new Error(`${(err as Error).message}\n${await page.locator('body').innerText()}`);
      });
      const preset = page.locator('.persona-button', { hasText: `（${openid}）` });
      if (await preset.count()) {
        await preset.first().click();
      } else {
        await page.locator('.persona-openid input').fill(openid);
        await page.locator('.persona-login').click();
      }
      await page.locator('.me-page__openid', { hasText: openid }).waitFor();
      return page;
    },
  };
}

/** Types into a Taro <Input> or <Textarea>, found by its className. */
export const fill = (page: Page, selector: string, value: string) => page.locator(`${selector} input, ${selector} textarea`).first().fill(value);

/** Opens a selector picker and taps one of its visible rows, then 确定 (Taro's H5 picker picks the row under the tap). */
export async function pick(page: Page, selector: string, label: string): Promise<void> {
  await page.locator(selector).click();
  const confirm = page.locator('.weui-picker__action:visible', { hasText: '确定' });
  await confirm.waitFor();
  // The sheet slides up for 0.3 s; tap the row where it comes to rest.
  await page.waitForTimeout(400);
  const box = await page.locator('.weui-picker__item:visible', { hasText: label }).first().boundingBox();
  if (!box) throw new Error(`no row ${label} in the picker`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await confirm.click();
  await page.locator(selector, { hasText: label }).waitFor();
}
