import type { Repositories, UserRecord } from './ports';
import type { FileStore, ImageStore } from './ports/files';

/** Signs session tokens for session rows that exist; only the HTTP gateway has one. */
export interface SessionIssuer {
  issue(openid: string, sessionId: string): string;
  /** How long a session lasts, in seconds. */
  readonly ttlSeconds: number;
}

/** WeChat's side of signing in (http/wechat.ts); refusals come back as DomainErrors with Chinese messages. */
export interface WechatSignIn {
  /** The mini-program: a wx.login code → the person's openid (jscode2session). */
  codeToSession?(code: string): Promise<{ openid: string }>;
}

/** Everything a use case may depend on comes in here: storage, clock, ids, sessions. */
export interface Deps {
  repos: Repositories;
  now(): Date;
  newId(): string;
  /** Where exports are put for download; absent where nothing is exported (tools, some tests). */
  files?: FileStore;
  /** Where uploaded images (enterprise logos) are kept; absent where nothing is uploaded (tools, benchmarks). */
  images?: ImageStore;
  /** Present only where demo login is allowed (local demo gateway). */
  demoSessions?: SessionIssuer;
  /** The gateway's signer for real sign-ins (wx.login, scanned tickets, 公众号); absent in the cloud function. */
  sessions?: SessionIssuer;
  /** Present where the gateway is configured to sign people in with WeChat. */
  wechat?: WechatSignIn;
  /** Makes a 小程序码 (PNG data URL) opening `page` with `scene`; in WeChat only (cloud.openapi.wxacode.getUnlimited). */
  miniProgramCode?: (request: { scene: string; page: string }) => Promise<string>;
}

export interface Ctx {
  deps: Deps;
  /** The caller, loaded from the database; null for an anonymous caller of a public action. */
  user: UserRecord | null;
  /** `deps.now()` read once per call, as an ISO string. */
  now: string;
  /** Scheme, host and port the caller reached the H5 app on (gateway only), for addresses printed into QR codes. */
  origin?: string;
  /** The gateway session this call came with (none in the cloud function). */
  sessionId?: string;
  /** The caller's User-Agent header on the gateway, for the rough device a new session or ticket records. */
  userAgent?: string;
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
