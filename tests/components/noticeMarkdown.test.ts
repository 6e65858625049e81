import { noticeToMarkdown, parseNoticeMarkdown } from '@shared/notice-markdown';
import { NoticeBody } from '@shared/notices';
import { validateNoticeForm, emptyNoticeForm } from '../../src/staff/pages/notice-edit/noticeForm';

const TEXT = `# 补贴对象
本市户籍、在本市灵活就业的人员。
按时缴纳社会保险费。

## 怎么申请
1. 登录“一网通办”
2、填写申请表
3）等待审核

- 身份证
* 缴费凭证
[政策原文](https://rsj.sh.gov.cn/a.html)
最后一段。`;

describe('the notice editor’s markdown subset', () => {
  it('turns headings, paragraphs, numbered and bulleted lists and links into blocks', () => {
    expect(parseNoticeMarkdown(TEXT)).toEqual([
      { kind: 'heading', text: '补贴对象' },
      { kind: 'paragraph', text: '本市户籍、在本市灵活就业的人员。\n按时缴纳社会保险费。' },
      { kind: 'heading', text: '怎么申请' },
      { kind: 'list', ordered: true, items: ['登录“一网通办”', '填写申请表', '等待审核'] },
      { kind: 'list', ordered: false, items: ['身份证', '缴费凭证'] },
      { kind: 'link', text: '政策原文', url: 'https://rsj.sh.gov.cn/a.html' },
      { kind: 'paragraph', text: '最后一段。' },
    ]);
  });

  it('gives back the same blocks from the text it writes for them', () => {
    const blocks = parseNoticeMarkdown(TEXT);
    expect(parseNoticeMarkdown(noticeToMarkdown(blocks))).toEqual(blocks);
  });

  it('keeps HTML as plain paragraph text, and leaves a javascript: link for the contract to refuse', () => {
    const blocks = parseNoticeMarkdown('<script>alert(1)</script>\n\n[点我](javascript:alert(1))');
    expect(blocks[0]).toEqual({ kind: 'paragraph', text: '<script>alert(1)</script>' });
    expect(NoticeBody.safeParse(blocks).success).toBe(false);
  });

  it('tells staff which paragraph is wrong before anything is sent', () => {
    const values = {
      ...emptyNoticeForm('2026-11-20'),
      title: '灵活就业社保补贴',
      category: 'insurance' as const,
      summary: '灵活就业人员可申请补贴。',
      issuer: '佘山镇社区事务受理服务中心',
      bodyText: '第一段\n\n[点我](javascript:alert(1))',
    };
    expect(validateNoticeForm(values)).toEqual({ ok: false, errors: { body: '第 2 段：链接须为以 https:// 开头的网址' } });
    expect(validateNoticeForm({ ...values, bodyText: '第一段' })).toMatchObject({ ok: true, input: { attachmentUrl: null, eventIds: [] } });
  });
});
