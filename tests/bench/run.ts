/**
 * `npm run bench`: prints figures for the paths that get busy — a sign-up storm, events.list on a big table, jobs.search
 * over 50,000 jobs, and the H5 first render — on PGlite, and on PostgreSQL too when DATABASE_URL is set. Nothing here passes or fails on time.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { runCensusImport } from './census-import';
import { runCloudBaseRush } from './cloudbase-rush';
import { runDashboard } from './dashboard';
import { runEventsList } from './events-list';
import { runH5FirstRender } from './h5-first-render';
import { runJobsSearch } from './jobs-search';
import { runSignupStorm } from './signup-storm';
import { runScan } from './scan';
import { runExport } from './export';
import { ms, section, table, type SummaryRow } from './stats';
import { ENGINES } from './world';

/** The figures issue 13 set targets for: each as it was when the issue was filed, and its target, beside this run's. */
const BASELINES: { section: RegExp; engine?: RegExp; baseline: string; target: string }[] = [
  { section: /^1 sign-up storm$/, engine: /^postgres/, baseline: 'HTTP 284 req/s, p95 3.3 s; in process 407/s', target: 'HTTP ≥ 1,000/s; in process ≥ 2,000/s' },
  { section: /^1 sign-up storm$/, engine: /^pglite/, baseline: 'HTTP 113 req/s, p95 8.3 s; in process 182/s', target: 'HTTP ≥ 300/s; in process ≥ 500/s' },
  { section: /^3 jobs\.search /, engine: /^postgres/, baseline: 'p95 ≤ 9 ms at 50,000 jobs', target: 'p95 ≤ 20 ms at 1,000,000 jobs (BENCH_JOBS)' },
  { section: /^4 H5 first render$/, baseline: 'first card 428 ms vs 51 ms static (8.4×)', target: '≤ 2× the static page' },
  { section: /^5 CloudBase rush 50$/, baseline: 'all ok, p95 6.3 s', target: 'all ok' },
  { section: /^5 CloudBase rush 200$/, baseline: '77–80 answered INTERNAL, never registered', target: 'all 200 ok, p95 ≤ 5 s' },
  { section: /^weapp main package$/, baseline: '536 KB', target: '≤ 450 KB' },
];

/** The weapp build's package sizes as CI prints them (.ci/weapp-size.mjs), when there is a build to measure. */
function weappPackage(): SummaryRow[] {
  const result = spawnSync(process.execPath, ['.ci/weapp-size.mjs'], { encoding: 'utf8' });
  const main = /weapp main package: ([\d.]+ KB)/.exec(result.stdout ?? '');
  section('6. weapp packages (the build in WEAPP_OUT or dist/)');
  console.log(result.stdout || result.stderr || 'no output');
  return [{ section: 'weapp main package', engine: '—', figures: main ? main[1] : 'no weapp build: npm run build:weapp first' }];
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log('佘山两新服务 — benchmarks');
  console.log(
    `node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, engines: ${ENGINES.join(
      ', ',
    )}${process.env.DATABASE_URL ? '' : ' (set DATABASE_URL to add PostgreSQL)'}`,
  );
  const rows: SummaryRow[] = [];
  // BENCH_ONLY=storm,cloudbase-rush runs just those sections (names below); all of them by default.
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
  const wanted = (name: string) => !only || only.includes(name);
  if (wanted('storm')) rows.push(...(await runSignupStorm()));
  if (wanted('events-list')) rows.push(...(await runEventsList()));
  if (wanted('jobs-search')) rows.push(...(await runJobsSearch()));
  if (wanted('h5-first-render')) rows.push(...(await runH5FirstRender()));
  if (wanted('cloudbase-rush')) rows.push(...(await runCloudBaseRush()));
  if (wanted('dashboard')) rows.push(...(await runDashboard()));
  if (wanted('scan')) rows.push(...(await runScan()));
  if (wanted('export')) rows.push(...(await runExport()));
  if (wanted('census-import')) rows.push(...(await runCensusImport()));
  if (wanted('weapp')) rows.push(...weappPackage());

  section('Summary');
  const beside = (r: SummaryRow) => BASELINES.find((b) => b.section.test(r.section) && (!b.engine || b.engine.test(r.engine)));
  console.log(
    table([
      ['section', 'engine', 'figures', 'when issue 13 was filed', 'target'],
      ...rows.map((r) => [r.section, r.engine, r.figures, beside(r)?.baseline ?? '', beside(r)?.target ?? '']),
    ]),
  );
  console.log(`\nwhole bench: ${ms(performance.now() - started)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
