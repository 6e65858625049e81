/**
 * The repository contract of 送政策 notices, written against the port only; run on every adapter by
 * tests/server/repositories.test.ts.
 */
import type { NoticeRecord, Repositories } from '../../../cloudfunctions/api/src/core/ports';
import { editNoticeRule, moveNoticeRule, noticeSearchTerms } from '../../../cloudfunctions/api/src/notices/rules';
import { DomainError } from '../../../cloudfunctions/api/src/core/errors';
import type { RepoHarness } from './repositories.contract';

const NOW = '2026-12-01T02:00:00.000Z';
const LATER = '2026-12-01T03:00:00.000Z';

const at = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();

export const aNoticeRecord = (overrides: Partial<NoticeRecord> = {}): NoticeRecord => ({
  id: 'nt-1',
  title: '灵活就业人员社会保险费补贴申领指南',
  category: 'insurance',
  summary: '缴纳城镇职工社会保险后可申请补贴。',
  body: [
    { kind: 'heading', text: '补贴对象' },
    { kind: 'paragraph', text: '在本市灵活就业的人员。\n第二行。' },
    { kind: 'list', ordered: false, items: ['一', '二', '三'] },
    { kind: 'link', text: '原文', url: 'https://rsj.sh.gov.cn/a.html' },
  ],
  issuer: '上海市人力资源和社会保障局',
  issuedOn: '2026-11-20',
  attachmentUrl: 'https://rsj.sh.gov.cn/a.pdf',
  eventIds: ['ev-1', 'ev-2'],
  status: 'draft',
  publishedAt: null,
  createdBy: 'staff-1',
  createdAt: NOW,
  updatedAt: NOW,
  ...overrides,
});

const creation = (id: string) => ({ actor: 'staff-1', action: 'notice.create', recordType: 'notice', recordId: id, detail: null });

