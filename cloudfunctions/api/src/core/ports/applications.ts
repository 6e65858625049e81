/** Applications for jobs: one per person per job. */
import type { Guard } from './change';

export interface ApplicationRecord {
  id: string;
  jobId: string;
  openid: string;
  status: 'submitted' | 'viewed' | 'interview' | 'hired' | 'rejected' | 'withdrawn';
  resume: { name: string; phone: string; age: number; experience?: string; wantedJob?: string; note?: string };
  interview: { at: string; place: string; note: string | null } | null;
  /** Why the enterprise did not take the applicant. */
  reason: string | null;
  createdAt: string;
  updatedAt: string;
}

export type ApplicationPatch = Partial<Pick<ApplicationRecord, 'status' | 'interview' | 'reason'>>;

export interface ApplicationsRepo {
  /** One per person per job: returns the new one, or the existing one untouched, whatever its status. */
  apply(a: ApplicationRecord): Promise<ApplicationRecord>;
  get(id: string): Promise<ApplicationRecord | null>;
  listByUser(openid: string): Promise<ApplicationRecord[]>;
  listByJob(jobId: string): Promise<ApplicationRecord[]>;
  /**
   * One transaction: lock the row, run `guard`, write the patch (nothing at all when it is empty and there is no
   * audit entry), the audit entry and the notification.
   */
  change(id: string, now: string, guard: Guard<ApplicationRecord, ApplicationPatch>): Promise<ApplicationRecord>;
  fairFigures(eventId: string): Promise<{ enterprises: number; jobs: number; headcount: number; applications: number; interviews: number; hires: number }>;
}
