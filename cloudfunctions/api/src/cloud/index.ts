/**
 * Entry of the `api` cloud function (bundled to cloudfunctions/api/index.js by `npm run build:cloud`).
 * Storage: PostgreSQL at the function's DATABASE_URL (a self-hosted or Tencent Cloud database reachable from the function).
 */
import cloud from 'wx-server-sdk';
import { ERROR_MESSAGES, type ApiResult } from '@shared/result';
import { migrate, openDb, sqlRepositories } from '../adapters/sql';
import type { Deps } from '../core/context';
import { newId } from '../core/ids';
import { handleCloudEvent, parseAdminOpenids, type CloudEvent } from './entry';

// The SDK's typings say string, but DYNAMIC_CURRENT_ENV (a symbol) is its documented way to use the calling env.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

let deps: Promise<Deps> | undefined;

/** One connection pool per warm instance; a failed start is retried on the next call. */
function loadDeps(): Promise<Deps> {
  deps ??= (async () => {
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) throw new Error('DATABASE_URL is not configured for the api cloud function');
    const db = await openDb({ databaseUrl, poolSize: 3 });
    await migrate(db);
    return { repos: sqlRepositories(db), now: () => new Date(), newId };
  })().catch((err) => {
    deps = undefined;
    throw err;
  });
  return deps;
}

export async function main(event: CloudEvent): Promise<ApiResult<unknown>> {
  let ready: Deps;
  try {
    ready = await loadDeps();
  } catch (err) {
    console.error('[api] storage unavailable', err);
    return { ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } };
  }
  return handleCloudEvent(ready, cloud.getWXContext(), event, { adminOpenids: parseAdminOpenids(process.env.ADMIN_OPENIDS) });
}
