/**
 * `npm run bench`: prints figures for the paths that get busy — a sign-up storm, events.list on a big table, jobs.search
 * over 50,000 jobs, and the H5 first render — on PGlite, and on PostgreSQL too when DATABASE_URL is set. Nothing here passes or fails on time.
 */
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

  section('Summary');
  console.log(table([['section', 'engine', 'figures'], ...rows.map((r) => [r.section, r.engine, r.figures])]));
  console.log(`\nwhole bench: ${ms(performance.now() - started)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
