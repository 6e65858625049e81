/**
 * Where the cloud functions keep their records: the CloudBase database of their environment by default, or PostgreSQL
 * when the function has DATABASE_URL (an organisation's own server, reachable from the function). One open storage per
 * warm instance; a failed start is retried on the next call.
 */
import type * as WxServerSdk from 'wx-server-sdk';
import { DATABASE_OPTIONS, cloudbaseRepositories, setupDatabase, type CloudDb } from '../adapters/cloudbase';
import { migrate, openDb, sqlRepositories } from '../adapters/sql';
import type { Repositories } from '../core/ports';

export interface CloudStorage {
  kind: 'cloudbase' | 'postgres';
  repos: Repositories;
  /** Idempotent: CloudBase collections and seed (the `system.setup` action); PostgreSQL migrations, already run at start. */
  setup(now: string): Promise<unknown>;
}

export function storageLoader(cloud: typeof WxServerSdk, env: Record<string, string | undefined>): () => Promise<CloudStorage> {
  let storage: Promise<CloudStorage> | undefined;
  return () => {
    storage ??= openStorage(cloud, env).catch((err) => {
      storage = undefined;
      throw err;
    });
    return storage;
  };
}

async function openStorage(cloud: typeof WxServerSdk, env: Record<string, string | undefined>): Promise<CloudStorage> {
  if (env.DATABASE_URL) {
    const db = await openDb({ databaseUrl: env.DATABASE_URL, poolSize: 3 });
    await migrate(db);
    return { kind: 'postgres', repos: sqlRepositories(db), setup: async () => ({ engine: 'postgres', migrations: await migrate(db) }) };
  }
  const db = cloud.database(DATABASE_OPTIONS) as unknown as CloudDb;
  return { kind: 'cloudbase', repos: cloudbaseRepositories(db), setup: (now) => setupDatabase(db, now) };
}
