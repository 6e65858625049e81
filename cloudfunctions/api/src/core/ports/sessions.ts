/** Gateway sessions (one row per signed-in device) and the one-time tickets of the desktop's scan-to-sign-in. */
import type { SessionVia, TicketStatus } from '@shared/sessions';
import type { AuditDraft, Guard } from './change';
import type { UserRecord } from './users';

export interface SessionRecord {
  id: string;
  openid: string;
  via: SessionVia;
  /** Rough device summary from the User-Agent ("Windows · Chrome"); the full header is not kept. */
  device: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

export interface SessionPatch {
  revokedAt?: string;
  revokedBy?: string;
}

export interface SessionsRepo {
  /** Writes the new session with its audit entry (a sign-in), in one transaction. */
  insert(session: SessionRecord, audit?: AuditDraft): Promise<void>;
  get(id: string): Promise<SessionRecord | null>;
  /** The session and the person it speaks for, in one read: every call through the gateway starts here. */
  getWithUser(id: string): Promise<{ session: SessionRecord; user: UserRecord | null } | null>;
  /** The person's sessions not revoked and not expired at `now`, the most recently used first. */
  listLive(openid: string, now: string): Promise<SessionRecord[]>;
  /** Records that the session was used; a plain write, no audit. */
  touch(id: string, now: string): Promise<void>;
  change(id: string, now: string, guard: Guard<SessionRecord, SessionPatch>): Promise<SessionRecord>;
}

export interface LoginTicketRecord {
  id: string;
  /** SHA-256 (hex) of the secret only the asking browser holds. */
  secretHash: string;
  /** The asking browser, summarised from its User-Agent. */
  device: string;
  status: TicketStatus;
  createdAt: string;
  expiresAt: string;
  /** The staff member who scanned, then confirmed. */
  scannedBy: string | null;
  confirmedBy: string | null;
  confirmedAt: string | null;
  /** The session the ticket became, once consumed. */
  sessionId: string | null;
}

export interface LoginTicketPatch {
  status?: TicketStatus;
  scannedBy?: string;
  confirmedBy?: string;
  confirmedAt?: string;
  sessionId?: string;
}

export interface LoginTicketsRepo {
  insert(ticket: LoginTicketRecord): Promise<void>;
  get(id: string): Promise<LoginTicketRecord | null>;
  change(id: string, now: string, guard: Guard<LoginTicketRecord, LoginTicketPatch>): Promise<LoginTicketRecord>;
}
