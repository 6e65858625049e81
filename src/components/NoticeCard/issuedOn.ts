/** A 发文日期 (`2026-11-20`, a calendar date with no time or zone) as `2026年11月20日`. */
export function formatIssuedOn(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
