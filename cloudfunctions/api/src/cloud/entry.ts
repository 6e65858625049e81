/**
 * The WeChat cloud function's side of the protocol: `{ action, payload }` in, ApiResult out.
 * Identity is only ever WeChat's OPENID; nothing in the payload can claim to be someone.
 */
import { Empty } from '@shared/common';
import { ERROR_MESSAGES, type ApiResult } from '@shared/result';
import type { Deps } from '../core/context';
import { dispatch } from '../app/dispatch';

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
  /** Prepares the database (idempotent); run through SETUP_ACTION. */
  setup?: (now: string) => Promise<unknown>;
}

/**
 * Deployment, not business: prepares the database once after the functions are uploaded. It is not in the contract
 * (the H5 gateway migrates at start and has no such action) and only an openid listed in ADMIN_OPENIDS may run it,
 * because before setup there is no `users` collection to hold roles.
 */
export const SETUP_ACTION = 'system.setup';

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
  if (action === SETUP_ACTION && config.setup) return runSetup(deps, openid, event?.payload, config);
  if (openid && config.adminOpenids.includes(openid)) await ensureAdmin(deps, openid);
  return dispatch(deps, openid ? { openid } : null, action, event?.payload);
}

async function runSetup(deps: Deps, openid: string | null, payload: unknown, config: CloudConfig): Promise<ApiResult<unknown>> {
  if (!openid) return { ok: false, error: { code: 'UNAUTHENTICATED', message: ERROR_MESSAGES.UNAUTHENTICATED } };
  if (!config.adminOpenids.includes(openid)) {
    // The caller's own openid, so an operator setting up a fresh environment learns what to put in ADMIN_OPENIDS.
    const message = `仅云函数变量 ADMIN_OPENIDS 中的管理员可以初始化数据库（您的 openid：${openid}）`;
    return { ok: false, error: { code: 'FORBIDDEN', message } };
  }
  if (!Empty.safeParse(payload ?? {}).success) {
    return { ok: false, error: { code: 'INVALID_INPUT', message: '初始化不接受任何参数', issues: [{ path: [], message: '请传空对象 {}' }] } };
  }
  try {
    return { ok: true, data: await config.setup?.(deps.now().toISOString()) };
  } catch (err) {
    console.error(`[api] ${SETUP_ACTION} failed`, err);
    return { ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } };
  }
}

async function ensureAdmin(deps: Deps, openid: string): Promise<void> {
  const now = deps.now().toISOString();
  const user = await deps.repos.users.ensure(openid, now);
  if (!user.roles.includes('admin')) await deps.repos.users.addRole(openid, 'admin', now);
}
