/**
 * 云招聘's vocabulary: claim, job, application and guidance states, categories, districts, benefits and limits.
 * Plain TypeScript, no zod: the mini-program's main package imports this without carrying the schema library;
 * the schema module beside it re-exports all of it.
 */

export const CLAIM_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const ENTERPRISE_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];

export const JOB_CATEGORIES = ['delivery', 'driving', 'manufacturing', 'service', 'sales', 'office', 'tech', 'other'] as const;
export type JobCategory = (typeof JOB_CATEGORIES)[number];

export const DISTRICTS = ['sheshan', 'songjiang_city', 'jiuting', 'sijing', 'dongjing', 'xinqiao', 'other'] as const;
export type District = (typeof DISTRICTS)[number];

export const BENEFITS = ['social_insurance', 'room_board', 'part_time', 'career_change', 'training', 'bonus', 'weekends'] as const;
export type Benefit = (typeof BENEFITS)[number];

export const JOB_STATUSES = ['open', 'closed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const APPLICATION_STATUSES = ['submitted', 'viewed', 'interview', 'hired', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** What an HR contact may mark an application as. */
export const HR_MARKS = ['viewed', 'interview', 'hired', 'rejected'] as const;
export type HrMark = (typeof HR_MARKS)[number];

export const GUIDANCE_STATUSES = ['open', 'answered'] as const;
export type GuidanceStatus = (typeof GUIDANCE_STATUSES)[number];

/**
 * A logo as the device sends it, after cropping it square (at most LOGO_SIDE px a side) and re-encoding it: a phone
 * photo comes to 30–60 KB. Its base64 stays under 100 KB, what WeChat advises for a cloud function's payload.
 */
export const LOGO_MAX_BYTES = 64 * 1024;
export const LOGO_SIDE = 512;
export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;
export const SALARY_MAX = 200000;
