/**
 * axe-core in the journeys: the engine is read from node_modules and evaluated in the page over the DevTools
 * protocol (a script tag would be refused by the app's own CSP), then run against WCAG 2.1 A/AA rules.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
const OUTPUT_DIR = path.resolve(__dirname, '../output');

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** Every violation on the page as axe reports it (all impacts). */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeRunResult> } }).axe;
    interface AxeRunResult {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    }
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'minor',
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')),
    }));
  });
}

const SERIOUS = new Set(['serious', 'critical']);

/** Records every finding in tests/e2e/output/axe.jsonl and answers the serious and critical ones. */
export async function seriousAxeFindings(page: Page, name: string): Promise<AxeFinding[]> {
  const findings = await axeFindings(page);
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  fs.appendFileSync(path.join(OUTPUT_DIR, 'axe.jsonl'), `${JSON.stringify({ page: name, url: page.url(), findings })}\n`);
  return findings.filter((f) => SERIOUS.has(f.impact));
}

/** Fails the test when the page has a serious or critical accessibility violation, naming each. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const serious = await seriousAxeFindings(page, name);
  if (serious.length === 0) return;
  const lines = serious.map((f) => `  [${f.impact}] ${f.rule}: ${f.help}\n    ${f.nodes.join('\n    ')}`);
  throw new Error(`${name} (${page.url()}) has ${serious.length} serious/critical accessibility violations:\n${lines.join('\n')}`);
}
