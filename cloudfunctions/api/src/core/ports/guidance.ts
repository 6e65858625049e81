/** 就业指导 requests and their answers. */
import type { Guard } from './change';

export interface GuidanceRecord {
  id: string;
  openid: string;
  topic: string;
  preferredTimes: string;
  phone: string;
  status: 'open' | 'answered';
  answer: string | null;
  createdAt: string;
  answeredAt: string | null;
}

/** The answer, and the staff member who gave it (kept in the row, not shown to the person). */
export type GuidancePatch = Partial<Pick<GuidanceRecord, 'status' | 'answer' | 'answeredAt'>> & { answeredBy?: string };

export interface GuidanceRepo {
  insert(r: GuidanceRecord): Promise<void>;
  get(id: string): Promise<GuidanceRecord | null>;
  listByUser(openid: string): Promise<GuidanceRecord[]>;
  list(status?: string): Promise<GuidanceRecord[]>;
  /** One transaction: lock the request, run `guard`, write the patch, the audit entry and the notification. */
  change(id: string, now: string, guard: Guard<GuidanceRecord, GuidancePatch>): Promise<GuidanceRecord>;
}
