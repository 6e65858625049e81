/**
 * 送政策 in the browser, against `npm start`: staff write a notice in the editor (markdown subset, preview), link it to
 * a seeded policy talk and publish it; a worker goes from the 活动 tab to the policy library, finds it by a Chinese
 * keyword, opens it and reads its blocks, and the talk's page lists it under 相关政策.
 */
import { screenshot } from './support/browser';
import { browserJourney, fill, pick } from './support/journey';

const TITLE = '外卖骑手夏季防暑降温补贴发放通知';
const KEYWORD = '防暑降温';
const TALK = '稳岗就业与灵活就业社保政策宣讲';
const BODY = `# 发放对象
在佘山镇注册站点工作的外卖骑手、快递员。

# 领取方式
1. 到新就业群体暖心驿站登记
2. 出示平台接单记录
3. 现场领取防暑用品

[上海市人力资源和社会保障局](https://rsj.sh.gov.cn/)`;

describe('送政策 in the browser', () => {
  const journey = browserJourney();
  const { personOnPhone } = journey;

  it('staff publish a notice; a worker finds it by keyword from the 活动 tab, opens it, and sees it on the talk’s page', async () => {
    // Staff: 工作台 → 政策发布 → 新建政策.
    const staff = await personOnPhone('demo-staff');
    await staff.goto(`${journey.url}/staff/pages/workbench/index`);
    await staff.locator('.notices-entry').click();
    await staff.locator('.staff-notices').waitFor();
    await staff.locator('.staff-notices .filter-tabs').getByText('已发布').click();
    await staff.locator('.staff-notice').first().waitFor();
    await screenshot(staff, 'notices-01-staff-list');
    await staff.locator('.notice-create').click();

    // Publishing an empty form says what is missing, field by field, before anything is sent.
    await staff.locator('.notice-publish').tap();
    await staff.locator('.notice-editor .field-error', { hasText: '请选择政策类别' }).waitFor();
    await staff.locator('.notice-editor .field-error', { hasText: '请填写正文' }).waitFor();
    await screenshot(staff, 'notices-02-staff-editor-missing');

    await fill(staff, '.notice-title', TITLE);
    await pick(staff, '.notice-category', '就业创业');
    await fill(staff, '.notice-summary', '在佘山镇送单的骑手和快递员，7 月至 9 月可到暖心驿站领取防暑降温用品。');
    await fill(staff, '.notice-issuer', '佘山镇综合党委');
    await fill(staff, '.notice-body-input', BODY);
    await staff.locator('.notice-events .choice-chip', { hasText: TALK }).click();
    await staff.locator('.notice-mode-preview').click();
    await staff.locator('.notice-editor__preview .notice-body__heading', { hasText: '领取方式' }).waitFor();
    await screenshot(staff, 'notices-03-staff-editor-preview');
    await staff.locator('.notice-publish').tap();
    await staff.locator('.notice-editor__status', { hasText: '已发布' }).waitFor();
    await screenshot(staff, 'notices-04-staff-published');

    // Worker: 活动 tab → 送政策 banner → search → open.
    const worker = await personOnPhone('demo-worker');
    await worker.goto(`${journey.url}/pages/events/index`);
    await worker.locator('.policy-banner').click();
    await worker.locator('.library-notice').first().waitFor();
    await screenshot(worker, 'notices-05-worker-library');
    await worker.locator('.notice-search-input input').fill(KEYWORD);
    await worker.locator('.notice-search-submit').tap();
    await worker.locator('.policy-library__summary', { hasText: KEYWORD }).waitFor();
    await worker.waitForFunction(() => document.querySelectorAll('.library-notice').length === 1);
    const found = worker.locator('.library-notice', { hasText: TITLE });
    expect(await found.innerText()).toContain('就业创业');
    await screenshot(worker, 'notices-06-worker-search');

    await found.click();
    await worker.locator('.notice-page__title', { hasText: TITLE }).waitFor();
    await worker.locator('.notice-body__heading', { hasText: '领取方式' }).waitFor();
    expect(await worker.locator('.notice-body__list--ordered .notice-body__item').count()).toBe(3);
    const link = worker.locator('.notice-body__link a');
    expect(await link.getAttribute('href')).toBe('https://rsj.sh.gov.cn/');
    expect(await link.getAttribute('target')).toBe('_blank');
    await worker.locator('.related-event', { hasText: TALK }).waitFor();
    await screenshot(worker, 'notices-07-worker-notice');

    // The talk's page lists the notice under 相关政策, and it opens from there.
    await worker.locator('.related-event', { hasText: TALK }).click();
    const related = worker.locator('.related-policies .related-policy', { hasText: TITLE });
    await related.waitFor();
    await screenshot(worker, 'notices-08-event-related-policies');
    await related.click();
    // Taro's H5 router keeps the first notice page underneath; the one just opened is the last.
    await worker.locator('.notice-page__title', { hasText: TITLE }).last().waitFor();
    expect(await worker.locator('.notice-page__title', { hasText: TITLE }).count()).toBe(2);
  });
});
