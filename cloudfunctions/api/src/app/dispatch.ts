/**
 * The one dispatch both entries call: authenticate → authorize → validate → use case → ApiResult.
 * Authorizing first means a caller learns nothing about the schema of an action it may not use.
 */
import type { ZodError } from 'zod';
import { contract, isActionName, type Access } from '@shared/contract';
import { ERROR_MESSAGES, type ApiResult, type Issue } from '@shared/result';
import { admits, FORBIDDEN_MESSAGES } from './access';
import type { Ctx, Deps } from '../core/context';
import { DomainError } from '../core/errors';
import { handlers } from './handlers';
import type { UserRecord } from '../core/ports';

export interface Identity {
  openid: string;
  /** The gateway session the call came with. */
  sessionId?: string;
  /** The person as read with that session (one read for both); read here when absent. */
  user?: UserRecord | null;
}

export interface DispatchOptions {
  /** Where real faults are reported; defaults to console.error. */
  logError?: (err: unknown, action: string) => void;
  /** The caller's User-Agent (gateway only). */
  userAgent?: string;
  /** Where the caller reached the H5 app (gateway only); see Ctx.origin. */
  origin?: string;
}

export async function dispatch(
  deps: Deps,
  identity: Identity | null,
  action: string,
  payload: unknown,
  options: DispatchOptions = {},
): Promise<ApiResult<unknown>> {
  try {
    if (!isActionName(action)) throw new DomainError('UNKNOWN_ACTION', `不支持的操作：${action.slice(0, 64)}`);
    const spec = contract[action];
    const now = deps.now().toISOString();
    const user = identity ? identity.user ?? (await deps.repos.users.ensure(identity.openid, now)) : null;
    assertAccess(spec.access, user);
    // No payload at all is `{}`; an explicit null is not an object and is refused like any other.
    const parsed = spec.input.safeParse(payload === undefined ? {} : payload);
    if (!parsed.success) throw invalidInput(parsed.error);
    assertNoNulCharacters(parsed.data);
    const ctx: Ctx = {
      deps,
      user,
      now,
      ...(identity?.sessionId ? { sessionId: identity.sessionId } : {}),
      ...(options.userAgent ? { userAgent: options.userAgent } : {}),
      ...(options.origin ? { origin: options.origin } : {}),
    };
    const handler = handlers[action] as (ctx: Ctx, input: unknown) => Promise<unknown>;
    return { ok: true, data: await handler(ctx, parsed.data) };
  } catch (err) {
    if (err instanceof DomainError) {
      return { ok: false, error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } };
    }
    (options.logError ?? defaultLog)(err, action);
    return { ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } };
  }
}

function assertAccess(access: Access, user: UserRecord | null): void {
  if (access === 'public') return;
  if (!user) throw new DomainError('UNAUTHENTICATED');
  if (!admits(access, user)) throw new DomainError('FORBIDDEN', FORBIDDEN_MESSAGES[access]);
}

function invalidInput(error: ZodError): DomainError {
  const issues: Issue[] = error.issues.map((i) => ({ path: i.path, message: chineseIssue(i) }));
  const first = issues[0]?.message;
  return new DomainError('INVALID_INPUT', first ? `填写的内容有误：${first}` : ERROR_MESSAGES.INVALID_INPUT, issues);
}

/** zod's own messages are English; our schemas give Chinese ones, this covers the generic cases. */
function chineseIssue(issue: ZodError['issues'][number]): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined' ? `缺少字段 ${fieldName(issue.path)}` : `字段 ${fieldName(issue.path)} 的类型不正确`;
    case 'unrecognized_keys':
      return `不接受的字段：${issue.keys.join('、')}`;
    case 'invalid_enum_value':
      return /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : `字段 ${fieldName(issue.path)} 的取值不正确`;
    default:
      return /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : `字段 ${fieldName(issue.path)} 不正确`;
  }
}

const fieldName = (path: (string | number)[]): string => (path.length ? path.join('.') : '请求内容');

/** PostgreSQL text cannot hold U+0000: a string carrying one is bad input, not a database fault. */
function assertNoNulCharacters(data: unknown): void {
  const issues: Issue[] = [];
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'string') {
      if (value.includes('\u0000')) issues.push({ path, message: `字段 ${fieldName(path)} 含有不可见的非法字符` });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, [...path, i]));
    } else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) visit(v, [...path, key]);
    }
  };
  visit(data, []);
  if (issues.length) throw new DomainError('INVALID_INPUT', `填写的内容有误：${issues[0].message}`, issues);
}

function defaultLog(err: unknown, action: string): void {
  console.error(`[api] ${action} failed`, err);
}