export function describeNoticesContract(name: string, open: () => Promise<RepoHarness>): void {
  describe(`repository contract (送政策): ${name}`, () => {
    let h: RepoHarness;
    let repos: Repositories;
    beforeAll(async () => {
      h = await open();
      repos = h.repos;
    });
    beforeEach(() => h.reset());
    afterAll(() => h.close());

    const insert = (n: NoticeRecord) => repos.notices.insert(n, noticeSearchTerms(n), creation(n.id));
    const publish = (id: string, now = LATER) => repos.notices.update(id, now, moveNoticeRule('publish', 'staff-1', now));

    it('stores a notice and reads it back field for field, with the audit entry of its creation', async () => {
      await insert(aNoticeRecord());
      expect(await repos.notices.get('nt-1')).toEqual(aNoticeRecord());
      expect(await repos.notices.get('nope')).toBeNull();
      expect(await repos.audit.listFor('notice', 'nt-1')).toEqual([{ ...creation('nt-1'), at: NOW }]);
    });

    it('applies a guarded change with its audit entry, replacing arrays whole', async () => {
      await insert(aNoticeRecord());
      const shorter = [{ kind: 'paragraph' as const, text: '只剩一段' }];
      const edited = await repos.notices.update('nt-1', LATER, editNoticeRule({ body: shorter, eventIds: ['ev-3'], attachmentUrl: null }, 'staff-2'));
      expect(edited).toEqual(aNoticeRecord({ body: shorter, eventIds: ['ev-3'], attachmentUrl: null, updatedAt: LATER }));
      expect(await repos.notices.get('nt-1')).toEqual(edited);
      expect((await repos.audit.listFor('notice', 'nt-1')).at(-1)).toMatchObject({ actor: 'staff-2', action: 'notice.update', at: LATER });

      expect(await publish('nt-1')).toMatchObject({ status: 'published', publishedAt: LATER });
    });

    it('writes nothing when the guard refuses, and answers NOT_FOUND for a missing notice', async () => {
      await insert(aNoticeRecord());
      await expect(repos.notices.update('nt-1', LATER, moveNoticeRule('withdraw', 'staff-1', LATER))).rejects.toBeInstanceOf(DomainError);
      expect(await repos.notices.get('nt-1')).toEqual(aNoticeRecord());
      expect(await repos.audit.listFor('notice', 'nt-1')).toHaveLength(1);
      await expect(publish('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('lists by status and category, newest first, by keyword terms, from a position', async () => {
      await insert(aNoticeRecord({ id: 'nt-1', createdAt: at(1) }));
      await insert(aNoticeRecord({ id: 'nt-2', title: '人才安居租房补贴', category: 'talent', createdAt: at(2) }));
      await insert(aNoticeRecord({ id: 'nt-3', title: '职业伤害保障', summary: '骑手', body: [{ kind: 'paragraph', text: '平台按单缴费' }], createdAt: at(3) }));
      await insert(aNoticeRecord({ id: 'nt-4', title: '草稿', createdAt: at(4) }));
      for (const id of ['nt-1', 'nt-2', 'nt-3']) await publish(id);
      const ids = (rows: NoticeRecord[]) => rows.map((r) => r.id);

      expect(ids(await repos.notices.list({ status: 'published', limit: 10 }))).toEqual(['nt-3', 'nt-2', 'nt-1']);
      expect(ids(await repos.notices.list({ status: 'draft', limit: 10 }))).toEqual(['nt-4']);
      expect(ids(await repos.notices.list({ status: 'published', category: 'talent', limit: 10 }))).toEqual(['nt-2']);
      expect(ids(await repos.notices.list({ status: 'published', terms: ['补贴'], limit: 10 }))).toEqual(['nt-2', 'nt-1']);
      expect(ids(await repos.notices.list({ status: 'published', terms: ['骑手', '骑'], limit: 10 }))).toEqual(['nt-3']);
      expect(ids(await repos.notices.list({ status: 'published', limit: 2 }))).toEqual(['nt-3', 'nt-2']);
      expect(ids(await repos.notices.list({ status: 'published', after: { createdAt: at(2), id: 'nt-2' }, limit: 10 }))).toEqual(['nt-1']);
      // The terms stay inside the store.
      expect((await repos.notices.list({ status: 'published', limit: 1 }))[0]).not.toHaveProperty('searchTerms');
    });

    it('orders notices created in the same instant by id', async () => {
      for (const id of ['nt-a', 'nt-c', 'nt-b']) await insert(aNoticeRecord({ id }));
      const first = await repos.notices.list({ status: 'draft', limit: 2 });
      expect(first.map((r) => r.id)).toEqual(['nt-c', 'nt-b']);
      const rest = await repos.notices.list({ status: 'draft', after: { createdAt: NOW, id: 'nt-b' }, limit: 2 });
      expect(rest.map((r) => r.id)).toEqual(['nt-a']);
    });

    it('finds the published notices that link an event, newest first, at most as many as asked', async () => {
      await insert(aNoticeRecord({ id: 'nt-1', eventIds: ['ev-1'], createdAt: at(1) }));
      await insert(aNoticeRecord({ id: 'nt-2', title: '第二份', eventIds: ['ev-2', 'ev-1'], createdAt: at(2) }));
      await insert(aNoticeRecord({ id: 'nt-3', eventIds: ['ev-1'], createdAt: at(3) }));
      await insert(aNoticeRecord({ id: 'nt-4', eventIds: ['ev-2'], createdAt: at(4) }));
      for (const id of ['nt-1', 'nt-2', 'nt-4']) await publish(id);

      expect(await repos.notices.publishedForEvent('ev-1', 10)).toEqual([
        { id: 'nt-2', title: '第二份', category: 'insurance' },
        { id: 'nt-1', title: aNoticeRecord().title, category: 'insurance' },
      ]);
      expect((await repos.notices.publishedForEvent('ev-1', 1)).map((p) => p.id)).toEqual(['nt-2']);
      expect(await repos.notices.publishedForEvent('ev-9', 10)).toEqual([]);
    });
  });
}
