/**
 * Sign-up storm: 1,000 distinct people press 报名 at the same moment on a 100-seat event, through the real HTTP
 * gateway. Prints wall time, throughput, latency percentiles and whether the seats came out right.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import type { ApiResult } from '@shared/result';
import type { Registration } from '@shared/registrations';
import { dispatch } from '../../cloudfunctions/api/src/app/dispatch';
import { buildGateway } from '../../cloudfunctions/api/src/http/gateway';
import { createSessions } from '../../cloudfunctions/api/src/http/sessions';
import { openSession } from '../server/support/sessions';
import { ms, sample, section, subsection, summarize, table, type SummaryRow } from './stats';
import { engineLabel, givenStaff, onEachEngine, type BenchWorld } from './world';

const PEOPLE = 1000;
const CAPACITY = 100;
const DAY_MS = 24 * 3600 * 1000;
const LIST_RUNS = 10;

interface StormResult {
  label: string;
  wallMs: number;
  latencies: number[];
  /** From the first request the gateway read to the last answer it sent: the server's part of the wall. */
  serverMs: number;
  /** The load generator's own CPU time during the storm (it shares the two cores). */
  clientCpuMs: number;
  /** The same storm on the freshly started gateway, before the measured one: connections not yet open, code not compiled. */
  first: { wallMs: number; correct: boolean };
  confirmed: number;
  waitlisted: number;
  failures: Map<string, number>;
  positionsOk: boolean;
  countersOk: boolean;
  /** Staff opening the stormed event's list afterwards (1,000 rows, waitlist positions derived per row). */
  staffList: { all: number[]; waitlisted: number[] };
  /** The same storm on a second event, straight into dispatch: what is left without HTTP. */
  inProcess: { wallMs: number; latencies: number[]; correct: boolean };
}

export async function runSignupStorm(): Promise<SummaryRow[]> {
  section(`1. Sign-up storm — ${PEOPLE} concurrent registrations.create on a ${CAPACITY}-seat event, HTTP gateway`);
  console.log('Each request: its own user and session token, one POST /api/registrations.create on its own connection, all fired at once by a load generator in its own process (load-client.mjs).');
  console.log('The gateway first takes one such storm on another event just after it starts ("first storm"); the figures are of the second, on a gateway that has been running.');
  const results = await onEachEngine(storm);

  subsection('Figures');
  console.log('"wall": the load generator\'s, first request sent to last answer read; "server": first request read to last answer sent.');
  console.log(
    table([
      ['engine', 'wall', 'req/s', 'server', 'req/s', 'p50', 'p95', 'p99', 'max', 'confirmed', 'waitlisted', 'errors', 'correct', 'client CPU', 'first storm'],
      ...results.map((r) => {
        const s = summarize(r.latencies);
        return [
          r.label,
          ms(r.wallMs),
          (PEOPLE / (r.wallMs / 1000)).toFixed(0),
          ms(r.serverMs),
          (PEOPLE / (r.serverMs / 1000)).toFixed(0),
          ms(s.p50),
          ms(s.p95),
          ms(s.p99),
          ms(s.max),
          String(r.confirmed),
          String(r.waitlisted),
          String([...r.failures.values()].reduce((a, b) => a + b, 0)),
          isCorrect(r) ? 'yes' : 'no',
          ms(r.clientCpuMs),
          `${ms(r.first.wallMs)} (${(PEOPLE / (r.first.wallMs / 1000)).toFixed(0)}/s)${r.first.correct ? '' : ' WRONG'}`,
        ];
      }),
    ]),
  );
  for (const r of results) {
    console.log(
      `${r.label}: correct: ${isCorrect(r) ? 'yes' : 'no'} (confirmed ${r.confirmed}/${CAPACITY}, waitlisted ${r.waitlisted}/${
        PEOPLE - CAPACITY
      }, positions 1..${PEOPLE - CAPACITY} unique: ${r.positionsOk ? 'yes' : 'no'}, event counters match: ${r.countersOk ? 'yes' : 'no'})`,
    );
    for (const [code, n] of r.failures) console.log(`  ${n} × ${code}`);
  }

  subsection(`Afterwards: staff open the stormed event's sign-ups (registrations.listByEvent via dispatch, ${LIST_RUNS} runs)`);
  console.log(
    table([
      ['engine', `all ${PEOPLE} p50`, 'p95', `waitlisted ${PEOPLE - CAPACITY} p50`, 'p95'],
      ...results.map((r) => {
        const all = summarize(r.staffList.all);
        const waiting = summarize(r.staffList.waitlisted);
        return [r.label, ms(all.p50), ms(all.p95), ms(waiting.p50), ms(waiting.p95)];
      }),
    ]),
  );

  subsection('Same storm without HTTP (1,000 concurrent dispatch calls in-process, fresh event): the database part');
  console.log(
    table([
      ['engine', 'wall', 'req/s', 'p50', 'p95', 'p99', 'correct', 'HTTP share of wall'],
      ...results.map((r) => {
        const s = summarize(r.inProcess.latencies);
        return [
          r.label,
          ms(r.inProcess.wallMs),
          (PEOPLE / (r.inProcess.wallMs / 1000)).toFixed(0),
          ms(s.p50),
          ms(s.p95),
          ms(s.p99),
          r.inProcess.correct ? 'yes' : 'no',
          `${Math.max(0, (100 * (r.wallMs - r.inProcess.wallMs)) / r.wallMs).toFixed(0)}%`,
        ];
      }),
    ]),
  );

  return results.map((r) => {
    const s = summarize(r.latencies);
    return {
      section: '1 sign-up storm',
      engine: r.label,
      figures: `${ms(r.wallMs)} wall, ${(PEOPLE / (r.wallMs / 1000)).toFixed(0)} req/s, p50 ${ms(s.p50)} p95 ${ms(s.p95)} p99 ${ms(
        s.p99,
      )}, correct: ${isCorrect(r) ? 'yes' : 'no'}; first storm after start ${(PEOPLE / (r.first.wallMs / 1000)).toFixed(0)} req/s; in process ${(
        PEOPLE /
        (r.inProcess.wallMs / 1000)
      ).toFixed(0)} req/s`,
    };
  });
}

