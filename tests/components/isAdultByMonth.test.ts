import { MIN_AGE, isAdultByMonth, monthsSinceBirthMonth } from '@shared/intents';

describe('isAdultByMonth', () => {
  it(`counts ${MIN_AGE} years by month: born 2008-12, adult from December 2026 on`, () => {
    expect(isAdultByMonth('2008-12', '2026-11-30T12:00:00+08:00')).toBe(false);
    expect(isAdultByMonth('2008-12', '2026-12-01T00:00:00+08:00')).toBe(true);
    expect(isAdultByMonth('2008-11', '2026-11-01T00:00:00+08:00')).toBe(true);
  });

  it('takes the month in Asia/Shanghai, not in UTC or on the device', () => {
    // 16:00 UTC on 30 November is already 1 December in Shanghai.
    expect(isAdultByMonth('2008-12', '2026-11-30T16:00:00Z')).toBe(true);
    expect(isAdultByMonth('2008-12', '2026-11-30T15:59:59Z')).toBe(false);
  });

  it('crosses the year boundary', () => {
    expect(monthsSinceBirthMonth('2008-01', '2026-01-01T00:00:00+08:00')).toBe(MIN_AGE * 12);
    expect(monthsSinceBirthMonth('2008-01', '2025-12-31T23:59:59+08:00')).toBe(MIN_AGE * 12 - 1);
  });

  it('is negative for a month still to come', () => {
    expect(monthsSinceBirthMonth('2027-01', '2026-12-15T00:00:00+08:00')).toBe(-1);
  });
});
