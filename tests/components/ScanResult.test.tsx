import { render, screen } from '@testing-library/react';
import type { ScanOutcome } from '@shared/checkins';
import { ScanResult } from '../../src/staff/pages/checkin/ScanResult';

const person = (overrides: Partial<NonNullable<ScanOutcome['registration']>> = {}) => ({
  name: '王师傅',
  maskedPhone: '138****0001',
  status: 'attended' as const,
  attendedAt: '2026-12-08T05:30:00.000Z',
  ...overrides,
});

function shown(outcome: ScanOutcome) {
  const { container } = render(<ScanResult outcome={outcome} />);
  return container.querySelector('.scan-result') as HTMLElement;
}

describe('the answer to a scan', () => {
  it('says 签到成功 in green with the name and the masked phone', () => {
    const box = shown({ result: 'checked_in', registration: person() });
    expect(screen.getByText('签到成功')).toBeTruthy();
    expect(screen.getByText('王师傅')).toBeTruthy();
    expect(screen.getByText('138****0001')).toBeTruthy();
    expect(box.className).toContain('scan-result--checked_in');
  });

  it('says 已签到 with the Shanghai time of the first check-in', () => {
    shown({ result: 'already', registration: person({ attendedAt: '2026-12-08T06:03:00.000Z' }) });
    expect(screen.getByText('已签到 14:03')).toBeTruthy();
    expect(screen.getByText('已于 14:03 签到，无需重复签到')).toBeTruthy();
  });

  it.each([
    ['waitlisted', '候补中', '尚未获得名额，不能签到'],
    ['cancelled', '已取消', '该报名已取消，不能签到'],
  ] as const)('says %s as %s with the person and why they cannot go in', (result, label, why) => {
    const box = shown({ result, registration: person({ status: result, attendedAt: null }) });
    expect(screen.getByText(label)).toBeTruthy();
    expect(screen.getByText(why)).toBeTruthy();
    expect(screen.getByText('王师傅')).toBeTruthy();
    expect(box.className).toContain(`scan-result--${result}`);
  });

  it.each([
    ['other_event', '不是本活动', '这是其他活动的签到码'],
    ['not_found', '未找到', '没有这个签到码，请核对后重试'],
  ] as const)('says %s as %s without naming anyone', (result, label, why) => {
    shown({ result });
    expect(screen.getByText(label)).toBeTruthy();
    expect(screen.getByText(why)).toBeTruthy();
    expect(screen.queryByText('王师傅')).toBeNull();
  });

  it('says 不在签到时间 with the reason the server gave', () => {
    shown({ result: 'outside_window', message: '活动已结束，签到已关闭', registration: person({ status: 'confirmed', attendedAt: null }) });
    expect(screen.getByText('不在签到时间')).toBeTruthy();
    expect(screen.getByText('活动已结束，签到已关闭')).toBeTruthy();
  });

  it('gives each kind of answer its own look', () => {
    const kinds = (['checked_in', 'already', 'waitlisted', 'cancelled', 'other_event', 'not_found', 'outside_window'] as const).map(
      (result) => shown({ result }).className,
    );
    expect(new Set(kinds).size).toBe(7);
  });
});
