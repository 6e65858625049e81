/**
 * Entry of the `api` cloud function (bundled to cloudfunctions/api/index.js by `npm run build:cloud`).
 * Storage: the environment's CloudBase database; PostgreSQL instead when the function has DATABASE_URL.
 */
import cloud from 'wx-server-sdk';
import type { ApiResult } from '@shared/result';
import type { Deps } from '../core/context';
import { newId } from '../core/ids';
import { handleCloudEvent, internalFault, parseAdminOpenids, type WxContext } from './entry';
import { storageLoader } from './storage';
import { cloudFileStore } from './files';
import { cloudImageStore } from './images';
import { miniProgramCodeMaker, type WxacodeCloud } from './wxacode';

// The SDK's typings say string, but DYNAMIC_CURRENT_ENV (a symbol) is its documented way to use the calling env.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

const loadStorage = storageLoader(cloud, process.env);

/** Answers every call with an ApiResult; a throw would reach the mini-program as a bare network error. */
export async function main(event: unknown): Promise<ApiResult<unknown>> {
  let deps: Deps;
  let setup: (now: string) => Promise<unknown>;
  let wx: WxContext;
  try {
    const storage = await loadStorage();
    deps = {
      repos: storage.repos,
      now: () => new Date(),
      newId,
      miniProgramCode: miniProgramCodeMaker(cloud as unknown as WxacodeCloud),
      files: cloudFileStore(cloud),
      images: cloudImageStore(cloud),
    };
    setup = storage.setup;
    wx = cloud.getWXContext();
  } catch (err) {
    console.error('[api] storage or WeChat context unavailable', err);
    return internalFault(err);
  }
  return handleCloudEvent(deps, wx, event, { adminOpenids: parseAdminOpenids(process.env.ADMIN_OPENIDS), setup });
}
