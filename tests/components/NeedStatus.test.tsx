import { render, screen } from '@testing-library/react';
import type { Need } from '@shared/needs';
import { NeedStatus } from '../../src/components/needs/NeedStatus';

function aNeed(overrides: Partial<Need> = {}): Need {
  return {
    id: 'need-1', orgId: 'ent-1', orgName: '上海咏姿时装有限公司', visitId: null, category: 'recruitment',
    text: '今年扩产需要招 30 名缝纫工。', attachment: null, status: 'submitted', department: null, reply: null, rating: null,
    ratingNote: null, createdAt: '2026-12-01T02:00:00.000Z', dueAt: '2026-12-15T15:59:59.999Z', closedAt: null,
    overdue: false, canRate: false, ...overrides,
  };
}

const steps = () => Array.from(document.querySelectorAll('.need-status__step--done')).map((s) => s.textContent);

describe('NeedStatus', () => {
  it('shows a new need as 待受理 with its category, text, enterprise and time limit, and only the first step reached', () => {
    render(<NeedStatus need={aNeed()} />);
    expect(screen.getByText('招聘用工')).toBeTruthy();
    expect(screen.getByText('今年扩产需要招 30 名缝纫工。')).toBeTruthy();
    expect(screen.getByText('待受理', { selector: '.need-status__label' })).toBeTruthy();
    expect(steps()).toEqual(['待受理']);
    expect(screen.getByText(/^办理时限：/)).toBeTruthy();
    expect(screen.getByText(/上海咏姿时装有限公司/)).toBeTruthy();
    expect(screen.queryByText('已超期')).toBeNull();
  });

  it('flags an open need past its limit as 已超期 and names the department handling it', () => {
    render(<NeedStatus need={aNeed({ status: 'in_progress', department: '经发办', overdue: true })} />);
    expect(screen.getByText('已超期')).toBeTruthy();
    expect(steps()).toEqual(['待受理', '已分派', '办理中']);
    expect(screen.getByText(/承办：经发办/)).toBeTruthy();
  });

  it('shows a closed need’s reply and rating, with no time limit left to meet', () => {
    render(
      <NeedStatus need={aNeed({ status: 'closed', department: '发展公司', reply: '已联系园区，下周看厂房。', rating: 'basically', ratingNote: '还在看', closedAt: '2026-12-05T02:00:00.000Z' })} />,
    );
    expect(steps()).toEqual(['待受理', '已分派', '办理中', '已办结']);
    expect(screen.getByText('办结答复')).toBeTruthy();
    expect(screen.getByText('已联系园区，下周看厂房。')).toBeTruthy();
    expect(screen.getByText('评价：基本满意（还在看）')).toBeTruthy();
    expect(screen.queryByText(/^办理时限：/)).toBeNull();
  });
});
