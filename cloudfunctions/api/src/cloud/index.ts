/**
 * Entry of the `api` cloud function (bundled to cloudfunctions/api/index.js by `npm run build:cloud`).
 * Storage: the environment's CloudBase database; PostgreSQL instead when the function has DATABASE_URL.
 */
import cloud from 'wx-server-sdk';
import { ERROR_MESSAGES, type ApiResult } from '@shared/result';
import type { Deps } from '../core/context';
import { newId } from '../core/ids';
import { handleCloudEvent, parseAdminOpenids, type CloudEvent } from './entry';
import { storageLoader } from './storage';

// The SDK's typings say string, but DYNAMIC_CURRENT_ENV (a symbol) is its documented way to use the calling env.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

const loadStorage = storageLoader(cloud, process.env);

export async function main(event: CloudEvent): Promise<ApiResult<unknown>> {
  let deps: Deps;
  let setup: (now: string) => Promise<unknown>;
  try {
    const storage = await loadStorage();
    deps = { repos: storage.repos, now: () => new Date(), newId };
    setup = storage.setup;
  } catch (err) {
    console.error('[api] storage unavailable', err);
    return { ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } };
  }
  return handleCloudEvent(deps, cloud.getWXContext(), event, { adminOpenids: parseAdminOpenids(process.env.ADMIN_OPENIDS), setup });
}