function isCorrect(r: Pick<StormResult, 'confirmed' | 'waitlisted' | 'positionsOk' | 'countersOk' | 'failures'>): boolean {
  return r.confirmed === CAPACITY && r.waitlisted === PEOPLE - CAPACITY && r.positionsOk && r.countersOk && r.failures.size === 0;
}

async function storm(world: BenchWorld): Promise<StormResult> {
  const label = await engineLabel(world);
  const staff = await givenStaff(world);
  const sessions = createSessions(crypto.randomBytes(32).toString('hex'));
  const app = await buildGateway({ deps: world.deps, sessions });
  // When the gateway read each request and sent each answer.
  const seen = { read: [] as number[], sent: [] as number[] };
  app.addHook('onRequest', async () => void seen.read.push(performance.now()));
  app.addHook('onResponse', async () => void seen.sent.push(performance.now()));
  // A listen backlog above the burst size: the default (511) would drop SYNs and add 1 s retransmits to the tail.
  await app.listen({ port: 0, host: '127.0.0.1', backlog: 4096 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/registrations.create`;

  /** One storm of PEOPLE new people on a new event, and what came of it. */
  const onNewEvent = async (tag: string) => {
    const eventId = await aPublishedEvent(world, staff);
    // Tokens and bodies are made before the clock starts: the storm measures the server, not the client.
    const requests = await Promise.all(
      Array.from({ length: PEOPLE }, async (_, i) => ({
        token: await openSession(world.deps, sessions, `${tag}-${String(i).padStart(4, '0')}`),
        body: JSON.stringify({ eventId, contact: { name: `报名人${i}`, phone: `138${String(i).padStart(8, '0')}` } }),
      })),
    );
    seen.read.length = 0;
    seen.sent.length = 0;
    const { wallMs, cpuMs, answers: timed } = await fireFromAnotherProcess(url, requests);
    const serverMs = Math.max(...seen.sent) - Math.min(...seen.read);
    const failures = new Map<string, number>();
    const regs: Registration[] = [];
    for (const a of timed) {
      if (a.result.ok) regs.push(a.result.data);
      else failures.set(a.result.error.code, (failures.get(a.result.error.code) ?? 0) + 1);
    }
    const waiting = regs.filter((r) => r.status === 'waitlisted');
    const positions = new Set(waiting.map((r) => r.position));
    const detail = await dispatch(world.deps, null, 'events.get', { id: eventId });
    const counts = detail.ok ? (detail.data as { confirmedCount: number; waitlistCount: number }) : null;
    const outcome = {
      confirmed: regs.filter((r) => r.status === 'confirmed').length,
      waitlisted: waiting.length,
      failures,
      positionsOk:
        positions.size === PEOPLE - CAPACITY && waiting.every((r) => r.position !== null && r.position >= 1 && r.position <= PEOPLE - CAPACITY),
      countersOk: counts?.confirmedCount === CAPACITY && counts?.waitlistCount === PEOPLE - CAPACITY,
    };
    return { eventId, wallMs, serverMs, clientCpuMs: cpuMs, latencies: timed.map((a) => a.ms), ...outcome };
  };

  try {
    const first = await onNewEvent('first');
    const measured = await onNewEvent('storm');
    console.log(`${label}: ${PEOPLE} requests answered in ${ms(measured.wallMs)} (the first storm after start: ${ms(first.wallMs)})`);
    const staffList = {
      all: await sample(LIST_RUNS, 2, () => listAsStaff(world, staff, { eventId: measured.eventId })),
      waitlisted: await sample(LIST_RUNS, 2, () => listAsStaff(world, staff, { eventId: measured.eventId, status: 'waitlisted' })),
    };
    const inProcess = await stormInProcess(world, await aPublishedEvent(world, staff));
    return {
      label,
      ...measured,
      first: { wallMs: first.wallMs, correct: isCorrect(first) },
      staffList,
      inProcess,
    };
  } finally {
    await app.close();
  }
}

/** Runs the load generator (load-client.mjs) as a child process and hands back what it measured. */
async function fireFromAnotherProcess(
  url: string,
  requests: { token: string; body: string }[],
): Promise<{ wallMs: number; cpuMs: number; answers: { ms: number; result: ApiResult<Registration> }[] }> {
  const child = spawn(process.execPath, [path.join(__dirname, 'load-client.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  child.stdin.end(JSON.stringify({ url, requests }));
  const code = await exited;
  if (code !== 0) throw new Error(`load generator exited with ${code}`);
  return JSON.parse(out) as { wallMs: number; cpuMs: number; answers: { ms: number; result: ApiResult<Registration> }[] };
}

async function listAsStaff(world: BenchWorld, staff: string, payload: { eventId: string; status?: 'waitlisted' }): Promise<void> {
  const result = await dispatch(world.deps, { openid: staff }, 'registrations.listByEvent', payload);
  if (!result.ok) throw new Error(`registrations.listByEvent failed: ${result.error.code}`);
}

async function stormInProcess(world: BenchWorld, eventId: string): Promise<StormResult['inProcess']> {
  const latencies: number[] = [];
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: PEOPLE }, async (_, i) => {
      const t0 = performance.now();
      const result = await dispatch(world.deps, { openid: `direct-${String(i).padStart(4, '0')}` }, 'registrations.create', {
        eventId,
        contact: { name: `报名人${i}`, phone: `139${String(i).padStart(8, '0')}` },
      });
      latencies.push(performance.now() - t0);
      return result;
    }),
  );
  const wallMs = performance.now() - started;
  const regs = answers.flatMap((a) => (a.ok ? [a.data as Registration] : []));
  const positions = new Set(regs.filter((r) => r.status === 'waitlisted').map((r) => r.position));
  const correct =
    regs.length === PEOPLE && regs.filter((r) => r.status === 'confirmed').length === CAPACITY && positions.size === PEOPLE - CAPACITY;
  return { wallMs, latencies, correct };
}

async function aPublishedEvent(world: BenchWorld, staff: string): Promise<string> {
  const start = new Date(Date.now() + 7 * DAY_MS);
  const created = await dispatch(world.deps, { openid: staff }, 'events.create', {
    type: 'fair',
    title: '就业援助月·“两新”企业专场招聘会',
    startAt: start.toISOString(),
    endAt: new Date(start.getTime() + 3 * 3600 * 1000).toISOString(),
    location: '佘山镇社区事务受理服务中心一楼大厅',
    capacity: CAPACITY,
  });
  if (!created.ok) throw new Error(`events.create failed: ${created.error.code}`);
  const id = (created.data as { id: string }).id;
  const published = await dispatch(world.deps, { openid: staff }, 'events.publish', { id });
  if (!published.ok) throw new Error(`events.publish failed: ${published.error.code}`);
  return id;
}
