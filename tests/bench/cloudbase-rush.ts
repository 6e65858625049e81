/**
 * A crowded event on CloudBase: N people press 报名 at once on one event, through dispatch and the CloudBase adapter,
 * with the real wx-server-sdk in the loop and its HTTP layer answered by the engine TEST DOUBLE
 * (tests/server/doubles/cloudbase-engine.ts), each database request taking 10–30 ms as a round trip to the service
 * would. Prints requests, write conflicts, failures and latency: what WeChat's production path does under a rush.
 */
import { performance } from 'node:perf_hooks';
import type { ApiResult } from '@shared/result';
import type { Registration } from '@shared/registrations';
import { dispatch } from '../../cloudfunctions/api/src/app/dispatch';
import type { Deps } from '../../cloudfunctions/api/src/core/context';
import { openCloudBase } from '../server/support/cloudbase';
import { ms, section, summarize, table, type SummaryRow } from './stats';

const CAPACITY = 100;
const CROWDS = [50, 200];
const LATENCY = { min: 10, max: 30 };

export async function runCloudBaseRush(): Promise<SummaryRow[]> {
  section(`5. A crowded event on CloudBase — simultaneous registrations.create on one ${CAPACITY}-seat event (engine test double, ${LATENCY.min}–${LATENCY.max} ms per request)`);
  const rows: string[][] = [['people', 'wall', 'p50', 'p95', 'max', 'ok', 'failed', 'db requests', 'per sign-up', 'conflicts', 'correct']];
  const summary: SummaryRow[] = [];
  for (const people of CROWDS) {
    const r = await rush(people);
    const s = summarize(r.latencies);
    rows.push([
      String(people), ms(r.wallMs), ms(s.p50), ms(s.p95), ms(s.max), String(r.ok), String(r.failed),
      String(r.requests), (r.requests / people).toFixed(1), String(r.conflicts), r.correct ? 'yes' : 'no',
    ]);
    summary.push({
      section: `5 CloudBase rush ${people}`,
      engine: 'CloudBase (double)',
      figures: `p95 ${ms(s.p95)}, ${r.ok}/${people} ok, ${r.requests} requests, ${r.conflicts} conflicts, correct: ${r.correct ? 'yes' : 'no'}`,
    });
  }
  console.log(table(rows));
  return summary;
}

async function rush(people: number) {
  const harness = await openCloudBase({ latencyMs: LATENCY });
  try {
    let counter = 0;
    const deps: Deps = { repos: harness.repos, now: () => new Date('2026-12-01T02:00:00.000Z'), newId: () => `r${++counter}` };
    await harness.repos.users.ensure('bench-staff', '2026-11-30T00:00:00.000Z');
    await harness.repos.users.setRoles('bench-staff', ['staff'], '2026-11-30T00:00:00.000Z');
    const created = await dispatch(deps, { openid: 'bench-staff' }, 'events.create', {
      type: 'training', title: '骑手职业技能培训', startAt: '2026-12-08T14:00:00+08:00', endAt: '2026-12-08T16:00:00+08:00',
      location: '佘山镇党群服务中心', capacity: CAPACITY,
    });
    if (!created.ok) throw new Error(created.error.message);
    const eventId = (created.data as { id: string }).id;
    await dispatch(deps, { openid: 'bench-staff' }, 'events.publish', { id: eventId });
    const requestsBefore = [...harness.engine.calls.values()].reduce((a, b) => a + b, 0);
    const conflictsBefore = harness.engine.conflicts;
    const latencies: number[] = [];
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: people }, async (_, i) => {
        const t0 = performance.now();
        const result = (await dispatch(deps, { openid: `rider-${i}` }, 'registrations.create', {
          eventId,
          contact: { name: `骑手${i}`, phone: `139${String(i).padStart(8, '0')}` },
        })) as ApiResult<Registration>;
        latencies.push(performance.now() - t0);
        return result;
      }),
    );
    const wallMs = performance.now() - started;
    const ok = results.filter((r) => r.ok).length;
    const confirmed = results.filter((r) => r.ok && r.data.status === 'confirmed').length;
    const event = await harness.repos.events.get(eventId);
    const stored = await harness.repos.registrations.listByEvent(eventId);
    const correct =
      confirmed === Math.min(people, CAPACITY) &&
      event?.confirmedCount === confirmed &&
      stored.length === ok &&
      event?.waitlistCount === ok - confirmed;
    if (!correct) {
      console.log(`  ${people}: answered confirmed ${confirmed}, ok ${ok}; stored ${stored.length} (${stored.filter((r) => r.status === 'confirmed').length} confirmed); event counters ${event?.confirmedCount}/${event?.waitlistCount}`);
    }
    return {
      wallMs,
      latencies,
      ok,
      failed: people - ok,
      requests: [...harness.engine.calls.values()].reduce((a, b) => a + b, 0) - requestsBefore,
      conflicts: harness.engine.conflicts - conflictsBefore,
      correct,
    };
  } finally {
    harness.close();
  }
}
