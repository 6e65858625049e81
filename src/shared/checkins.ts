/**
 * The event day: a ticket per confirmed person, staff scanning tickets, people checking themselves in with the event's
 * code, and the attendance figures.
 */
import { z } from 'zod';
import { Id } from './common';
import type { RegistrationStatus } from './registrations';
import { TICKET_ALPHABET, TICKET_CODE_LENGTH, TICKET_QR_PREFIX } from './plain/checkins';

export * from './plain/checkins';

/** The attendee's page the event's check-in code opens (H5 URL path and mini-program page). */
export const SELF_CHECKIN_PAGE = 'pages/checkin/index';

export interface Ticket {
  code: string;
  /** The QR code of `SSLX1:<eventId>:<code>`, as an SVG data URL. */
  qr: string;
}

/** What a staff scanner learns from one code; every outcome is an answer, not an error. */
export const SCAN_RESULTS = ['checked_in', 'already', 'waitlisted', 'cancelled', 'other_event', 'not_found', 'outside_window'] as const;
export type ScanResult = (typeof SCAN_RESULTS)[number];

/** Who a scanned ticket belongs to, with the phone masked (138****0001): enough to recognise, not to copy. */
export interface ScannedPerson {
  name: string;
  maskedPhone: string;
  status: RegistrationStatus;
  attendedAt: string | null;
}

export interface ScanOutcome {
  result: ScanResult;
  registration?: ScannedPerson;
  /** Why the code is outside the window, in Chinese (outside_window only). */
  message?: string;
}

export interface EventCheckinCode {
  token: string;
  /** `/pages/checkin/index?eventId=…&token=…` */
  path: string;
  /** The H5 address, when the request told the server its origin (the gateway does; the cloud function does not). */
  url: string | null;
  /** QR code of `url` as an SVG data URL; null without a url. */
  qr: string | null;
  /** The mini-program code (小程序码) opening the check-in page, as a PNG data URL; in WeChat only. */
  miniProgramCode: string | null;
}

export interface Attendance {
  /** Holding a seat: confirmed or already checked in. */
  confirmed: number;
  checkedIn: number;
  /** Confirmed and not (yet) checked in. */
  notCheckedIn: number;
  /** Confirmed and not checked in once the event has ended; 0 before the end. */
  noShows: number;
  waitlisted: number;
  ended: boolean;
}

export interface SelfCheckin {
  status: RegistrationStatus;
  attendedAt: string | null;
  /** True when this call checked the person in, false when they already were. */
  justNow: boolean;
}

export const TicketInput = z.object({ registrationId: Id }).strict();

/** The short code as typed (any case, spaces allowed) or the full text of a ticket's QR code. */
export const ScanInput = z
  .object({
    eventId: Id,
    code: z.string().trim().min(1, '请输入签到码').max(100, '签到码最多 100 个字符'),
  })
  .strict();

export const EventCheckinInput = z.object({ eventId: Id }).strict();

/** The event's check-in token as the QR code carries it. */
export const CheckinToken = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '签到码无效，请重新扫描现场的签到码');

export const SelfCheckinInput = z.object({ eventId: Id, token: CheckinToken }).strict();


/** What a scanner read, as the event it names (a QR code) and the code; null when it cannot be a ticket at all. */
export function readScannedCode(text: string): { eventId: string | null; code: string } | null {
  const qr = new RegExp(`^${TICKET_QR_PREFIX}:([A-Za-z0-9_-]{1,64}):([A-Za-z0-9]+)$`).exec(text.trim());
  const eventId = qr ? qr[1] : null;
  const code = (qr ? qr[2] : text).replace(/[\s-]/g, '').toUpperCase();
  const shape = new RegExp(`^[${TICKET_ALPHABET}]{${TICKET_CODE_LENGTH}}$`);
  return shape.test(code) ? { eventId, code } : null;
}

export const ticketQrText = (eventId: string, code: string): string => `${TICKET_QR_PREFIX}:${eventId}:${code}`;

export const selfCheckinPath = (eventId: string, token: string): string =>
  `/${SELF_CHECKIN_PAGE}?eventId=${encodeURIComponent(eventId)}&token=${encodeURIComponent(token)}`;

/** 13800000001 → 138****0001 */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}
