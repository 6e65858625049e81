/**
 * The event day: a person's ticket, staff scanning tickets, the event's self check-in code, people checking themselves
 * in with it, and the attendance figures. Check-ins go through the same guarded change and rule as a tap in the list.
 */
import {
  maskPhone,
  readScannedCode,
  SELF_CHECKIN_PAGE,
  selfCheckinPath,
  ticketQrText,
  type Attendance,
  type EventCheckinCode,
  type ScanOutcome,
  type ScannedPerson,
  type SelfCheckin,
  type Ticket,
} from '@shared/checkins';
import { caller, type Ctx } from '../core/context';
import { DomainError, notFound } from '../core/errors';
import type { RegistrationRecord } from '../core/ports';
import { decideScan, decideSelfCheckIn } from './checkin';
import { newCheckinToken, newTicketCode, qrDataUrl, sameToken } from './codes';

/** Tries before giving up on a free code: with 31^8 codes a second try is already rare. */
const TICKET_CODE_TRIES = 5;
/** WeChat's limit on a 小程序码's scene. */
const SCENE_MAX = 32;

/** The owner's ticket, its code made on first look; a waitlisted or cancelled sign-up has none. Anyone else: not found. */
export async function showTicket(ctx: Ctx, input: { registrationId: string }): Promise<Ticket> {
  const user = caller(ctx);
  const registration = await ctx.deps.repos.registrations.get(input.registrationId);
  if (!registration || registration.openid !== user.openid) throw notFound('报名记录');
  assertHoldsSeat(registration);
  const code = registration.ticketCode ?? (await issueTicketCode(ctx, registration));
  return { code, qr: await qrDataUrl(ticketQrText(registration.eventId, code)) };
}

/** Staff scan a ticket (its QR text or the short code typed in) at an event; every outcome is an answer. */
export async function scanTicket(ctx: Ctx, input: { eventId: string; code: string }): Promise<ScanOutcome> {
  const actor = caller(ctx).openid;
  const event = await ctx.deps.repos.events.get(input.eventId);
  if (!event) throw notFound('活动');
  const read = readScannedCode(input.code);
  if (!read) return { result: 'not_found' };
  // A QR code names its event: a code moved onto another event's QR text is altered, and found nowhere.
  const holders = (await ctx.deps.repos.registrations.findByTicketCode(read.code)).filter(
    (r) => read.eventId === null || r.eventId === read.eventId,
  );
  const here = holders.find((r) => r.eventId === event.id);
  if (!here) return { result: holders.length ? 'other_event' : 'not_found' };
  let decided: Pick<ScanOutcome, 'result' | 'message'> = { result: 'not_found' };
  const updated = await ctx.deps.repos.registrations.change(here.id, ctx.now, (current, locked) => {
    const { change, ...outcome } = decideScan(current, locked, ctx.now, actor);
    decided = outcome;
    return change;
  });
  return { ...decided, registration: scannedPerson(updated) };
}

/** The event's self check-in code: its token (issued on first ask), the H5 address and QR, and in WeChat a 小程序码. */
export async function eventCheckinCode(ctx: Ctx, input: { eventId: string }): Promise<EventCheckinCode> {
  const event = await ctx.deps.repos.events.get(input.eventId);
  if (!event) throw notFound('活动');
  const tokens = ctx.deps.repos.checkinTokens;
  const token = (await tokens.get(event.id)) ?? (await tokens.issue(event.id, newCheckinToken(), ctx.now));
  const path = selfCheckinPath(event.id, token);
  const url = ctx.origin ? `${ctx.origin}${path}` : null;
  const scene = `${event.id}.${token}`;
  const makeCode = ctx.deps.miniProgramCode;
  return {
    token,
    path,
    url,
    qr: url ? await qrDataUrl(url) : null,
    miniProgramCode: makeCode && scene.length <= SCENE_MAX ? await makeCode({ scene, page: SELF_CHECKIN_PAGE }) : null,
  };
}

/** The caller checks in their own confirmed sign-up with the event's code, within the window; twice is harmless. */
export async function selfCheckIn(ctx: Ctx, input: { eventId: string; token: string }): Promise<SelfCheckin> {
  const user = caller(ctx);
  const event = await ctx.deps.repos.events.get(input.eventId);
  const stored = event ? await ctx.deps.repos.checkinTokens.get(event.id) : null;
  if (!stored || !sameToken(stored, input.token)) {
    throw new DomainError('FORBIDDEN', '签到码无效：请扫描活动现场张贴或展示的签到码');
  }
  const mine = await ctx.deps.repos.registrations.findByEventAndUser(input.eventId, user.openid);
  if (!mine) throw new DomainError('NOT_REGISTERED', '您没有报名这个活动，请联系现场工作人员');
  let justNow = false;
  const updated = await ctx.deps.repos.registrations.change(mine.id, ctx.now, (current, locked) => {
    const change = decideSelfCheckIn(current, locked, ctx.now);
    justNow = change.patch.status === 'attended';
    return change;
  });
  return { status: updated.status, attendedAt: updated.attendedAt, justNow };
}

/** Confirmed, checked in and, once the event has ended, no-shows: figures only, nobody's name. */
export async function eventAttendance(ctx: Ctx, input: { eventId: string }): Promise<Attendance> {
  const event = await ctx.deps.repos.events.get(input.eventId);
  if (!event) throw notFound('活动');
  const counts = await ctx.deps.repos.registrations.countByStatus(event.id);
  const ended = Date.parse(ctx.now) > Date.parse(event.endAt);
  return {
    confirmed: counts.confirmed + counts.attended,
    checkedIn: counts.attended,
    notCheckedIn: counts.confirmed,
    noShows: ended ? counts.confirmed : 0,
    waitlisted: counts.waitlisted,
    ended,
  };
}

function assertHoldsSeat(registration: RegistrationRecord): void {
  if (registration.status === 'waitlisted') {
    throw new DomainError('NOT_CONFIRMED', `您在候补第 ${registration.position ?? '?'} 位，获得名额后才有签到码`);
  }
  if (registration.status === 'cancelled') throw new DomainError('NOT_CONFIRMED', '该报名已取消，没有签到码');
}

async function issueTicketCode(ctx: Ctx, registration: RegistrationRecord): Promise<string> {
  for (let i = 0; i < TICKET_CODE_TRIES; i++) {
    const stored = await ctx.deps.repos.registrations.issueTicketCode(registration.id, newTicketCode(), ctx.now);
    if (stored !== 'taken' && stored.ticketCode) return stored.ticketCode;
  }
  throw new Error(`no free ticket code for registration ${registration.id} after ${TICKET_CODE_TRIES} tries`);
}

function scannedPerson(r: RegistrationRecord): ScannedPerson {
  return { name: r.contact.name, maskedPhone: maskPhone(r.contact.phone), status: r.status, attendedAt: r.attendedAt };
}
