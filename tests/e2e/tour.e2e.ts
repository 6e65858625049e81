/**
 * A tour of every page as each persona sees it on a 390×844 phone: a screenshot per page in tests/e2e/output/
 * (tour-<persona>-<page>.png) and axe-core over each, with no serious or critical violation allowed.
 */
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { browserJourney } from './support/journey';

interface Stop {
  name: string;
  path: string;
}

const WORKER: Stop[] = [
  { name: 'events', path: '/pages/events/index' },
  { name: 'event-detail', path: '/pages/events/detail?id=demo-salon-friday' },
  { name: 'fair-detail', path: '/pages/events/detail?id=demo-fair-aid' },
  { name: 'event-missing', path: '/pages/events/detail?id=no-such-event' },
  { name: 'jobs', path: '/pages/jobs/index' },
  { name: 'job-detail', path: '/career/pages/job/index?id=demo-job-sewing' },
  { name: 'job-missing', path: '/career/pages/job/index?id=no-such-job' },
  { name: 'me', path: '/pages/me/index' },
  { name: 'intent', path: '/party/pages/intent/index' },
  { name: 'member-report', path: '/party/pages/member-report/index' },
  { name: 'fair', path: '/career/pages/fair/index?eventId=demo-fair-aid' },
  { name: 'applications', path: '/career/pages/applications/index' },
  { name: 'guidance', path: '/career/pages/guidance/index' },
  { name: 'enterprise-claim', path: '/hr/pages/center/index' },
  { name: 'staff-refused', path: '/staff/pages/workbench/index' },
  { name: 'not-found', path: '/pages/no-such-page/index' },
];

const HR: Stop[] = [
  { name: 'center', path: '/hr/pages/center/index' },
  { name: 'fairs', path: '/hr/pages/fairs/index' },
  { name: 'jobs', path: '/hr/pages/jobs/index' },
  { name: 'job-new', path: '/hr/pages/job-edit/index' },
  { name: 'job-edit', path: '/hr/pages/job-edit/index?id=demo-job-sewing' },
  { name: 'applicants', path: '/hr/pages/applicants/index?jobId=demo-job-sewing' },
  { name: 'me', path: '/pages/me/index' },
];

const STAFF: Stop[] = [
  { name: 'workbench', path: '/staff/pages/workbench/index' },
  { name: 'event-new', path: '/staff/pages/event-edit/index' },
  { name: 'event-edit', path: '/staff/pages/event-edit/index?id=demo-draft-advice' },
  { name: 'event-registrations', path: '/staff/pages/event-registrations/index?eventId=demo-salon-friday' },
  { name: 'intents', path: '/staff/pages/intents/index' },
  { name: 'outbox', path: '/staff/pages/outbox/index' },
  { name: 'claims', path: '/staff/pages/claims/index' },
  { name: 'fair-requests', path: '/staff/pages/fair-requests/index' },
  { name: 'fair-stats', path: '/staff/pages/fair-stats/index?eventId=demo-fair-aid' },
  { name: 'guidance', path: '/staff/pages/guidance/index' },
  { name: 'me', path: '/pages/me/index' },
];

const ADMIN: Stop[] = [
  { name: 'roles', path: '/staff/pages/roles/index' },
  { name: 'workbench', path: '/staff/pages/workbench/index' },
];

describe('a tour of every page on a phone', () => {
  const journey = browserJourney();

  async function visit(page: Page, persona: string, stops: Stop[]): Promise<void> {
    for (const stop of stops) {
      await page.goto(`${journey.url}${stop.path}`);
      await page.waitForLoadState('networkidle');
      await page.locator('.list-state--loading').first().waitFor({ state: 'detached', timeout: 10000 }).catch(() => undefined);
      await screenshot(page, `tour-${persona}-${stop.name}`);
    }
  }

  it('takes a worker from the list to an event and back with the navigation bar, and 报名 answers the keyboard', async () => {
    const worker = await journey.personOnPhone('demo-worker');
    await worker.goto(`${journey.url}/pages/events/index`);
    await worker.locator('.event-card').first().waitFor();
    expect(await worker.locator('.nav-bar__back').count()).toBe(0);
    await worker.locator('.event-card').first().click();
    const submit = worker.locator('.signup-submit');
    await submit.waitFor();
    await expect(worker.getByRole('heading', { level: 1, name: '活动详情' }).waitFor()).resolves.toBeUndefined();

    // 报名 is a button a keyboard reaches and presses: Enter sends the empty form, which asks for a name.
    expect(await submit.getAttribute('role')).toBe('button');
    expect(await submit.getAttribute('tabindex')).toBe('0');
    await submit.focus();
    await worker.keyboard.press('Enter');
    await worker.locator('.field-error').first().waitFor();

    await worker.getByRole('button', { name: /返回/ }).click();
    await worker.locator('.event-card').first().waitFor();
    expect(new URL(worker.url()).pathname).toBe('/pages/events/index');
  });

  it('offers 首页 on a page opened from a shared link, and a way on from an unknown address', async () => {
    const worker = await journey.personOnPhone('demo-worker');
    await worker.goto(`${journey.url}/career/pages/job/index?id=no-such-job`);
    await worker.getByText('内容不存在或已删除').waitFor();
    await worker.goto(`${journey.url}/pages/no-such-page/index`);
    await worker.getByRole('heading', { level: 1, name: '页面不存在' }).waitFor();
    await worker.getByRole('button', { name: '返回首页' }).click();
    await worker.locator('.event-card').first().waitFor();
  });

  it('shows every page to a worker without a serious accessibility fault', async () => {
    await visit(await journey.personOnPhone('demo-worker'), 'worker', WORKER);
  });

  it('shows every page to HR without a serious accessibility fault', async () => {
    await visit(await journey.personOnPhone('demo-hr'), 'hr', HR);
  });

  it('shows every page to staff without a serious accessibility fault', async () => {
    await visit(await journey.personOnPhone('demo-staff'), 'staff', STAFF);
  });

  it('shows every page to an admin without a serious accessibility fault', async () => {
    await visit(await journey.personOnPhone('demo-admin'), 'admin', ADMIN);
  });
});
