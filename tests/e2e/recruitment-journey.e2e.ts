/**
 * The journeys of 云招聘, in a real browser against `npm start`:
 * the seeded HR contact (上海咏姿时装有限公司, approved for the 就业援助月 fair) posts a job at that fair;
 * a worker finds it by a Chinese keyword, also sees it on the fair's page, and applies with a short résumé;
 * HR invites them to an interview; the worker sees the invitation (time, place, note) under 我的求职.
 * A new HR contact claims an enterprise (a wrong 统一社会信用代码 is caught before sending), staff approve the claim
 * and its place at a fair, and the fair's figures count it. A worker asks for 就业指导 and reads the staff's answer.
 */
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { browserJourney, fill, pick } from './support/journey';

const FAIR_TITLE = '就业援助月';
const JOB_TITLE = '立体剪裁版型师';
const KEYWORD = '版型';
const WORKER_NAME = '王师傅';
const INTERVIEW_NOTE = '请带身份证，到一楼前台找李经理';

/**
 * A phone photo as people pick it: 2000×1500, a scene with grain, saved as a JPEG of about 750 KB — far over the
 * logo limit. Drawn by the page's own canvas, so nothing is read from disk.
 */
async function aPhonePhoto(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const [w, h] = [2000, 1500];
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    const sky = ctx.createLinearGradient(0, 0, w, h);
    sky.addColorStop(0, '#7aa6c2');
    sky.addColorStop(0.5, '#e9d8a6');
    sky.addColorStop(1, '#386641');
    ctx.fillStyle = sky;
    ctx.fillRect(0, 0, w, h);
    ctx.fillStyle = '#c8102e';
    ctx.beginPath();
    ctx.arc(w / 2, h / 2, h / 4, 0, Math.PI * 2);
    ctx.fill();
    const pixels = ctx.getImageData(0, 0, w, h);
    let seed = 42;
    for (let i = 0; i < pixels.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const grain = (seed / 0x7fffffff - 0.5) * 32;
      pixels.data[i] += grain;
      pixels.data[i + 1] += grain;
      pixels.data[i + 2] += grain;
    }
    ctx.putImageData(pixels, 0, 0);
    const blob = (await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85))) as Blob;
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  });
  return Buffer.from(base64, 'base64');
}

