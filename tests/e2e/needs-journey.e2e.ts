/**
 * 企业诉求 and the half-year figures in a real browser against `npm start`: the seeded HR contact raises a need from
 * 企业中心; staff find it on the workbench, assign it to 经发办 and close it with a reply; the HR contact reads the
 * reply and rates it; the dashboard counts the closed need. A worker opens the 党群服务站 list and 山间咏汇.
 */
import { screenshot } from './support/browser';
import { browserJourney, fill, pick } from './support/journey';

const NEED_TEXT = '新厂区投产后需要 15 名质检员，想了解镇里有没有对口的职业培训和招聘渠道。';
const REPLY = '已为贵司预留 12 月就业援助月招聘专场展位，并推荐参加质检员技能培训。';

describe('企业诉求 in the browser', () => {
  const journey = browserJourney();
  const { personOnPhone } = journey;

  it('raises a need, assigns and closes it with a reply, rates it, and counts it on the dashboard', async () => {
    const hr = await personOnPhone('demo-hr');
    await hr.locator('.enterprise-entry').click();
    await hr.locator('.hr-needs-entry').click();
    await pick(hr, '.need-category', '招聘用工');
    await fill(hr, '.need-text', NEED_TEXT);
    await screenshot(hr, 'needs-01-hr-form');
    await hr.locator('.need-submit').tap();
    const mine = hr.locator('.need-status', { hasText: NEED_TEXT });
    await mine.waitFor();
    expect(await mine.innerText()).toContain('待受理');

    const staff = await personOnPhone('demo-staff');
    await staff.goto(`${journey.url}/staff/pages/workbench/index`);
    await staff.locator('.needs-entry .workbench__count', { hasText: /[1-9]/ }).waitFor();
    await staff.locator('.needs-entry').click();
    const row = staff.locator('.need-row', { hasText: '质检员' }).first();
    await row.waitFor();
    await screenshot(staff, 'needs-02-staff-list');
    await row.click();
    // The list stays in the page behind the detail (the H5 router keeps it): the detail's text is the last one.
    await staff.locator('.taro_page').last().locator('.need-status__text', { hasText: NEED_TEXT }).waitFor();
    await pick(staff, '.need-department', '经发办');
    await staff.locator('.need-assign').click();
    await staff.locator('.need-status__label', { hasText: '已分派' }).waitFor();
    await fill(staff, '.need-reply', REPLY);
    await screenshot(staff, 'needs-03-staff-detail');
    await staff.locator('.need-advance-closed').click();
    await staff.locator('.need-status__label', { hasText: '已办结' }).waitFor();

    await hr.reload();
    const closed = hr.locator('.needs-page__item', { hasText: NEED_TEXT });
    await closed.locator('.need-status__reply', { hasText: REPLY }).waitFor();
    await closed.locator('.need-rate-satisfied').click();
    await fill(hr, '.need-rate-note', '回复很快');
    await closed.locator('.need-rate-submit').click();
    await closed.locator('.need-status__rating', { hasText: '评价：满意（回复很快）' }).waitFor();
    await screenshot(hr, 'needs-04-hr-rated');

    await staff.goto(`${journey.url}/staff/pages/dashboard/index`);
    const needsTile = staff.locator('.dash-tile', { hasText: '企业诉求' });
    await needsTile.waitFor();
    expect(await needsTile.innerText()).toMatch(/办结 [1-9]/);
    expect(await staff.locator('.dash-card', { hasText: '企业诉求（按类别）' }).innerText()).toContain('招聘用工');
    await screenshot(staff, 'dashboard-390');
    await staff.setViewportSize({ width: 1280, height: 800 });
    await screenshot(staff, 'dashboard-1280');
  });

  it('lists the 党群服务站 for a worker who shares no location, and opens 山间咏汇 with its coming event', async () => {
    const worker = await personOnPhone('demo-worker');
    await worker.locator('.stations-entry').click();
    await worker.locator('.station-card', { hasText: '山间咏汇党群服务站' }).waitFor();
    expect(await worker.locator('.station-card').count()).toBeGreaterThanOrEqual(5);
    await screenshot(worker, 'stations-01-list');
    await worker.locator('.station-card', { hasText: '山间咏汇党群服务站' }).click();
    await worker.locator('.station-event', { hasText: '健康咨询进企业' }).waitFor();
    expect(await worker.locator('.station-card--detail').innerText()).toContain('妇联');
    await worker.waitForTimeout(600);
    await screenshot(worker, 'stations-02-detail');
  });
});
