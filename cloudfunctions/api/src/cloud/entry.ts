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

/**
 * Answers every event with an ApiResult, whatever arrives and whatever fails: a throw out of `main` reaches the
 * mini-program as a network error, which tells neither the person nor the operator what happened.
 */
export async function handleCloudEvent(
  deps: Deps,
  wx: WxContext | null | undefined,
  event: unknown,
  config: CloudConfig,
): Promise<ApiResult<unknown>> {
  let action: string | null = null;
  let fault: unknown = null;
  const logError = (err: unknown, failed: string) => {
    fault = err;
    console.error(`[api] ${failed} failed`, err);
  };
  try {
    const read = readEvent(event);
    action = read.action;
    const payload = read.payload;
    const openid = typeof wx?.OPENID === 'string' && wx.OPENID ? wx.OPENID : null;
    if (action === null) return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '请求缺少操作名（action）' } };
    if (action === SETUP_ACTION && config.setup) return await runSetup(deps, openid, payload, config);
    if (openid && config.adminOpenids.includes(openid)) await ensureAdmin(deps, openid);
    const result = await dispatch(deps, openid ? { openid } : null, action, payload, { logError });
    return !result.ok && isDatabaseNotSetUp(fault) ? internalFault(fault) : result;
  } catch (err) {
    // Only what runs outside dispatch's own handling lands here: promoting ADMIN_OPENIDS before the database is ready.
    logError(err, action ?? '(no action)');
    return internalFault(err);
  }
}

/** `{ action, payload }` from whatever the caller sent; a missing or non-string action is null. */
function readEvent(event: unknown): { action: string | null; payload: unknown } {
  if (!event || typeof event !== 'object') return { action: null, payload: undefined };
  const { action, payload } = event as CloudEvent;
  return { action: typeof action === 'string' && action ? action : null, payload };
}

/**
 * The answer to a real fault (already logged). A CloudBase environment whose collections were never created is the
 * one fault with a known remedy, so the admin who meets it first is told what to run.
 */
export function internalFault(err: unknown): ApiResult<never> {
  const message = isDatabaseNotSetUp(err) ? `数据库尚未初始化，请管理员先运行 ${SETUP_ACTION}` : ERROR_MESSAGES.INTERNAL;
  return { ok: false, error: { code: 'INTERNAL', message } };
}

/**
 * CloudBase's answer for a missing collection (errCode -502005, "database collection not exists" / "Db or Table not
 * exist"), in whichever of the SDK's error shapes it arrives; the exact texts are not published, so this matches words.
 */
export function isDatabaseNotSetUp(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; errCode?: unknown; message?: unknown; errMsg?: unknown };
  const text = [e.code, e.errCode, e.message, e.errMsg].filter((v) => v !== undefined).join(' ');
  return /-502005|COLLECTION_NOT_EXIST|collection not exist|table not exist/i.test(text);
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
    return internalFault(err);
  }
}

async function ensureAdmin(deps: Deps, openid: string): Promise<void> {
  const now = deps.now().toISOString();
  const user = await deps.repos.users.ensure(openid, now);
  if (user.roles.includes('admin')) return;
  const audit = { actor: 'system:ADMIN_OPENIDS', action: 'role.grant', recordType: 'user', recordId: openid, detail: 'admin' };
  await deps.repos.users.addRole(openid, 'admin', now, audit);
}
