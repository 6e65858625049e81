/**
 * Signing in on the self-hosted gateway, and the sessions that come of it. Every sign-in writes a session row; the
 * gateway reads that row on every call, so a revoked session stops working on its very next call.
 */
import crypto from 'node:crypto';
import QRCode from 'qrcode';
import { QR_TICKET_PREFIX, QR_TICKET_TTL_SECONDS, type QrPollOutput, type QrTicket, type QrTicketInfo, type SessionVia, type SessionView, type SignedIn } from '@shared/sessions';
import { OpenId } from '@shared/users';
import { caller, type Ctx, type Deps, type SessionIssuer } from '../core/context';
import { DomainError } from '../core/errors';
import type { LoginTicketRecord, SessionRecord, UserRecord } from '../core/ports';
import { describeDevice } from './device';
import { confirmTicket, consumeTicket, isLive, pollState, revokeSession, scanTicket } from './rules';

/** Writing "last seen" on every call would turn each read into a write; once a minute is precise enough to recognise a device. */
const TOUCH_EVERY_MS = 60_000;
const SESSION_NOT_FOUND = '登录设备不存在或已退出';
const TICKET_NOT_FOUND = '登录二维码不存在，请在电脑上刷新二维码';

export interface SessionClaim {
  openid: string;
  sessionId: string;
}

/** The gateway's check of a verified token: its session row must exist, belong to the same person and still be live. */
export async function resumeSession(deps: Deps, claim: SessionClaim): Promise<(SessionClaim & { user: UserRecord | null }) | null> {
  const now = deps.now().toISOString();
  const found = await deps.repos.sessions.getWithUser(claim.sessionId);
  if (!found || found.session.openid !== claim.openid || !isLive(found.session, now)) return null;
  if (Date.parse(now) - Date.parse(found.session.lastSeenAt) >= TOUCH_EVERY_MS) await deps.repos.sessions.touch(found.session.id, now);
  // The person comes with the session row, so the call that follows need not read them again.
  return { ...claim, user: found.user };
}

/** Opens a session for a person WeChat (or the demo picker, or a confirmed ticket) vouched for. */
export async function startSession(
  deps: Deps,
  issuer: SessionIssuer,
  start: { openid: string; via: SessionVia; userAgent?: string; now: string; sessionId?: string },
): Promise<SignedIn> {
  const user = await deps.repos.users.ensure(start.openid, start.now);
  const session: SessionRecord = {
    id: start.sessionId ?? deps.newId(),
    openid: user.openid,
    via: start.via,
    device: describeDevice(start.userAgent),
    createdAt: start.now,
    lastSeenAt: start.now,
    expiresAt: new Date(Date.parse(start.now) + issuer.ttlSeconds * 1000).toISOString(),
    revokedAt: null,
    revokedBy: null,
  };
  await deps.repos.sessions.insert(session, {
    actor: user.openid,
    action: 'session.start',
    recordType: 'session',
    recordId: session.id,
    detail: `${start.via} · ${session.device}`,
  });
  return { token: issuer.issue(user.openid, session.id), user: { openid: user.openid, roles: user.roles } };
}

/** The mini-program against the gateway: its wx.login code, exchanged with WeChat, is the person. */
export async function wxLogin(ctx: Ctx, input: { code: string }): Promise<SignedIn> {
  const { wechat, sessions } = ctx.deps;
  if (!wechat?.codeToSession || !sessions) throw new DomainError('FORBIDDEN', '本服务未开启微信小程序登录');
  const { openid } = await wechat.codeToSession(input.code);
  // The same openid the cloud function gets from getWXContext(): a person is the same record on both deployments.
  if (!OpenId.safeParse(openid).success) throw new Error('jscode2session answered an openid of an unexpected form');
  return startSession(ctx.deps, sessions, { openid, via: 'wechat', userAgent: ctx.userAgent, now: ctx.now });
}

