import type { Job, Resume } from '@shared/recruitment';

/** An open job at 上海咏姿时装有限公司 paying 6000–8000 a month; override what a test is about. */
export function aJob(overrides: Partial<Job> = {}): Job {
  return {
    id: 'job_1',
    enterpriseId: 'ent_1',
    enterpriseName: '上海咏姿时装有限公司',
    eventId: null,
    title: '缝纫工',
    category: 'manufacturing',
    salaryMin: 6000,
    salaryMax: 8000,
    headcount: 5,
    district: 'sheshan',
    place: '佘山镇勋业路 88 号',
    requirements: '',
    benefits: [],
    status: 'open',
    createdAt: '2026-11-20T09:00:00+08:00',
    updatedAt: '2026-11-20T09:00:00+08:00',
    ...overrides,
  };
}

export function aResume(overrides: Partial<Resume> = {}): Resume {
  return { name: '王师傅', phone: '13800000011', age: 38, experience: '在服装厂做过 5 年缝纫工', wantedJob: '缝纫工', ...overrides };
}
