/** Notice inputs for tests: a realistic 送政策 notice, and one created and published by staff. */
import type { NoticeCreateInput } from '@shared/notices';
import type { World } from './world';

export function aNotice(overrides: Partial<NoticeCreateInput> = {}): NoticeCreateInput {
  return {
    title: '灵活就业人员社会保险费补贴申领指南',
    category: 'insurance',
    summary: '在佘山镇灵活就业的新就业群体，缴纳城镇职工社会保险后可申请补贴。',
    body: [
      { kind: 'heading', text: '补贴对象' },
      { kind: 'paragraph', text: '本市户籍、在本市灵活就业并按规定缴纳社会保险费的人员。' },
      { kind: 'list', ordered: true, items: ['登录“一网通办”', '填写申请表', '等待审核'] },
      { kind: 'link', text: '政策原文', url: 'https://rsj.sh.gov.cn/notice/2026-01.html' },
    ],
    issuer: '上海市人力资源和社会保障局',
    issuedOn: '2026-11-20',
    attachmentUrl: 'https://rsj.sh.gov.cn/files/2026-01.pdf',
    eventIds: [],
    ...overrides,
  };
}

/** Creates and publishes a notice as staff; returns its id. */
export async function aPublishedNotice(world: Pick<World, 'call'>, overrides: Partial<NoticeCreateInput> = {}): Promise<string> {
  const notice = await world.call('staff-1', 'notices.create', aNotice(overrides));
  await world.call('staff-1', 'notices.publish', { id: notice.id });
  return notice.id;
}

/** For the authorization and bad-input fixtures: a published notice linking the event, and a draft. */
export async function noticesFor(world: Pick<World, 'call'>, eventId: string): Promise<{ noticeId: string; draftNoticeId: string }> {
  const noticeId = await aPublishedNotice(world, { eventIds: [eventId] });
  const draft = await world.call('staff-1', 'notices.create', aNotice({ title: '人才安居租房补贴（征求意见稿）', category: 'talent' }));
  return { noticeId, draftNoticeId: draft.id };
}
