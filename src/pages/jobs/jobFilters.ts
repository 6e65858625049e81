import type { ActionInput } from '@shared/contract';
import { DISTRICTS, JOB_CATEGORIES, type District, type JobCategory } from '@shared/plain/recruitment';
import { DISTRICT_LABELS, JOB_CATEGORY_LABELS } from '@shared/labels';

/** The search a person has asked for; `all` and 0 mean no filter. */
export interface JobFilters {
  keyword: string;
  category: JobCategory | 'all';
  district: District | 'all';
  salaryAtLeast: number;
}

export const NO_FILTERS: JobFilters = { keyword: '', category: 'all', district: 'all', salaryAtLeast: 0 };

export const CATEGORY_OPTIONS: readonly (JobCategory | 'all')[] = ['all', ...JOB_CATEGORIES];
export const CATEGORY_OPTION_LABELS: Record<JobCategory | 'all', string> = { all: '全部类别', ...JOB_CATEGORY_LABELS };

export const DISTRICT_OPTIONS: readonly (District | 'all')[] = ['all', ...DISTRICTS];
export const DISTRICT_OPTION_LABELS: Record<District | 'all', string> = { all: '全部地区', ...DISTRICT_LABELS };

/** Monthly salary floors offered in the filter, in yuan; 0 is 不限. */
export const SALARY_FLOORS = ['0', '3000', '5000', '8000', '10000'] as const;
export type SalaryFloor = (typeof SALARY_FLOORS)[number];
export const SALARY_FLOOR_LABELS: Record<SalaryFloor, string> = {
  0: '月薪不限',
  3000: '3000 元以上',
  5000: '5000 元以上',
  8000: '8000 元以上',
  10000: '1 万元以上',
};

export function salaryFloorOf(amount: number): SalaryFloor {
  return SALARY_FLOORS.find((f) => Number(f) === amount) ?? '0';
}

/** The `jobs.search` payload for the filters (only those set) and one page. */
export function searchPayload(filters: JobFilters, pageSize: number, cursor: string | undefined): ActionInput<'jobs.search'> {
  const payload: ActionInput<'jobs.search'> = { limit: pageSize };
  const keyword = filters.keyword.trim();
  if (keyword) payload.keyword = keyword;
  if (filters.category !== 'all') payload.category = filters.category;
  if (filters.district !== 'all') payload.district = filters.district;
  if (filters.salaryAtLeast > 0) payload.salaryAtLeast = filters.salaryAtLeast;
  if (cursor) payload.cursor = cursor;
  return payload;
}

export function hasFilters(filters: JobFilters): boolean {
  return filters.keyword.trim() !== '' || filters.category !== 'all' || filters.district !== 'all' || filters.salaryAtLeast > 0;
}
