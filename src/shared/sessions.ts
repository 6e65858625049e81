/**
 * Signing in on the self-hosted gateway and the sessions it keeps: the mini-program's wx.login code, the desktop
 * console's scan-to-sign-in ticket, and the list of one's signed-in devices.
 */
import { z } from 'zod';
import type { Role } from './users';
import { OpenId } from './users';

/** How a session began: the mini-program (wx.login), a scanned desktop ticket, the 公众号 page, or the demo picker. */
export const SESSION_VIAS = ['wechat', 'qr', 'mp', 'demo'] as const;
export type SessionVia = (typeof SESSION_VIAS)[number];

export const TICKET_STATUSES = ['pending', 'scanned', 'confirmed', 'consumed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** A scan-to-sign-in ticket lives this long from the moment the desktop asked for it. */
export const QR_TICKET_TTL_SECONDS = 120;
export { QR_TICKET_PREFIX } from './plain/sessions';

/** Ids of sessions and sign-in tickets: random, url-safe. */
export const RecordKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '编号格式不正确');

/** wx.login codes are short printable tokens; anything else never reaches WeChat. */
export const WxLoginInput = z
  .object({ code: z.string().regex(/^[\x21-\x7e]{1,128}$/, '登录凭证格式不正确') })
  .strict();
export const QrTicketRefInput = z.object({ ticketId: RecordKey }).strict();
/** The secret only the asking browser holds (40 url-safe characters as issued). */
export const TicketSecret = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, '浏览器凭据格式不正确');
export const QrPollInput = z.object({ ticketId: RecordKey, secret: TicketSecret }).strict();
export const SessionIdInput = z.object({ id: RecordKey }).strict();
export const SessionsListInput = z.object({ openid: OpenId }).strict();

/** What a sign-in answers, whatever the way in (the same shape as the demo login). */
export interface SignedIn {
  token: string;
  user: { openid: string; roles: Role[] };
}

export interface SessionView {
  id: string;
  via: SessionVia;
  /** Rough device, e.g. "Windows · Chrome" or "iPhone · 微信小程序"; never the full User-Agent. */
  device: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  revokedAt: string | null;
  /** The session this very call came with. */
  current: boolean;
}

export interface QrTicket {
  ticketId: string;
  /** Only the browser that asked holds it; polling needs it. */
  secret: string;
  /** The QR code as an SVG data URL. */
  qr: string;
  expiresAt: string;
}

/** What the scanning phone shows before the staff member confirms. */
export interface QrTicketInfo {
  ticketId: string;
  device: string;
  requestedAt: string;
  expiresAt: string;
}

export type QrPollOutput =
  | { status: 'pending' | 'scanned'; expiresAt: string }
  | ({ status: 'confirmed' } & SignedIn);
