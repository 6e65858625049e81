import { JobCreateInput, type Benefit, type District, type Job, type JobCategory } from '@shared/recruitment';
import type { FieldErrors } from '../../../components/form/fieldErrors';
import { fieldErrorsFromIssues } from '../../../components/form/fieldErrors';

/** What the editor holds: strings as the inputs give them; `negotiable` is 面议 (both salaries left empty). */
export interface JobFormValues {
  eventId: string | null;
  title: string;
  category: JobCategory | null;
  negotiable: boolean;
  salaryMin: string;
  salaryMax: string;
  headcount: string;
  district: District | null;
  place: string;
  requirements: string;
  benefits: Benefit[];
}

export type JobField = 'eventId' | 'title' | 'category' | 'salaryMin' | 'salaryMax' | 'headcount' | 'district' | 'place' | 'requirements' | 'benefits';
export const JOB_FIELDS: readonly JobField[] = ['eventId', 'title', 'category', 'salaryMin', 'salaryMax', 'headcount', 'district', 'place', 'requirements', 'benefits'];
export type JobFormErrors = FieldErrors<JobField>;

export function emptyJobForm(eventId: string | null = null): JobFormValues {
  return {
    eventId,
    title: '',
    category: null,
    negotiable: false,
    salaryMin: '',
    salaryMax: '',
    headcount: '',
    district: null,
    place: '',
    requirements: '',
    benefits: [],
  };
}

export function jobFormFrom(job: Job): JobFormValues {
  return {
    eventId: job.eventId,
    title: job.title,
    category: job.category,
    negotiable: job.salaryMin === null && job.salaryMax === null,
    salaryMin: job.salaryMin === null ? '' : String(job.salaryMin),
    salaryMax: job.salaryMax === null ? '' : String(job.salaryMax),
    headcount: String(job.headcount),
    district: job.district,
    place: job.place,
    requirements: job.requirements,
    benefits: [...job.benefits],
  };
}

/** Whole yuan, or null for an empty box; NaN (caught below) for anything else. */
function amount(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  return /^\d+$/.test(t) ? Number(t) : Number.NaN;
}

/**
 * The `jobs.create` payload (also the body of `jobs.update`): every field present, so a cleared one is cleared.
 * 面议 sends both salaries as null; otherwise at least one bound is asked for.
 */
export function validateJobForm(values: JobFormValues): { ok: true; input: JobCreateInput } | { ok: false; errors: JobFormErrors } {
  const errors: JobFormErrors = {};
  const salaryMin = values.negotiable ? null : amount(values.salaryMin);
  const salaryMax = values.negotiable ? null : amount(values.salaryMax);
  if (Number.isNaN(salaryMin)) errors.salaryMin = '月薪请填整数（元）';
  if (Number.isNaN(salaryMax)) errors.salaryMax = '月薪请填整数（元）';
  if (!values.negotiable && salaryMin === null && salaryMax === null) errors.salaryMin = '请填写月薪范围，或选择“面议”';
  const headcountText = values.headcount.trim();
  if (headcountText === '') errors.headcount = '请填写招聘人数';

  const parsed = JobCreateInput.safeParse({
    eventId: values.eventId,
    title: values.title,
    category: values.category ?? undefined,
    salaryMin: Number.isNaN(salaryMin) ? null : salaryMin,
    salaryMax: Number.isNaN(salaryMax) ? null : salaryMax,
    headcount: /^\d+$/.test(headcountText) ? Number(headcountText) : Number.NaN,
    district: values.district ?? undefined,
    place: values.place,
    requirements: values.requirements,
    benefits: values.benefits,
  });
  const all: JobFormErrors = { ...(parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues, JOB_FIELDS)), ...errors };
  if (parsed.success && Object.keys(all).length === 0) return { ok: true, input: parsed.data };
  return { ok: false, errors: all };
}
