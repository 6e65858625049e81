import { maskPhone } from '@shared/intents';
import { Resume } from '@shared/recruitment';
import type { DemoLoginOutput, GrantableRole, Me, UserSummary } from '@shared/users';
import { caller, type Ctx } from '../core/context';
import { DomainError } from '../core/errors';
import { startSession } from '../sessions/use-cases';
import type { UserRecord } from '../core/ports';

export function toUserSummary(user: UserRecord): UserSummary {
  return { openid: user.openid, roles: user.roles, name: user.name, phone: user.phone ? maskPhone(user.phone) : null, createdAt: user.createdAt };
}

const SEARCH_LIMIT = 20;

/** 角色管理: an admin finds a colleague by the name or phone they gave; the look-up is audited like any read of people. */
export async function searchUsers(ctx: Ctx, input: { q: string }): Promise<UserSummary[]> {
  const found = await ctx.deps.repos.users.findByNameOrPhone(input.q, SEARCH_LIMIT);
  await ctx.deps.repos.audit.record({
    actor: caller(ctx).openid, action: 'users.search', recordType: 'user', recordId: 'search', detail: `按姓名或手机号查找，${found.length} 人`, at: ctx.now,
  });
  return found.map(toUserSummary);
}

export async function getMe(ctx: Ctx): Promise<Me> {
  const user = caller(ctx);
  return {
    openid: user.openid,
    roles: user.roles,
    profile: {
      name: user.name,
      phone: user.phone,
      enterprise: user.enterpriseId && user.enterpriseName ? { id: user.enterpriseId, name: user.enterpriseName } : null,
      resume: parseResume(user.resume),
    },
  };
}

/** Only the local demo gateway hands out sessions this way; WeChat's entry has no issuer. */
export async function demoLogin(ctx: Ctx, input: { openid: string }): Promise<DemoLoginOutput> {
  const sessions = ctx.deps.demoSessions;
  if (!sessions) throw new DomainError('DEMO_LOGIN_DISABLED');
  // A session row like every other sign-in: it is listed under 登录设备 and can be revoked.
  return startSession(ctx.deps, sessions, { openid: input.openid, via: 'demo', userAgent: ctx.userAgent, now: ctx.now });
}

export async function listUsers(ctx: Ctx, input: { role?: GrantableRole }): Promise<UserSummary[]> {
  const roles: GrantableRole[] = input.role ? [input.role] : ['staff', 'admin'];
  const seen = new Map<string, UserRecord>();
  for (const role of roles) for (const u of await ctx.deps.repos.users.listByRole(role)) seen.set(u.openid, u);
  return [...seen.values()].map(toUserSummary);
}

export async function grantRole(ctx: Ctx, input: { openid: string; role: GrantableRole }): Promise<UserSummary> {
  const target = await loadKnownUser(ctx, input.openid);
  if (target.roles.includes(input.role)) return toUserSummary(target);
  const audit = roleAudit(ctx, 'role.grant', target.openid, input.role);
  return toUserSummary(await ctx.deps.repos.users.addRole(target.openid, input.role, ctx.now, audit));
}

/** There is always one admin left, or nobody could grant roles again. */
export async function revokeRole(ctx: Ctx, input: { openid: string; role: GrantableRole }): Promise<UserSummary> {
  const target = await loadKnownUser(ctx, input.openid);
  if (!target.roles.includes(input.role)) return toUserSummary(target);
  const audit = roleAudit(ctx, 'role.revoke', target.openid, input.role);
  const updated = await ctx.deps.repos.users.removeRole(target.openid, input.role, ctx.now, audit);
  if (updated === 'last-admin') throw new DomainError('LAST_ADMIN');
  return toUserSummary(updated);
}

const roleAudit = (ctx: Ctx, action: string, openid: string, role: GrantableRole) => ({
  actor: caller(ctx).openid,
  action,
  recordType: 'user',
  recordId: openid,
  detail: role,
});

async function loadKnownUser(ctx: Ctx, openid: string): Promise<UserRecord> {
  const user = await ctx.deps.repos.users.get(openid);
  if (!user) throw new DomainError('NOT_FOUND', '未找到该用户，请让对方先登录一次小程序');
  return user;
}

/** A stored résumé is shown again only if it still fits today's schema. */
function parseResume(raw: unknown): Resume | null {
  const parsed = Resume.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
