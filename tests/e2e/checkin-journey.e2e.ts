/**
 * The event day in a real browser against `npm start`: a worker signs up, opens the ticket and reads the short code;
 * staff open 扫码签到, type the code and see 签到成功 with the name; typing it again shows 已签到. Then each other answer
 * of the scanner, the event's own check-in code, and a person checking themself in with it.
 * Events are made through the API so they are under way now (inside the check-in window), whatever the day.
 */
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { browserJourney } from './support/journey';

const TITLE = '快递小哥职业技能培训（今日）';

describe('checking people in on the event day, in the browser', () => {
  const journey = browserJourney();
  const { personOnPhone } = journey;

  async function api<T>(token: string, action: string, payload: unknown): Promise<T> {
    const res = await fetch(`${journey.url}/api/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(payload),
    });
    const body = (await res.json()) as { ok: boolean; data: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${action}: ${body.error?.message}`);
    return body.data;
  }

  async function login(openid: string): Promise<string> {
    const res = await fetch(`${journey.url}/api/auth.demoLogin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid }),
    });
    return ((await res.json()) as { data: { token: string } }).data.token;
  }

  /** A published event starting `startsInHours` from now, two hours long. */
  async function anEventStarting(staffToken: string, title: string, startsInHours: number, capacity = 30): Promise<string> {
    const start = Date.now() + startsInHours * 3_600_000;
    const event = await api<{ id: string }>(staffToken, 'events.create', {
      type: 'training',
      title,
      startAt: new Date(start).toISOString(),
      endAt: new Date(start + 2 * 3_600_000).toISOString(),
      location: '佘山镇党群服务中心',
      capacity,
    });
    await api(staffToken, 'events.publish', { id: event.id });
    return event.id;
  }

  /** Types a code into the scanner page and answers the new result's text (each answer here differs from the last). */
  async function typeCode(staff: Page, code: string): Promise<string> {
    const result = staff.locator('.scan-result');
    const before = (await result.count()) ? await result.innerText() : '';
    await staff.locator('.checkin-code input').fill(code);
    await staff.locator('.checkin-submit').click();
    await staff.waitForFunction(
      (previous) => {
        const el = document.querySelector('.scan-result') as HTMLElement | null;
        return !!el && el.innerText !== previous;
      },
      before,
    );
    return (await result.innerText()).replace(/\s+/g, ' ').trim();
  }

  it('gives a worker a ticket, and staff typing its code see 签到成功 with the name, then 已签到', async () => {
    const staffToken = await login('demo-staff');
    const eventId = await anEventStarting(staffToken, TITLE, 1);

    const worker = await personOnPhone('demo-worker');
    await worker.goto(`${journey.url}/pages/events/detail?id=${eventId}`);
    await worker.locator('.signup-name input').fill('王师傅');
    await worker.locator('.signup-phone input').fill('13800000011');
    await worker.locator('.signup-submit').tap();
    await worker.locator('.registration-status', { hasText: '已报名' }).waitFor();
    const codeText = worker.locator('.ticket__code');
    await codeText.waitFor();
    await worker.locator('.ticket__qr').scrollIntoViewIfNeeded();
    await screenshot(worker, 'checkin-01-ticket');
    const shortCode = (await codeText.innerText()).trim();
    expect(shortCode).toMatch(/^[2-9A-HJKMNP-Z]{4} [2-9A-HJKMNP-Z]{4}$/);

    await worker.goto(`${journey.url}/pages/me/index`);
    await worker.locator('.ticket-toggle').first().click();
    await worker.locator('.ticket__code', { hasText: shortCode }).waitFor();
    await worker.locator('.my-ticket .ticket__code').scrollIntoViewIfNeeded();
    await screenshot(worker, 'checkin-02-my-registrations-ticket');

    const staff = await personOnPhone('demo-staff');
    await staff.goto(`${journey.url}/staff/pages/workbench/index`);
    await staff.locator('.filter-tabs').getByText('已发布').click();
    await staff.locator('.workbench-event', { hasText: TITLE }).locator('.event-checkin').click();
    await staff.locator('.checkin__title', { hasText: TITLE }).waitFor();
    await screenshot(staff, 'checkin-03-scan-page');

    const first = await typeCode(staff, shortCode.toLowerCase());
    expect(first).toContain('签到成功');
    expect(first).toContain('王师傅');
    expect(first).toContain('138****0011');
    await screenshot(staff, 'checkin-04-checked-in');

    const again = await typeCode(staff, shortCode);
    expect(again).toMatch(/已签到 \d\d:\d\d/);
    await screenshot(staff, 'checkin-05-already');

    // The other answers, one each.
    expect(await typeCode(staff, 'ZZZZ2222')).toContain('未找到');
    await screenshot(staff, 'checkin-06-not-found');

    const otherToken = await login('e2e-other');
    const otherEvent = await anEventStarting(staffToken, '政策宣讲会（今日）', 1);
    const there = await api<{ id: string }>(otherToken, 'registrations.create', { eventId: otherEvent, contact: { name: '李小燕', phone: '13900000022' } });
    const otherTicket = await api<{ code: string }>(otherToken, 'registrations.ticket', { registrationId: there.id });
    expect(await typeCode(staff, otherTicket.code)).toContain('不是本活动');
    await screenshot(staff, 'checkin-07-other-event');

    const here = await api<{ id: string }>(otherToken, 'registrations.create', { eventId, contact: { name: '李小燕', phone: '13900000022' } });
    const cancelledTicket = await api<{ code: string }>(otherToken, 'registrations.ticket', { registrationId: here.id });
    await api(otherToken, 'registrations.cancel', { id: here.id });
    expect(await typeCode(staff, cancelledTicket.code)).toContain('已取消');
    await screenshot(staff, 'checkin-08-cancelled');

    // A ticket made while confirmed, whose owner cancelled and signed up again once the event was full: 候补中.
    const fullEvent = await anEventStarting(staffToken, '人才会客厅（今日）', 1, 1);
    const mine = await api<{ id: string }>(otherToken, 'registrations.create', { eventId: fullEvent, contact: { name: '李小燕', phone: '13900000022' } });
    const waitingTicket = await api<{ code: string }>(otherToken, 'registrations.ticket', { registrationId: mine.id });
    await api(otherToken, 'registrations.cancel', { id: mine.id });
    await api(await login('e2e-seat'), 'registrations.create', { eventId: fullEvent, contact: { name: '张建国', phone: '13700000033' } });
    await api(otherToken, 'registrations.create', { eventId: fullEvent, contact: { name: '李小燕', phone: '13900000022' } });
    await staff.goto(`${journey.url}/staff/pages/checkin/index?eventId=${fullEvent}`);
    await staff.locator('.checkin__title', { hasText: '人才会客厅（今日）' }).waitFor();
    expect(await typeCode(staff, waitingTicket.code)).toContain('候补中');
    await screenshot(staff, 'checkin-09-waitlisted');

    const laterEvent = await anEventStarting(staffToken, '下周的招聘会', 24 * 7);
    const early = await api<{ id: string }>(otherToken, 'registrations.create', { eventId: laterEvent, contact: { name: '李小燕', phone: '13900000022' } });
    const earlyTicket = await api<{ code: string }>(otherToken, 'registrations.ticket', { registrationId: early.id });
    await staff.goto(`${journey.url}/staff/pages/checkin/index?eventId=${laterEvent}`);
    await staff.locator('.checkin__title', { hasText: '下周的招聘会' }).waitFor();
    expect(await typeCode(staff, earlyTicket.code)).toContain('不在签到时间');
    await screenshot(staff, 'checkin-10-outside-window');

    // The event's own code, and a signed-up person checking themself in with it.
    await staff.goto(`${journey.url}/staff/pages/checkin-code/index?eventId=${eventId}`);
    await staff.locator('.checkin-code-page__qr').waitFor();
    await screenshot(staff, 'checkin-11-event-code');
    const { url } = await api<{ url: string }>(staffToken, 'checkins.eventCode', { eventId });
    expect(url.startsWith(`${journey.url}/pages/checkin/index?eventId=${eventId}&token=`)).toBe(true);

    const selfToken = await login('e2e-self');
    await api(selfToken, 'registrations.create', { eventId, contact: { name: '赵师傅', phone: '13600000044' } });
    const attendee = await personOnPhone('e2e-self');
    await attendee.goto(url);
    await attendee.locator('.self-checkin-submit').click();
    await attendee.locator('.self-checkin__result', { hasText: '签到成功' }).waitFor();
    await screenshot(attendee, 'checkin-12-self-checked-in');

    const figures = await api<{ checkedIn: number; confirmed: number }>(staffToken, 'events.attendance', { eventId });
    expect(figures).toMatchObject({ checkedIn: 2, confirmed: 2 });
  });
});
