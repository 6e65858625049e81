/** Debian's Chromium, driven by playwright-core; nothing downloads a browser. Playwright gives each launch a fresh profile. */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expectAccessible, seriousAxeFindings } from './axe';

export const OUTPUT_DIR = path.resolve(__dirname, '../output');

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A phone-sized, touch-capable context: Taro's H5 submit buttons act on touch (see DESIGN.md lessons). */
export async function phone(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'zh-CN' });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  // Taro's H5 router slides a new page in; a picture taken mid-slide is blank.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  await page.screenshot({ path: path.join(OUTPUT_DIR, `${name}.png`), fullPage: true });
  // Every page a journey pictures is also checked by axe-core; AXE_REPORT_ONLY=1 only records (for a before/after count).
  if (process.env.AXE_REPORT_ONLY === '1') await seriousAxeFindings(page, name);
  else await expectAccessible(page, name);
}