describe('云招聘 in the browser', () => {
  const journey = browserJourney();
  const { personOnPhone } = journey;

  it('posts a job at a fair, finds it by keyword, applies, invites to an interview and shows the invitation', async () => {
    // HR: 企业中心 → 参加招聘会 → the fair they are approved for → 发布本场岗位.
    const hr = await personOnPhone('demo-hr');
    await hr.locator('.enterprise-entry').click();
    await hr.locator('.enterprise-head', { hasText: '上海咏姿时装有限公司' }).waitFor();

    // 企业标志: a picture the browser cannot open (a HEIC in Chrome) is the one refused, in words a person understands.
    const refused = hr.waitForEvent('filechooser');
    await hr.locator('.enterprise-logo-choose').click();
    await (await refused).setFiles({ name: 'IMG_0001.HEIC', mimeType: 'image/heic', buffer: Buffer.from('\0\0\0\x18ftypheic') });
    await hr.locator('.enterprise-form .field-error', { hasText: '这张图片无法读取' }).waitFor();

    // A phone photo of ~750 KB is taken as it is: cropped square and compressed on the phone, then saved.
    const photo = await aPhonePhoto(hr);
    expect(photo.length).toBeGreaterThan(470 * 1024);
    const chooser = hr.waitForEvent('filechooser');
    await hr.locator('.enterprise-logo-choose').click();
    await (await chooser).setFiles({ name: 'IMG_20261201_093015.jpg', mimeType: 'image/jpeg', buffer: photo });
    await hr.locator('.enterprise-form__logo-image img[src^="data:image/jpeg"]').waitFor();
    expect(await hr.locator('.enterprise-form .field-error').count()).toBe(0);
    await hr.locator('.enterprise-save').tap();
    const headLogo = hr.locator('.enterprise-head__logo img[src^="/files/"]');
    await headLogo.waitFor();
    // What was stored: a 512×512 JPEG within the 64 KB limit, served from the file store.
    const stored = await headLogo.evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      const response = await fetch(img.src);
      return { width: img.naturalWidth, height: img.naturalHeight, type: response.headers.get('content-type'), bytes: (await response.arrayBuffer()).byteLength };
    });
    expect(stored).toMatchObject({ width: 512, height: 512, type: 'image/jpeg' });
    expect(stored.bytes).toBeLessThanOrEqual(64 * 1024);
    console.log(`logo: a ${Math.round(photo.length / 1024)} KB 2000×1500 photo was stored as ${Math.round(stored.bytes / 1024)} KB, ${stored.width}×${stored.height}`);
    // The head of 企业中心 with its new logo, once the 已保存 toast has gone.
    await hr.getByText('已保存', { exact: true }).waitFor({ state: 'hidden' });
    await headLogo.scrollIntoViewIfNeeded();
    await screenshot(hr, 'recruitment-00-hr-logo');

    await hr.locator('.hr-fairs-entry').click();
    const fair = hr.locator('.hr-fair', { hasText: FAIR_TITLE }).first();
    await fair.locator('.hr-fair-post').click();
    await hr.locator('.job-fair', { hasText: FAIR_TITLE }).waitFor();

    await fill(hr, '.job-title', JOB_TITLE);
    await pick(hr, '.job-category', '生产制造');
    await fill(hr, '.job-salary-min', '7000');
    await fill(hr, '.job-salary-max', '9500');
    await fill(hr, '.job-headcount', '2');
    await pick(hr, '.job-district', '佘山镇');
    await fill(hr, '.job-place', '佘山镇工业园区咏姿厂区');
    await fill(hr, '.job-requirements', '三年以上女装制版经验');
    await hr.locator('.job-benefits .choice-chip', { hasText: '五险一金' }).click();
    await hr.locator('.job-benefits .choice-chip', { hasText: '带薪培训' }).click();
    await screenshot(hr, 'recruitment-01-hr-job-form');
    await hr.locator('.job-save').tap();

    // Saved, the editor goes back; the job is in 岗位管理 as 招聘中.
    await hr.goto(`${journey.url}/hr/pages/jobs/index`);
    const posted = hr.locator('.hr-job', { hasText: JOB_TITLE }).first();
    await posted.waitFor();
    expect(await posted.innerText()).toContain('招聘中');
    expect(await posted.innerText()).toContain('7000–9500 元/月');

    // Worker: 岗位 tab, search by a Chinese keyword, open the job, apply.
    const worker = await personOnPhone('demo-worker');
    await worker.goto(`${journey.url}/pages/jobs/index`);
    await worker.locator('.job-card').first().waitFor();
    await worker.locator('.job-search-input input').fill(KEYWORD);
    await worker.locator('.job-search-submit').tap();
    const found = worker.locator('.job-card', { hasText: JOB_TITLE });
    // The unsearched first page already shows the new job: wait for the search's own answer, a list of exactly one.
    await worker.waitForFunction(() => document.querySelectorAll('.job-card').length === 1);
    await found.first().waitFor();
    expect(await worker.locator('.job-card').count()).toBe(1);
    expect(await found.first().innerText()).toContain('五险一金');
    await screenshot(worker, 'recruitment-02-worker-search');

    await found.first().click();
    await worker.locator('.job-detail__title', { hasText: JOB_TITLE }).waitFor();
    await worker.locator('.job-detail__fair-title', { hasText: FAIR_TITLE }).waitFor();
    // The enterprise's logo, as its HR contact uploaded it above.
    await worker.locator('.enterprise-card__logo img[src^="/files/"]').waitFor();
    await worker.locator('.job-apply').tap();
    await fill(worker, '.resume-name', WORKER_NAME);
    await fill(worker, '.resume-phone', '13800000011');
    await fill(worker, '.resume-age', '15');
    await worker.locator('.resume-submit').tap();
    await worker.getByText('年龄应在 16–70 岁之间').waitFor();
    await fill(worker, '.resume-age', '38');
    await fill(worker, '.resume-experience', '在服装厂做过 8 年制版');
    await worker.locator('.resume-submit').tap();
    await worker.locator('.application-status', { hasText: '已投递' }).waitFor();
    await worker.locator('.job-detail__applied', { hasText: '我的申请' }).waitFor();
    await screenshot(worker, 'recruitment-03-worker-applied');

    // The fair's page lists the job too.
    await worker.goto(`${journey.url}/pages/events/detail?id=demo-fair-aid`);
    await worker.locator('.fair-section', { hasText: '上海咏姿时装有限公司' }).waitFor();
    await worker.locator('.fair-jobs-entry').click();
    await worker.locator('.job-card', { hasText: JOB_TITLE }).first().waitFor();

    // HR: the applicant with phone, age and experience; invite to an interview.
    await hr.reload();
    await hr.locator('.hr-job', { hasText: JOB_TITLE }).first().locator('.hr-job-applicants').click();
    const row = hr.locator('.applicant-row', { hasText: WORKER_NAME }).first();
    await row.waitFor();
    const rowText = await row.innerText();
    expect(rowText).toContain('13800000011');
    expect(rowText).toContain('38 岁');
    expect(rowText).toContain('在服装厂做过 8 年制版');
    await row.locator('.applicant-interview').tap();
    await fill(hr, '.interview-note', INTERVIEW_NOTE);
    await hr.locator('.interview-save').tap();
    await row.locator('.application-status', { hasText: '待面试' }).waitFor();
    await screenshot(hr, 'recruitment-04-hr-invited');

    // Worker: 我的 → 我的求职 shows the invitation with its time, place and note.
    await worker.goto(`${journey.url}/pages/me/index`);
    await worker.locator('.applications-entry').click();
    await worker.locator('.my-applications').waitFor();
    const mine = worker.locator('.my-application', { hasText: JOB_TITLE }).first();
    await mine.locator('.application-status', { hasText: '待面试' }).waitFor();
    const invite = await mine.locator('.interview-invite').innerText();
    expect(invite).toContain('10:00');
    expect(invite).toContain('佘山镇工业园区咏姿厂区');
    expect(invite).toContain(INTERVIEW_NOTE);
    // Let the page finish sliding in before the picture.
    await worker.waitForTimeout(500);
    await screenshot(worker, 'recruitment-05-worker-invitation');
  });

  it('claims an enterprise, staff approve the claim and its place at a fair, and the fair figures count it', async () => {
    const company = '上海佘山新材料有限公司';
    const hr = await personOnPhone('e2e-new-hr');
    await hr.locator('.enterprise-entry').click();
    await fill(hr, '.claim-name', company);
    await fill(hr, '.claim-uscc', '91310000132149237H');
    await hr.locator('.claim-submit').tap();
    await hr.getByText('统一社会信用代码校验未通过，请核对营业执照上的代码').waitFor();
    await fill(hr, '.claim-uscc', '91310000132149237g');
    await fill(hr, '.claim-claimant-name', '周敏');
    await fill(hr, '.claim-claimant-phone', '13912345678');
    await hr.locator('.claim-submit').tap();
    const pending = hr.locator('.claim-pending');
    await pending.locator('.claim-status', { hasText: '待审核' }).waitFor();
    expect(await pending.innerText()).toContain('91310000132149237G');

    const staff = await personOnPhone('demo-staff');
    await staff.goto(`${journey.url}/staff/pages/workbench/index`);
    await staff.locator('.claims-entry').click();
    const claim = staff.locator('.claim-row', { hasText: company }).first();
    await claim.locator('.claim-approve').tap();
    await staff.getByText('确定通过', { exact: true }).click();
    await staff.locator('.claim-row', { hasText: company }).waitFor({ state: 'detached' });

    await hr.reload();
    await hr.locator('.enterprise-head', { hasText: company }).waitFor();
    await hr.locator('.hr-fairs-entry').click();
    const spring = hr.locator('.hr-fair', { hasText: '春风行动' }).first();
    await spring.locator('.fair-join').tap();
    await spring.getByText('参会申请待审核').waitFor();

    await staff.goto(`${journey.url}/staff/pages/workbench/index`);
    await staff.locator('.fair-requests-entry').click();
    const request = staff.locator('.fair-request', { hasText: company }).first();
    await request.getByText(/春风行动/).waitFor();
    await request.locator('.fair-approve').tap();
    await staff.getByText('确定通过', { exact: true }).click();
    await staff.locator('.fair-request', { hasText: company }).waitFor({ state: 'detached' });

    await staff.goto(`${journey.url}/staff/pages/workbench/index`);
    await staff.locator('.filter-tabs').getByText('已发布').click();
    await staff.locator('.workbench-event', { hasText: '春风行动' }).first().locator('.fair-stats').click();
    await staff.locator('.fair-figure--enterprises .fair-figure__value', { hasText: '1' }).waitFor();
    await screenshot(staff, 'recruitment-06-fair-stats');
  });

  it('asks for 就业指导 and shows the staff answer', async () => {
    const worker = await personOnPhone('e2e-jobseeker');
    await worker.locator('.me-page .guidance-entry').click();
    await fill(worker, '.guidance-topic', '想从外卖骑手转做仓储管理，需要什么证书？');
    await fill(worker, '.guidance-times', '工作日下午');
    await fill(worker, '.guidance-phone', '13900000022');
    await worker.locator('.guidance-submit').tap();
    const mine = worker.locator('.guidance-request', { hasText: '仓储管理' }).first();
    await mine.locator('.guidance-status', { hasText: '待答复' }).waitFor();

    const staff = await personOnPhone('demo-staff');
    await staff.goto(`${journey.url}/staff/pages/guidance/index`);
    const row = staff.locator('.guidance-row', { hasText: '仓储管理' }).first();
    await row.locator('.guidance-answer textarea').fill('叉车证可在镇社区学校报名培训，已约 12 月 5 日下午面谈。');
    await row.locator('.guidance-answer-submit').tap();
    await staff.locator('.guidance-row', { hasText: '仓储管理' }).waitFor({ state: 'detached' });

    await worker.reload();
    const answered = worker.locator('.guidance-request', { hasText: '仓储管理' }).first();
    await answered.locator('.guidance-status', { hasText: '已答复' }).waitFor();
    expect(await answered.innerText()).toContain('叉车证可在镇社区学校报名培训');
  });
});
