/**
 * The rules of signing in by scanning, and of ending a session: pure decisions both adapters run on the locked row.
 * A ticket goes pending → scanned → confirmed → consumed, once, within QR_TICKET_TTL_SECONDS of being asked for.
 */
import type { Change, LoginTicketPatch, LoginTicketRecord, SessionPatch, SessionRecord } from '../core/ports';
import { DomainError } from '../core/errors';

export const TICKET_USED = '该登录二维码已使用，请在电脑上刷新二维码后重新扫码';
export const TICKET_FOREIGN = '该登录二维码不属于此浏览器，请在本页重新获取二维码';
export const TICKET_NOT_CONFIRMED = '尚未在手机上确认登录';

const isExpired = (ticket: LoginTicketRecord, now: string): boolean => Date.parse(ticket.expiresAt) <= Date.parse(now);

/** A used ticket says so before it says it expired: "used" is the more useful thing to know. */
function assertOpen(ticket: LoginTicketRecord, now: string): void {
  if (ticket.status === 'confirmed' || ticket.status === 'consumed') throw new DomainError('INVALID_TRANSITION', TICKET_USED);
  if (isExpired(ticket, now)) throw new DomainError('TICKET_EXPIRED');
}

/** Only the browser holding the secret may learn anything about its ticket. */
function assertOwnBrowser(ticket: LoginTicketRecord, secretHash: string): void {
  if (ticket.secretHash !== secretHash) throw new DomainError('FORBIDDEN', TICKET_FOREIGN);
}

/** The phone has read the code: the desktop may say "已扫码". */
export const scanTicket =
  (openid: string, now: string) =>
  (ticket: LoginTicketRecord): Change<LoginTicketPatch> => {
    assertOpen(ticket, now);
    return { patch: { status: 'scanned', scannedBy: openid } };
  };

/** A staff member says yes on the phone: audited, since it opens the console to whoever holds that browser. */
export const confirmTicket =
  (openid: string, now: string) =>
  (ticket: LoginTicketRecord): Change<LoginTicketPatch> => {
    assertOpen(ticket, now);
    return {
      patch: { status: 'confirmed', confirmedBy: openid, confirmedAt: now },
      audit: { actor: openid, action: 'login.qr.confirm', recordType: 'login_ticket', recordId: ticket.id, detail: ticket.device },
    };
  };

/** Where a poll stands, without changing anything; throws for a foreign, used or expired ticket. */
export function pollState(ticket: LoginTicketRecord, secretHash: string, now: string): 'pending' | 'scanned' | 'confirmed' {
  assertOwnBrowser(ticket, secretHash);
  if (ticket.status === 'consumed') throw new DomainError('INVALID_TRANSITION', TICKET_USED);
  if (isExpired(ticket, now)) throw new DomainError('TICKET_EXPIRED');
  return ticket.status;
}

/** The asking browser collects its session: exactly once, even when two polls arrive together. */
export const consumeTicket =
  (secretHash: string, sessionId: string, now: string) =>
  (ticket: LoginTicketRecord): Change<LoginTicketPatch> => {
    if (pollState(ticket, secretHash, now) !== 'confirmed') throw new DomainError('INVALID_TRANSITION', TICKET_NOT_CONFIRMED);
    return {
      patch: { status: 'consumed', sessionId },
      audit: {
        actor: ticket.confirmedBy ?? '',
        action: 'login.qr',
        recordType: 'login_ticket',
        recordId: ticket.id,
        detail: `session ${sessionId} · ${ticket.device}`,
      },
    };
  };

/** Ending a session is final and ending it twice changes nothing (and writes no second audit entry). */
export const revokeSession =
  (actor: string, now: string) =>
  (session: SessionRecord): Change<SessionPatch> => {
    if (session.revokedAt) return { patch: {} };
    return {
      patch: { revokedAt: now, revokedBy: actor },
      audit: { actor, action: 'session.revoke', recordType: 'session', recordId: session.id, detail: session.openid },
    };
  };

/** A session speaks for its person while it is neither revoked nor past its end. */
export function isLive(session: SessionRecord, now: string): boolean {
  return !session.revokedAt && Date.parse(session.expiresAt) > Date.parse(now);
}
