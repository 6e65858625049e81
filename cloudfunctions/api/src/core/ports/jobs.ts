/** Jobs posted by enterprises, searchable by Chinese keyword. */

export interface JobRecord {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  eventId: string | null;
  title: string;
  category: string;
  salaryMin: number | null;
  salaryMax: number | null;
  headcount: number;
  district: string;
  place: string;
  requirements: string;
  benefits: string[];
  status: 'open' | 'closed';
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export type JobPatch = Partial<
  Pick<JobRecord, 'eventId' | 'title' | 'category' | 'salaryMin' | 'salaryMax' | 'headcount' | 'district' | 'place' | 'requirements' | 'benefits' | 'status'>
>;

export interface JobQuery {
  /** Every term must be among the job's search terms (characters and character pairs of its texts). */
  terms?: string[];
  category?: string;
  district?: string;
  salaryAtLeast?: number;
  eventId?: string;
  enterpriseId?: string;
  after?: { createdAt: string; id: string };
  limit: number;
}

export interface JobsRepo {
  insert(job: Omit<JobRecord, 'enterpriseName'>, searchTerms: string[]): Promise<JobRecord>;
  get(id: string): Promise<JobRecord | null>;
  update(id: string, patch: JobPatch, searchTerms: string[] | null, now: string): Promise<JobRecord>;
  /** Open jobs of verified enterprises, newest first. */
  search(q: JobQuery): Promise<JobRecord[]>;
  listByEnterprise(enterpriseId: string): Promise<JobRecord[]>;
}

