import type { Repositories, UserRecord } from './ports';

/** Issues and reads session tokens; only the HTTP gateway has one. */
export interface SessionIssuer {
  issue(openid: string): string;
}

/** Everything a use case may depend on comes in here: storage, clock, ids, sessions. */
export interface Deps {
  repos: Repositories;
  now(): Date;
  newId(): string;
  /** Present only where demo login is allowed (local demo gateway). */
  demoSessions?: SessionIssuer;
}

export interface Ctx {
  deps: Deps;
  /** The caller, loaded from the database; null for an anonymous caller of a public action. */
  user: UserRecord | null;
  /** `deps.now()` read once per call, as an ISO string. */
  now: string;
}

export function isStaff(user: UserRecord | null): boolean {
  return !!user && (user.roles.includes('staff') || user.roles.includes('admin'));
}

export function isAdmin(user: UserRecord | null): boolean {
  return !!user && user.roles.includes('admin');
}

/** The HR contact of an enterprise whose claim staff approved: the role and the binding come together on approval. */
export function isApprovedHr(user: UserRecord | null): boolean {
  return !!user && user.roles.includes('hr') && !!user.enterpriseId;
}

/** The caller of an action whose access is not public: dispatch guarantees it is there. */
export function caller(ctx: Ctx): UserRecord {
  if (!ctx.user) throw new Error('caller() used on an action without a logged-in caller');
  return ctx.user;
}
