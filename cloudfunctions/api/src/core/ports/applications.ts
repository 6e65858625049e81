/** Applications for jobs: one per person per job. */
import type { OutboxMessage } from './outbox';

export interface ApplicationRecord {
  id: string;
  jobId: string;
  openid: string;
  status: 'submitted' | 'viewed' | 'interview' | 'hired' | 'rejected' | 'withdrawn';
  resume: { name: string; phone: string; age: number; experience?: string; wantedJob?: string; note?: string };
  interview: { at: string; place: string; note: string | null } | null;
  createdAt: string;
  updatedAt: string;
}

export interface ApplicationsRepo {
  /** One per person per job: returns the existing one (reopened if it was withdrawn) or the new one. */
  apply(a: ApplicationRecord): Promise<ApplicationRecord>;
  get(id: string): Promise<ApplicationRecord | null>;
  listByUser(openid: string): Promise<ApplicationRecord[]>;
  listByJob(jobId: string): Promise<ApplicationRecord[]>;
  /** Writes the new state and, when given, a notification for the applicant, in one transaction. */
  change(
    id: string,
    now: string,
    guard: (current: ApplicationRecord) => Pick<ApplicationRecord, 'status' | 'interview'>,
    notify?: (after: ApplicationRecord) => Omit<OutboxMessage, 'createdAt'> | null,
  ): Promise<ApplicationRecord>;
  fairFigures(eventId: string): Promise<{ enterprises: number; jobs: number; headcount: number; applications: number; interviews: number; hires: number }>;
}