/** The desktop asks for a one-time ticket; only it gets the secret that collects the session later. */
export async function createQrTicket(ctx: Ctx): Promise<QrTicket> {
  if (!ctx.deps.sessions) throw new DomainError('FORBIDDEN', '本服务未开启扫码登录');
  const secret = `${ctx.deps.newId()}${ctx.deps.newId()}`;
  const ticket: LoginTicketRecord = {
    id: ctx.deps.newId(),
    secretHash: hashSecret(secret),
    device: describeDevice(ctx.userAgent),
    status: 'pending',
    createdAt: ctx.now,
    expiresAt: new Date(Date.parse(ctx.now) + QR_TICKET_TTL_SECONDS * 1000).toISOString(),
    scannedBy: null,
    confirmedBy: null,
    confirmedAt: null,
    sessionId: null,
  };
  await ctx.deps.repos.loginTickets.insert(ticket);
  const svg = await QRCode.toString(`${QR_TICKET_PREFIX}${ticket.id}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return {
    ticketId: ticket.id,
    secret,
    qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
    expiresAt: ticket.expiresAt,
  };
}

/** The staff member's phone read the code: it shows which browser asks, and the desktop learns it was scanned. */
export async function scanQrTicket(ctx: Ctx, input: { ticketId: string }): Promise<QrTicketInfo> {
  const ticket = await ctx.deps.repos.loginTickets.change(input.ticketId, ctx.now, scanTicket(caller(ctx).openid, ctx.now));
  return ticketInfo(ticket);
}

export async function confirmQrTicket(ctx: Ctx, input: { ticketId: string }): Promise<QrTicketInfo> {
  const ticket = await ctx.deps.repos.loginTickets.change(input.ticketId, ctx.now, confirmTicket(caller(ctx).openid, ctx.now));
  return ticketInfo(ticket);
}

/** The desktop asks every second or two; once confirmed, the first poll turns the ticket into its session. */
export async function pollQrTicket(ctx: Ctx, input: { ticketId: string; secret: string }): Promise<QrPollOutput> {
  const issuer = ctx.deps.sessions;
  if (!issuer) throw new DomainError('FORBIDDEN', '本服务未开启扫码登录');
  const tickets = ctx.deps.repos.loginTickets;
  const ticket = await tickets.get(input.ticketId);
  if (!ticket) throw new DomainError('NOT_FOUND', TICKET_NOT_FOUND);
  const secretHash = hashSecret(input.secret);
  const state = pollState(ticket, secretHash, ctx.now);
  if (state !== 'confirmed') return { status: state, expiresAt: ticket.expiresAt };
  const sessionId = ctx.deps.newId();
  const consumed = await tickets.change(ticket.id, ctx.now, consumeTicket(secretHash, sessionId, ctx.now));
  const signedIn = await startSession(ctx.deps, issuer, {
    openid: consumed.confirmedBy as string,
    via: 'qr',
    userAgent: ctx.userAgent,
    now: ctx.now,
    sessionId,
  });
  return { status: 'confirmed', ...signedIn };
}

export async function mySessions(ctx: Ctx): Promise<SessionView[]> {
  const sessions = await ctx.deps.repos.sessions.listLive(caller(ctx).openid, ctx.now);
  return sessions.map((s) => toView(s, ctx.sessionId));
}

/** 退出 on one of one's own devices; someone else's session reads as not found. */
export async function revokeMySession(ctx: Ctx, input: { id: string }): Promise<SessionView> {
  const me = caller(ctx).openid;
  const session = await ctx.deps.repos.sessions.get(input.id);
  if (!session || session.openid !== me) throw new DomainError('NOT_FOUND', SESSION_NOT_FOUND);
  return toView(await ctx.deps.repos.sessions.change(input.id, ctx.now, revokeSession(me, ctx.now)), ctx.sessionId);
}

/** An admin looks at someone's signed-in devices (e.g. a lost phone): the look itself is audited. */
export async function listSessionsOf(ctx: Ctx, input: { openid: string }): Promise<SessionView[]> {
  const sessions = await ctx.deps.repos.sessions.listLive(input.openid, ctx.now);
  await ctx.deps.repos.audit.record({
    actor: caller(ctx).openid,
    action: 'session.list',
    recordType: 'user',
    recordId: input.openid,
    detail: null,
    at: ctx.now,
  });
  return sessions.map((s) => toView(s, ctx.sessionId));
}

export async function revokeAnySession(ctx: Ctx, input: { id: string }): Promise<SessionView> {
  const session = await ctx.deps.repos.sessions.change(input.id, ctx.now, revokeSession(caller(ctx).openid, ctx.now));
  return toView(session, ctx.sessionId);
}

function toView(s: SessionRecord, currentId: string | undefined): SessionView {
  return {
    id: s.id,
    via: s.via,
    device: s.device,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    expiresAt: s.expiresAt,
    revokedAt: s.revokedAt,
    current: s.id === currentId,
  };
}

const ticketInfo = (t: LoginTicketRecord): QrTicketInfo => ({
  ticketId: t.id,
  device: t.device,
  requestedAt: t.createdAt,
  expiresAt: t.expiresAt,
});

/** Only the hash is stored: the database never holds what would let someone collect a confirmed ticket. */
const hashSecret = (secret: string): string => crypto.createHash('sha256').update(secret).digest('hex');
