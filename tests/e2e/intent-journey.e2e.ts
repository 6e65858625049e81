/**
 * The journey of 入党意向 and 党员报到, in a real browser against `npm start`:
 * a worker reads the notice, is asked to consent, submits and sees 已提交; staff see the intent with a masked phone,
 * open it (full phone), assign a party organisation and advance it with a note; the outbox holds the notification;
 * the worker sees 已联系 and can no longer edit, withdraws, and the staff list shows the record erased.
 * A member reports in, staff close the report with a reason, and the member sees 已结束 with it.
 */
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { browserJourney, fill } from './support/journey';

describe('入党意向 and 党员报到 in the browser', () => {
  const journey = browserJourney();
  const { personOnPhone } = journey;

  const choose = (page: Page, group: string, label: string) => page.locator(`${group} .choice-chip`, { hasText: label }).first().click();

  it('submits, follows up, notifies and withdraws an intent', async () => {
    const worker = await personOnPhone('demo-worker');
    await worker.locator('.intent-entry').click();
    await worker.locator('.intent-form').waitFor();
    await worker.getByText('个人信息处理说明', { exact: true }).waitFor();

    await fill(worker, '.intent-name', '王小明');
    await choose(worker, '.intent-gender', '男');
    await worker.locator('.intent-birth-month').click();
    await worker.locator('.weui-picker__action', { hasText: '确定' }).last().click();
    await fill(worker, '.intent-phone', '13812345678');
    await choose(worker, '.intent-occupation', '外卖骑手');
    await fill(worker, '.intent-employer', '美团');
    await choose(worker, '.intent-political', '共青团员');
    await fill(worker, '.intent-statement', '想在新的岗位上发挥作用。');

    await worker.locator('.intent-submit').tap();
    await worker.getByText('请阅读并同意个人信息处理说明', { exact: true }).waitFor();

    await worker.locator('.intent-consent').click();
    await worker.locator('.intent-consent-sensitive').click();
    await worker.locator('.intent-submit').tap();
    await worker.locator('.intent-status', { hasText: '已提交' }).waitFor();
    expect(await worker.locator('.intent-timeline').innerText()).toContain('已列为入党积极分子');
    expect(await worker.locator('.intent-edit').count()).toBe(1);
    await screenshot(worker, 'intent-01-submitted');

    const staff = await personOnPhone('demo-staff');
    await staff.goto(`${journey.url}/staff/pages/workbench/index`);
    await staff.locator('.intents-entry').click();
    const row = staff.locator('.staff-intent-row', { hasText: '王小明' }).first();
    await row.waitFor();
    const rowText = await row.innerText();
    expect(rowText).toContain('138****5678');
    expect(rowText).not.toContain('13812345678');
    expect(rowText).not.toContain('想在新的岗位上发挥作用');
    await screenshot(staff, 'intent-02-staff-list');

    await row.click();
    await staff.locator('.intent-advance').waitFor();
    expect(await staff.locator('.staff-intent-fields').innerText()).toContain('13812345678');
    await staff.locator('.intent-assign').click();
    await staff.locator('.weui-picker__action', { hasText: '确定' }).last().click();
    await staff.locator('.staff-intent-fields', { hasText: '党支部' }).waitFor();
    await fill(staff, '.intent-note', '已电话联系，约定下周面谈');
    await staff.locator('.intent-advance').tap();
    await staff.locator('.intent-status', { hasText: '已联系' }).waitFor();
    expect(await staff.locator('.staff-notes').innerText()).toContain('已电话联系，约定下周面谈');
    await screenshot(staff, 'intent-03-staff-detail');

    await staff.goto(`${journey.url}/staff/pages/outbox/index`);
    await staff.locator('.outbox-row', { hasText: '您的入党意向：已联系' }).first().waitFor();
    expect(await staff.locator('.outbox').innerText()).not.toMatch(/demo-worker|intent_status|\d{4}-\d{2}-\d{2}T/);
    await screenshot(staff, 'intent-05-outbox');

    await worker.goto(`${journey.url}/party/pages/intent/index`);
    await worker.locator('.intent-status', { hasText: '已联系' }).waitFor();
    expect(await worker.locator('.intent-edit').count()).toBe(0);
    expect(await worker.locator('.intent-timeline').innerText()).not.toContain('已电话联系');
    await worker.locator('.intent-withdraw').click();
    await worker.getByText('确认撤回').click();
    await worker.locator('.intent-withdrawn').waitFor();
    await worker.locator('.intent-form').waitFor();
    await screenshot(worker, 'intent-04-withdrawn');

    await staff.goto(`${journey.url}/staff/pages/intents/index`);
    await staff.locator('.staff-intent-row', { hasText: '（已撤回）' }).first().waitFor();
    expect(await staff.locator('.staff-intents').innerText()).not.toContain('王小明');
  });

  it('reports a member in and shows the close reason', async () => {
    const member = await personOnPhone('e2e-member');
    await member.locator('.report-entry').click();
    await member.locator('.report-form').waitFor();
    await fill(member, '.report-name', '李华');
    await fill(member, '.report-phone', '13900001111');
    await fill(member, '.report-home-org', '安徽省某县某村党支部');
    await fill(member, '.report-employer', '顺丰速运');
    await choose(member, '.report-wish', '流动党员');
    await member.locator('.report-consent').click();
    await member.locator('.report-consent-sensitive').click();
    await member.locator('.report-submit').tap();
    await member.locator('.report-status', { hasText: '已提交' }).waitFor();

    const staff = await personOnPhone('demo-staff');
    await staff.goto(`${journey.url}/staff/pages/intents/index`);
    await staff.locator('.filter-tabs__tab', { hasText: '党员报到' }).click();
    await staff.locator('.staff-intent-row', { hasText: '李华' }).first().click();
    await staff.locator('.intent-close').waitFor();
    await staff.locator('.intent-close').click();
    await staff.getByText('请填写结束原因').waitFor();
    await fill(staff, '.intent-close-reason', '已转入其他街道报到');
    await staff.locator('.intent-close').click();
    await staff.getByText('确认结束').click();
    await staff.locator('.intent-status', { hasText: '已结束' }).waitFor();

    await member.goto(`${journey.url}/party/pages/member-report/index`);
    await member.locator('.report-status', { hasText: '已结束' }).waitFor();
    expect(await member.locator('.report-timeline').innerText()).toContain('已转入其他街道报到');
    await screenshot(member, 'report-01-closed');
  });
});
