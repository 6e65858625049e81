/**
 * A small world for use-case tests: a real database, a clock the test moves, predictable ids,
 * and `as(openid).call(action, payload)` going through the one dispatch, exactly as both entries do.
 */
import type { ActionInput, ActionName, ActionOutput } from '@shared/contract';
import type { ApiResult } from '@shared/result';
import type { EventCreateInput } from '@shared/events';
import type { Role } from '@shared/users';
import type { Deps } from '../../../cloudfunctions/api/src/core/context';
import { dispatch } from '../../../cloudfunctions/api/src/app/dispatch';
import { sqlFilesRepo, sqlRepositories } from '../../../cloudfunctions/api/src/adapters/sql';
import { gatewayImageStore } from '../../../cloudfunctions/api/src/http/images';
import { openTestDb, type Engine, type TestDb } from './db';
import { memoryFileStore } from '../../../cloudfunctions/api/src/http/files';
import { resetNeedsAndStations } from './needs';

export const T0 = new Date('2026-12-01T02:00:00.000Z'); // 10:00 in Shanghai

export interface World {
  deps: Deps;
  testDb: TestDb;
  clock: { now: Date };
  setNow(iso: string): void;
  /** Raw result of an action called by `openid` (null: anonymous). */
  send<A extends ActionName>(openid: string | null, action: A, payload: unknown): Promise<ApiResult<ActionOutput<A>>>;
  /** The data of a call that must succeed; throws with the error otherwise. */
  call<A extends ActionName>(openid: string | null, action: A, payload: ActionInput<A>): Promise<ActionOutput<A>>;
  givenUser(openid: string, roles?: Role[]): Promise<void>;
  /** Empties every table and resets the clock: one database per file, a clean world per test. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function makeWorld(engine: Engine = 'pglite', options: Partial<Pick<Deps, 'demoSessions' | 'sessions' | 'wechat'>> = {}): Promise<World> {
  const testDb = await openTestDb(engine);
  const clock = { now: T0 };
  let counter = 0;
  const deps: Deps = {
    repos: sqlRepositories(testDb.db),
    now: () => clock.now,
    newId: () => `id${String(++counter).padStart(6, '0')}`,
    // Exports land in the gateway's store, on the world's clock, so a test can move past a link's ten minutes.
    files: memoryFileStore(() => clock.now),
    // Uploaded logos land in the gateway's own store: the `files` table of this database.
    images: gatewayImageStore(sqlFilesRepo(testDb.db)),
    ...options,
  };
  const send = async <A extends ActionName>(openid: string | null, action: A, payload: unknown) =>
    (await dispatch(deps, openid ? { openid } : null, action, payload)) as ApiResult<ActionOutput<A>>;
  const world: World = {
    deps,
    testDb,
    clock,
    setNow(iso) {
      clock.now = new Date(iso);
    },
    send,
    async call(openid, action, payload) {
      const result = await send(openid, action, payload);
      if (!result.ok) throw new Error(`${action} failed: ${result.error.code} ${result.error.message}`);
      return result.data;
    },
    async givenUser(openid, roles = ['worker']) {
      await deps.repos.users.ensure(openid, clock.now.toISOString());
      await deps.repos.users.setRoles(openid, roles, clock.now.toISOString());
    },
    async reset() {
      await testDb.db.query('TRUNCATE notices, registrations, events, followup_steps, followups, audit_log, outbox, users, enterprises, files CASCADE');
      await resetNeedsAndStations(testDb.db);
      clock.now = T0;
      await world.givenUser('staff-1', ['staff']);
      await world.givenUser('admin-1', ['admin']);
    },
    close: () => testDb.drop(),
  };
  await world.reset();
  return world;
}

/** A valid event input, one week after T0, two hours long. */
export function anEvent(overrides: Partial<EventCreateInput> = {}): EventCreateInput {
  return {
    type: 'training',
    title: '骑手职业技能培训',
    description: '送培训进驿站',
    startAt: '2026-12-08T14:00:00+08:00',
    endAt: '2026-12-08T16:00:00+08:00',
    location: '佘山镇党群服务中心',
    capacity: 5,
    ...overrides,
  };
}

/** Creates and publishes an event as staff; returns its id. */
export async function aPublishedEvent(world: World, overrides: Partial<EventCreateInput> = {}): Promise<string> {
  const event = await world.call('staff-1', 'events.create', anEvent(overrides));
  await world.call('staff-1', 'events.publish', { id: event.id });
  return event.id;
}

export const contactOf = (n: number) => ({ name: `报名人${n}`, phone: `138${String(n).padStart(8, '0')}` });
