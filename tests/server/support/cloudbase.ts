/**
 * The CloudBase adapter as the cloud function runs it — the real wx-server-sdk 4.0.2 and its query building — with the
 * SDK's HTTP layer answered by the engine double (tests/server/doubles/cloudbase-engine.ts), freshly set up by the
 * adapter's own `setupDatabase` and given the unique indexes the schema declares, as the operator creates them.
 */
import { COLLECTIONS, DATABASE_OPTIONS, cloudbaseRepositories, setupDatabase, type CloudDb } from '../../../cloudfunctions/api/src/adapters/cloudbase';
import type { ActionInput, ActionName, ActionOutput } from '@shared/contract';
import type { ApiResult } from '@shared/result';
import type { Role } from '@shared/users';
import type { Deps } from '../../../cloudfunctions/api/src/core/context';
import { dispatch } from '../../../cloudfunctions/api/src/app/dispatch';
import type { Repositories } from '../../../cloudfunctions/api/src/core/ports';
import { CloudBaseEngine, type EngineOptions } from '../doubles/cloudbase-engine';
import { cloudStorageDouble, type CloudStorageDouble } from '../doubles/cloud-storage';
import { cloudImageStore } from '../../../cloudfunctions/api/src/cloud/images';
import { T0 } from './world';

export interface CloudBaseHarness {
  engine: CloudBaseEngine;
  db: CloudDb;
  repos: Repositories;
  /** Drops every collection and runs setup again. */
  reset(): Promise<void>;
  close(): void;
}

export const SETUP_AT = '2026-11-30T00:00:00.000Z';

export function declaredUniqueIndexes() {
  return COLLECTIONS.flatMap((c) =>
    c.indexes.filter((i) => i.unique).map((i) => ({ collection: c.name, fields: i.fields.map(([f]) => f) })),
  );
}

/** wx-server-sdk as the cloud function loads it, initialised for a test environment. */
export function wxServerSdk(): typeof import('wx-server-sdk') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk');
  cloud.init({ env: 'test-env' });
  return cloud;
}

export async function openCloudBase(options: Omit<EngineOptions, 'uniqueIndexes'> = {}): Promise<CloudBaseHarness> {
  const engine = new CloudBaseEngine({ ...options, uniqueIndexes: declaredUniqueIndexes() });
  const restore = engine.install();
  const db = wxServerSdk().database(DATABASE_OPTIONS) as unknown as CloudDb;
  await setupDatabase(db, SETUP_AT);
  return {
    engine,
    db,
    repos: cloudbaseRepositories(db),
    async reset() {
      engine.reset();
      await setupDatabase(db, SETUP_AT);
    },
    close: restore,
  };
}

/**
 * A small world on CloudBase for use-case tests, like support/world.ts on SQL: the one dispatch, a clock the test
 * moves, predictable ids, and a fresh database (setup run again) per test.
 */
export interface CloudBaseWorld {
  harness: CloudBaseHarness;
  /** Cloud storage (the labelled double): where uploaded logos go. */
  storage: CloudStorageDouble;
  deps: Deps;
  clock: { now: Date };
  setNow(iso: string): void;
  send<A extends ActionName>(openid: string | null, action: A, payload: unknown): Promise<ApiResult<ActionOutput<A>>>;
  call<A extends ActionName>(openid: string | null, action: A, payload: ActionInput<A>): Promise<ActionOutput<A>>;
  givenUser(openid: string, roles?: Role[]): Promise<void>;
  reset(): Promise<void>;
  close(): void;
}

export async function makeCloudBaseWorld(options: Omit<EngineOptions, 'uniqueIndexes'> = {}): Promise<CloudBaseWorld> {
  const harness = await openCloudBase(options);
  const clock = { now: T0 };
  let counter = 0;
  const storage = cloudStorageDouble();
  const deps: Deps = {
    repos: harness.repos,
    now: () => clock.now,
    newId: () => `id${String(++counter).padStart(6, '0')}`,
    images: cloudImageStore(storage),
  };
  const send = async <A extends ActionName>(openid: string | null, action: A, payload: unknown) =>
    (await dispatch(deps, openid ? { openid } : null, action, payload)) as ApiResult<ActionOutput<A>>;
  const world: CloudBaseWorld = {
    harness,
    storage,
    deps,
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
      await harness.reset();
      clock.now = T0;
      await world.givenUser('staff-1', ['staff']);
      await world.givenUser('admin-1', ['admin']);
    },
    close: harness.close,
  };
  await world.reset();
  return world;
}
