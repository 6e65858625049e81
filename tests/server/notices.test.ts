/** 送政策: staff write, publish and withdraw notices; everyone finds the published ones by category and keyword. */
import type { NoticeCategory } from '@shared/notices';
import { seedDemo } from '../../cloudfunctions/api/src/demo/seed';
import { NoticeCreateInput } from '@shared/notices';
import { ENGINES } from './support/db';
import { aNotice, aPublishedNotice } from './support/notices';
import { aPublishedEvent, anEvent, makeWorld, type World } from './support/world';

describe.each(ENGINES)('notices on %s', (engine) => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld(engine);
  });
  beforeEach(async () => {
    await world.reset();
    await world.givenUser('worker-1');
  });
  afterAll(() => world.close());

  const tick = (minutes: number) => world.setNow(new Date(world.clock.now.getTime() + minutes * 60_000).toISOString());
  const auditOf = async (id: string) => (await world.deps.repos.audit.listFor('notice', id)).map((e) => [e.actor, e.action]);
  const titles = (page: { items: { title: string }[] }) => page.items.map((n) => n.title);

  describe('its life: draft, published, withdrawn', () => {
    it('starts as a draft and goes published → withdrawn → published again, each step audited', async () => {
      const draft = await world.call('staff-1', 'notices.create', aNotice());
      expect(draft).toMatchObject({ status: 'draft', publishedAt: null, attachmentUrl: 'https://rsj.sh.gov.cn/files/2026-01.pdf' });
      expect(draft).not.toHaveProperty('createdBy');

      const published = await world.call('staff-1', 'notices.publish', { id: draft.id });
      expect(published).toMatchObject({ status: 'published', publishedAt: world.clock.now.toISOString() });
      tick(60);
      expect(await world.call('staff-1', 'notices.withdraw', { id: draft.id })).toMatchObject({ status: 'withdrawn' });
      tick(60);
      const again = await world.call('staff-1', 'notices.publish', { id: draft.id });
      expect(again).toMatchObject({ status: 'published', publishedAt: world.clock.now.toISOString() });

      expect(await auditOf(draft.id)).toEqual([
        ['staff-1', 'notice.create'],
        ['staff-1', 'notice.publish'],
        ['staff-1', 'notice.withdraw'],
        ['staff-1', 'notice.publish'],
      ]);
    });

    it('refuses to publish a published notice or withdraw one that is not published, and writes nothing then', async () => {
      const draft = await world.call('staff-1', 'notices.create', aNotice());
      expect(await world.send('staff-1', 'notices.withdraw', { id: draft.id })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_TRANSITION', message: '草稿尚未发布，无需撤回' },
      });
      await world.call('staff-1', 'notices.publish', { id: draft.id });
      expect(await world.send('staff-1', 'notices.publish', { id: draft.id })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_TRANSITION', message: '该政策已经发布' },
      });
      await world.call('staff-1', 'notices.withdraw', { id: draft.id });
      expect(await world.send('staff-1', 'notices.withdraw', { id: draft.id })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
      expect(await auditOf(draft.id)).toHaveLength(3);
    });

    it('lets staff correct a published notice in place, saying which fields changed', async () => {
      const id = await aPublishedNotice(world);
      const edited = await world.call('staff-1', 'notices.update', { id, summary: '补贴标准按月发放，每人每月最高 800 元。', attachmentUrl: null });
      expect(edited).toMatchObject({ status: 'published', summary: '补贴标准按月发放，每人每月最高 800 元。', attachmentUrl: null });
      expect((await world.deps.repos.audit.listFor('notice', id)).at(-1)).toMatchObject({ action: 'notice.update', detail: '修改：summary、attachmentUrl' });
    });
  });

  describe('who sees what', () => {
    it('hides drafts and withdrawn notices from everyone but staff, as if they did not exist', async () => {
      const draft = await world.call('staff-1', 'notices.create', aNotice({ title: '还在起草的通知' }));
      const withdrawnId = await aPublishedNotice(world, { title: '已经撤回的通知' });
      await world.call('staff-1', 'notices.withdraw', { id: withdrawnId });
      const publishedId = await aPublishedNotice(world, { title: '正在生效的通知' });

      for (const who of [null, 'worker-1']) {
        expect(titles(await world.call(who, 'notices.list', {}))).toEqual(['正在生效的通知']);
        for (const id of [draft.id, withdrawnId]) {
          expect(await world.send(who, 'notices.get', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
        }
        expect(await world.call(who, 'notices.get', { id: publishedId })).toMatchObject({ title: '正在生效的通知' });
      }
      expect(await world.call('staff-1', 'notices.get', { id: draft.id })).toMatchObject({ status: 'draft' });
      expect(titles(await world.call('staff-1', 'notices.list', { status: 'draft' }))).toEqual(['还在起草的通知']);
      expect(titles(await world.call('staff-1', 'notices.list', { status: 'withdrawn' }))).toEqual(['已经撤回的通知']);
    });

    it('refuses a list by status to anyone but staff', async () => {
      expect(await world.send('worker-1', 'notices.list', { status: 'draft' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await world.send(null, 'notices.list', { status: 'published' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    });
  });

  describe('finding a notice', () => {
    beforeEach(async () => {
      await aPublishedNotice(world, aNotice());
      tick(1);
      await aPublishedNotice(world, {
        title: '新就业形态就业人员职业伤害保障试点',
        category: 'insurance',
        summary: '外卖骑手、快递员等平台从业人员发生职业伤害可获保障。',
        issuer: '上海市人力资源和社会保障局',
        body: [{ kind: 'heading', text: '保障范围' }, { kind: 'paragraph', text: '由平台企业按单缴费。' }],
      });
      tick(1);
      await aPublishedNotice(world, {
        title: '松江区人才安居租房补贴',
        category: 'talent',
        summary: '符合条件的青年人才可申请租房补贴。',
        issuer: '松江区人才工作领导小组办公室',
        body: [{ kind: 'heading', text: '申请条件' }, { kind: 'paragraph', text: '在松江区就业的高校毕业生。' }],
      });
    });

    it('finds notices by a two-character Chinese keyword', async () => {
      expect(titles(await world.call(null, 'notices.list', { q: '补贴' }))).toEqual(['松江区人才安居租房补贴', '灵活就业人员社会保险费补贴申领指南']);
      expect(titles(await world.call(null, 'notices.list', { q: '骑手' }))).toEqual(['新就业形态就业人员职业伤害保障试点']);
    });

    it('finds notices by a four-character Chinese keyword, from the title, summary, issuer or a heading', async () => {
      expect(titles(await world.call(null, 'notices.list', { q: '灵活就业' }))).toEqual(['灵活就业人员社会保险费补贴申领指南']);
      expect(titles(await world.call(null, 'notices.list', { q: '职业伤害' }))).toEqual(['新就业形态就业人员职业伤害保障试点']);
      expect(titles(await world.call(null, 'notices.list', { q: '保障范围' }))).toEqual(['新就业形态就业人员职业伤害保障试点']);
      expect(titles(await world.call(null, 'notices.list', { q: '人才工作' }))).toEqual(['松江区人才安居租房补贴']);
    });

    it('finds nothing for a keyword whose characters are there but not together', async () => {
      // 就 and 补 both appear in the first notice, never side by side.
      expect(titles(await world.call(null, 'notices.list', { q: '就补' }))).toEqual([]);
    });

    it('narrows by category, and by category and keyword together', async () => {
      const byCategory = async (category: NoticeCategory, q?: string) =>
        titles(await world.call(null, 'notices.list', { category, ...(q ? { q } : {}) }));
      expect(await byCategory('talent')).toEqual(['松江区人才安居租房补贴']);
      expect(await byCategory('insurance')).toEqual(['新就业形态就业人员职业伤害保障试点', '灵活就业人员社会保险费补贴申领指南']);
      expect(await byCategory('insurance', '补贴')).toEqual(['灵活就业人员社会保险费补贴申领指南']);
      expect(await byCategory('party')).toEqual([]);
    });

    it('finds a notice by its new title once staff rename it, and no longer by the old one', async () => {
      const [target] = (await world.call(null, 'notices.list', { q: '人才安居' })).items;
      await world.call('staff-1', 'notices.update', { id: target.id, title: '松江区青年人才公寓申请' });
      expect(titles(await world.call(null, 'notices.list', { q: '人才公寓' }))).toEqual(['松江区青年人才公寓申请']);
      expect(titles(await world.call(null, 'notices.list', { q: '人才安居' }))).toEqual([]);
    });
  });

  it('pages through the library newest first, each notice once', async () => {
    for (let i = 1; i <= 23; i++) {
      await world.call('staff-1', 'notices.create', aNotice({ title: `第 ${i} 号通知` }));
      tick(1);
    }
    const all = (await world.call('staff-1', 'notices.list', { status: 'draft', limit: 50 })).items;
    for (const n of all) await world.call('staff-1', 'notices.publish', { id: n.id });

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await world.call('worker-1', 'notices.list', { limit: 10, ...(cursor ? { cursor } : {}) });
      seen.push(...titles(page));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => `第 ${23 - i} 号通知`));
  });

  describe('policies and events', () => {
    it('lists on the event page only the published notices that link it', async () => {
      const eventId = await aPublishedEvent(world, { type: 'policy', title: '新就业群体政策宣讲会' });
      const otherEventId = await aPublishedEvent(world, { title: '另一场活动' });
      const linked = await aPublishedNotice(world, { title: '职业伤害保障政策解读', eventIds: [eventId] });
      tick(1);
      await aPublishedNotice(world, { title: '别的活动的政策', eventIds: [otherEventId] });
      await world.call('staff-1', 'notices.create', aNotice({ title: '还没发布的政策', eventIds: [eventId] }));
      const withdrawn = await aPublishedNotice(world, { title: '撤回的政策', eventIds: [eventId, otherEventId] });
      await world.call('staff-1', 'notices.withdraw', { id: withdrawn });

      for (const who of [null, 'worker-1', 'staff-1']) {
        expect((await world.call(who, 'events.get', { id: eventId })).policies).toEqual([
          { id: linked, title: '职业伤害保障政策解读', category: 'insurance' },
        ]);
      }
    });

    it('shows on the notice the events it links, leaving a draft event out for everyone but staff', async () => {
      const eventId = await aPublishedEvent(world, { type: 'policy', title: '新就业群体政策宣讲会' });
      const draftEvent = await world.call('staff-1', 'events.create', anEvent({ title: '筹备中的宣讲会' }));
      const id = await aPublishedNotice(world, { eventIds: [eventId, draftEvent.id] });
      expect((await world.call('worker-1', 'notices.get', { id })).events.map((e) => e.title)).toEqual(['新就业群体政策宣讲会']);
      expect((await world.call('staff-1', 'notices.get', { id })).events.map((e) => e.title)).toEqual(['新就业群体政策宣讲会', '筹备中的宣讲会']);
    });

    it('refuses to link an event that does not exist, naming the field', async () => {
      const result = await world.send('staff-1', 'notices.create', aNotice({ eventIds: ['no-such-event'] }));
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['eventIds', 0] }] } });
      expect((await world.call('staff-1', 'notices.list', { status: 'draft' })).items).toEqual([]);
    });
  });

  it('seeds three published demo notices that pass the contract, each on a policy talk, and seeds them once', async () => {
    await seedDemo(world.deps.repos, world.clock.now, world.deps.newId);
    await seedDemo(world.deps.repos, world.clock.now, world.deps.newId);
    const seeded = (await world.call(null, 'notices.list', {})).items;
    expect(seeded.map((n) => n.title)).toEqual([
      '松江区人才安居：人才公寓与租房补贴申请',
      '新就业形态就业人员职业伤害保障政策解读',
      '灵活就业人员社会保险费补贴申领指南',
    ]);
    for (const { id } of seeded) {
      const { title, category, summary, body, issuer, issuedOn, attachmentUrl, eventIds } = await world.call(null, 'notices.get', { id });
      expect(NoticeCreateInput.safeParse({ title, category, summary, body, issuer, issuedOn, attachmentUrl, eventIds }).success).toBe(true);
    }
    expect(titles(await world.call(null, 'notices.list', { q: '骑手' }))).toEqual(['新就业形态就业人员职业伤害保障政策解读']);
    expect((await world.call('demo-worker', 'events.get', { id: 'demo-policy-jobs' })).policies.map((p) => p.title)).toEqual([
      '新就业形态就业人员职业伤害保障政策解读',
      '灵活就业人员社会保险费补贴申领指南',
    ]);
  });

  describe('what a body may hold', () => {
    const refusal = async (body: unknown) => {
      const result = await world.send('staff-1', 'notices.create', { ...aNotice(), body });
      return result.ok ? 'accepted' : result.error.code;
    };

    it('keeps headings, paragraphs, lists and https links exactly as sent', async () => {
      const created = await world.call('staff-1', 'notices.create', aNotice());
      expect((await world.call('staff-1', 'notices.get', { id: created.id })).body).toEqual(aNotice().body);
    });

    it('refuses blocks of unknown kinds, raw HTML fields, links that are not https and an empty body', async () => {
      expect(await refusal([{ kind: 'html', html: '<script>alert(1)</script>' }])).toBe('INVALID_INPUT');
      expect(await refusal([{ kind: 'paragraph', text: '正文', html: '<b>正文</b>' }])).toBe('INVALID_INPUT');
      expect(await refusal([{ kind: 'link', text: '点我', url: 'javascript:alert(1)' }])).toBe('INVALID_INPUT');
      expect(await refusal([{ kind: 'link', text: '点我', url: 'http://example.com/' }])).toBe('INVALID_INPUT');
      expect(await refusal([{ kind: 'link', text: '点我', url: 'data:text/html,<script>alert(1)</script>' }])).toBe('INVALID_INPUT');
      expect(await refusal([])).toBe('INVALID_INPUT');
      expect(await refusal([{ kind: 'paragraph', text: '长'.repeat(1001) }])).toBe('INVALID_INPUT');
      expect((await world.call('staff-1', 'notices.list', { status: 'draft' })).items).toEqual([]);
    });

    it('says in Chinese which block is wrong', async () => {
      const result = await world.send('staff-1', 'notices.create', {
        ...aNotice(),
        body: [{ kind: 'paragraph', text: '第一段' }, { kind: 'link', text: '点我', url: 'javascript:alert(1)' }],
      });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', issues: [{ path: ['body', 1, 'url'], message: '链接须为以 https:// 开头的网址' }] },
      });
    });
  });
});
