import { render, screen } from '@testing-library/react';
import type { NoticeBlock } from '@shared/notices';
import { NoticeBody } from '../../src/components/NoticeBody';

const BLOCKS: NoticeBlock[] = [
  { kind: 'heading', text: '补贴对象' },
  { kind: 'paragraph', text: '在本镇灵活就业的人员。' },
  { kind: 'list', ordered: true, items: ['登录“一网通办”', '填写申请表'] },
  { kind: 'list', ordered: false, items: ['身份证', '缴费凭证'] },
  { kind: 'link', text: '政策原文', url: 'https://rsj.sh.gov.cn/notice.html' },
];

describe('NoticeBody', () => {
  it('shows headings, paragraphs and list items as text, in order', () => {
    const { container } = render(<NoticeBody blocks={BLOCKS} />);

    expect(screen.getByText('补贴对象')).toBeTruthy();
    expect(screen.getByText('在本镇灵活就业的人员。')).toBeTruthy();
    expect(container.textContent).toMatch(/补贴对象.*在本镇灵活就业的人员。.*登录“一网通办”.*填写申请表.*身份证.*缴费凭证.*政策原文/);
  });

  it('numbers an ordered list and bullets the other', () => {
    const { container } = render(<NoticeBody blocks={BLOCKS} />);

    const ordered = container.querySelector('.notice-body__list--ordered');
    const bulleted = container.querySelector('.notice-body__list--bulleted');
    expect([...(ordered?.querySelectorAll('.notice-body__marker') ?? [])].map((m) => m.textContent)).toEqual(['1.', '2.']);
    expect([...(bulleted?.querySelectorAll('.notice-body__marker') ?? [])].map((m) => m.textContent)).toEqual(['•', '•']);
  });

  it('makes a link a real link on H5, opened in a new tab without handing over the page', () => {
    render(<NoticeBody blocks={BLOCKS} />);

    const link = screen.getByText('政策原文').closest('a');
    expect(link?.getAttribute('href')).toBe('https://rsj.sh.gov.cn/notice.html');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('shows markup typed into a paragraph as the characters typed, never as elements', () => {
    const { container } = render(<NoticeBody blocks={[{ kind: 'paragraph', text: '<img src=x onerror=alert(1)><b>加粗</b>' }]} />);

    expect(screen.getByText('<img src=x onerror=alert(1)><b>加粗</b>')).toBeTruthy();
    expect(container.querySelector('img, b, script')).toBeNull();
  });
});
