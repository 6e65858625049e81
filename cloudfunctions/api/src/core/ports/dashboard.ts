/** The counts behind the half-year figures; the use case turns them into rates (dashboard/figures.ts). */

/** A period as instants: [fromAt, toAt) covers the Shanghai days `fromDate`..`toDate` (YYYY-MM-DD) whole. */
export interface PeriodBounds {
  fromDate: string;
  toDate: string;
  fromAt: string;
  toAt: string;
}

export interface DashboardCounts {
  orgsByKindStatus: { kind: string; status: string; count: number }[];
  orgsAdded: number;
  orgsRemoved: number;
  orgsMovedOut: number;
  active: number;
  standalone: number;
  joint: number;
  instructed: number;
  branchesFounded: number;
  memberReports: number;
  intentsByStatus: { status: string; count: number }[];
  activities: { type: string; held: number; signups: number; attended: number }[];
  /** Needs raised in the period, by category; `closed` = closed before the period ended; days as fractions. */
  needsByCategory: { category: string; raised: number; closed: number; medianDays: number | null }[];
  /** Over all categories at once (a median of medians is not a median). */
  needsMedianDays: number | null;
}

export interface DashboardRepo {
  counts(period: PeriodBounds): Promise<DashboardCounts>;
}
