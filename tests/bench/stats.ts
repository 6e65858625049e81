/** Small shared helpers for the benchmarks: percentiles, timing, and printing figures (never asserting them). */
import { performance } from 'node:perf_hooks';

export interface Summary {
  n: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of an already sorted list: the value at or below which `p`% of the samples lie. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((s, x) => s + x, 0);
  return {
    n: sorted.length,
    min: sorted[0] ?? Number.NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.length ? total / sorted.length : Number.NaN,
  };
}

/** Milliseconds `fn` took, and what it returned. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times one after another; returns each run's milliseconds. */
export async function sample(runs: number, warmup: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push((await timed(fn)).ms);
  return out;
}

/**
 * Like `sample` for two contenders, alternating which goes first on each run, so drift on a busy machine
 * (another process, a GC, a checkpoint) falls on both alike.
 */
export async function sampleInterleaved(
  runs: number,
  warmup: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<[number[], number[]]> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      as.push((await timed(a)).ms);
      bs.push((await timed(b)).ms);
    } else {
      bs.push((await timed(b)).ms);
      as.push((await timed(a)).ms);
    }
  }
  return [as, bs];
}

export function ms(value: number): string {
  if (Number.isNaN(value)) return '—';
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

export function section(title: string): void {
  const bar = '='.repeat(Math.max(60, title.length + 8));
  console.log(`\n${bar}\n=== ${title}\n${bar}`);
}

export function subsection(title: string): void {
  console.log(`\n--- ${title}`);
}

/** A fixed-width text table: the first row is the header. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c] ?? ''))));
  const line = (r: string[]) => r.map((cell, c) => cell + ' '.repeat(widths[c] - displayWidth(cell))).join('  ').trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** CJK characters take two columns in a terminal. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** One line of the closing summary table. */
export interface SummaryRow {
  section: string;
  engine: string;
  figures: string;
}
