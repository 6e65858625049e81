import type { MyEnterprise } from '@shared/recruitment';

/** What 企业中心 shows: the claim form, the wait for staff, or the enterprise the person acts for. */
export type CenterState = 'claim' | 'pending' | 'approved';

/**
 * A pending claim waits, whatever enterprise it names. An enterprise with an approved claim (or bound without one,
 * as the seeded demo HR is) is the person's to act for. Anything else, a rejected claim included, asks for a claim.
 */
export function centerStateOf(mine: MyEnterprise): CenterState {
  if (mine.claim?.status === 'pending') return 'pending';
  if (mine.enterprise && (mine.claim === null || mine.claim.status === 'approved')) return 'approved';
  return 'claim';
}
