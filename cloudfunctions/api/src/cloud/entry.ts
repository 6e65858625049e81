/**
 * The WeChat cloud function's side of the protocol: `{ action, payload }` in, ApiResult out.
 * Identity is only ever WeChat's OPENID; nothing in the payload can claim to be someone.
 */
import type { ApiResult } from '@shared/result';
import type { Deps } from '../core/context';
import { dispatch } from '../core/dispatch';

/** The part of `cloud.getWXContext()` we read. */
export interface WxContext {
  OPENID?: string;
  APPID?: string;
}

export interface CloudEvent {
  action?: unknown;
  payload?: unknown;
}

export interface CloudConfig {
  /** From the function's ADMIN_OPENIDS variable: the first admins, before anyone can grant roles. */
  adminOpenids: string[];
}

export function parseAdminOpenids(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function handleCloudEvent(
  deps: Deps,
  wx: WxContext,
  event: CloudEvent | null | undefined,
  config: CloudConfig,
): Promise<ApiResult<unknown>> {
  const openid = wx.OPENID || null;
  const action = typeof event?.action === 'string' ? event.action : '';
  if (openid && config.adminOpenids.includes(openid)) await ensureAdmin(deps, openid);
  return dispatch(deps, openid ? { openid } : null, action, event?.payload);
}

async function ensureAdmin(deps: Deps, openid: string): Promise<void> {
  const now = deps.now().toISOString();
  const user = await deps.repos.users.ensure(openid, now);
  if (!user.roles.includes('admin')) await deps.repos.users.addRole(openid, 'admin', now);
}
