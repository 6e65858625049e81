import { messageText, preview, recipientText, PREVIEW_LENGTH } from '../../src/staff/pages/outbox/preview';

describe('通知记录 previews', () => {
  it('shows a promotion with the event title and its start in Shanghai time, never the event id or a UTC time', () => {
    const text = messageText({
      template: 'registration_promoted',
      data: { eventId: 'ev-123', title: '周五人才会客厅', startAt: '2026-12-02T01:00:00.000Z', location: '会客厅', status: '已报名', statusCode: 'confirmed' },
    });
    expect(text).toContain('周五人才会客厅');
    expect(text).toContain('09:00');
    expect(text).not.toMatch(/ev-123|T01:00|Z|confirmed/);
  });

  it('joins a question and its answer without stray punctuation', () => {
    const text = messageText({ template: 'guidance_answered', data: { topic: '怎么转岗？', answer: '可以先参加培训' } });
    expect(text).toBe('「怎么转岗」已答复：可以先参加培训');
    expect(text).not.toContain('？，');
  });

  it('cuts a long message with an ellipsis', () => {
    const long = '请携带身份证和简历到现场，工作人员会为您介绍岗位要求和培训安排，并协助您完成报名登记。';
    const shown = preview({ template: 'guidance_answered', data: { topic: '转岗', answer: long } });
    expect(shown.endsWith('…')).toBe(true);
    expect(Array.from(shown)).toHaveLength(PREVIEW_LENGTH + 1);
  });

  it('names the recipient with a masked phone instead of an openid', () => {
    expect(recipientText({ recipientName: '王师傅', recipientPhone: '138****0011' })).toBe('王师傅 138****0011');
    expect(recipientText({ recipientName: null, recipientPhone: null })).toBe('姓名未登记的用户');
  });
});
