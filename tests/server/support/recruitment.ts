/** Factories for 云招聘 tests: enterprises claimed and approved through the real actions, fairs, jobs and résumés. */
import type { JobCreateInput, Resume } from '@shared/recruitment';
import { aPublishedEvent, type World } from './world';

/** Real 统一社会信用代码 that pass the GB 32100-2015 check. */
export const USCC = {
  shanghai: '91310000132149237G',
  shenzhen: '9144030071526726XG',
  hangzhou: '91330100716105852F',
  beijing: '91110108551385082Q',
} as const;

/** A 1×1 PNG, the smallest real image a logo can be. */
export const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** A real 48×48 JPEG (a red-to-yellow square with a white centre, written by Chromium), as a device would send a logo. */
export const SMALL_JPEG =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAwADADASIAAhEBAxEB/8QAGQAAAwEBAQAAAAAAAAAAAAAABAUGAAMH/8QAJxAAAQIFAwQCAwAAAAAAAAAAAwABAgQFETEGEiEHE7PSc6NhcqT/xAAZAQACAwEAAAAAAAAAAAAAAAACBQMEBgf/xAAjEQACAgECBgMAAAAAAAAAAAABAgADEQSRBSMxUnGxIUNy/9oADAMBAAIRAxEAPwCHAJHgFhYAsJ1QqRN1eoBkaeHvTRb7INzQ3szu/LuzYZ0lZsnAnWrbQoLMcAQQAsI8AsKsF031RDml/wBAvZFi6e6lhzTfvF7KJq7e07RY/ENMfsXcSXCLCPALCKm6XM0ydJKTou1MDtug3NFa7M7ctxh2XYAlSckHBgNaGGQfiQQBYV30lHt15S3+XxRqTALCt+lg9ut6a/y+KNXa25i+RD4g+dNZ+T6nvqyyyfznE8c16PdrGoP8fjhSsIsJ/rYe7Vk8/wCnjhS8AlkNW3Ofyfc2WnfkJ4HqQQRYTmjTMzTJ0U3JE7UwO+2Pa0Vrs7Pw/GHdCgFhMACRlyDkRlawYEHpKMWsdQxZqH0j9UWLVddizPfSP1SAIsI8AkDau7vO5i19PR2DYTucx56ajmZqPuGjtuiszXszM3DfhkQAWFgCwjwCwqNlhY5MjZgowOk//9k=';

/** `openid` claims the enterprise and staff approve it: they are its HR contact. Returns the enterprise id. */
export async function anApprovedHr(world: World, openid: string, enterprise: { name: string; uscc: string }): Promise<string> {
  await world.givenUser(openid);
  const claim = await world.call(openid, 'enterprises.claim', enterprise);
  const approved = await world.call('staff-1', 'enterprises.decideClaim', { id: claim.id, approve: true });
  if (!approved.enterpriseId) throw new Error('an approved claim names its enterprise');
  return approved.enterpriseId;
}

/** A published recruitment fair one week after T0; returns its id. */
export const aFair = (world: World, title = '就业援助月·“两新”企业专场招聘会') =>
  aPublishedEvent(world, { type: 'fair', title, capacity: 200, location: '佘山镇社区事务受理服务中心一楼大厅' });

/** The HR contact's enterprise asks to join the fair and staff approve. */
export async function joinedFair(world: World, hrOpenid: string, eventId: string): Promise<string> {
  const participation = await world.call(hrOpenid, 'fairs.join', { eventId });
  await world.call('staff-1', 'fairs.decide', { id: participation.id, approve: true });
  return participation.id;
}

export function aJob(overrides: Partial<JobCreateInput> = {}): JobCreateInput {
  return {
    title: '服装缝纫工',
    category: 'manufacturing',
    salaryMin: 6000,
    salaryMax: 8500,
    headcount: 10,
    district: 'sheshan',
    place: '佘山镇工业园区',
    requirements: '有缝纫经验优先，可培训上岗',
    benefits: ['social_insurance', 'room_board'],
    ...overrides,
  };
}

export const aResume = (n = 1, overrides: Partial<Resume> = {}): Resume => ({
  name: `求职者${n}`,
  phone: `139${String(n).padStart(8, '0')}`,
  age: 30,
  experience: '外卖骑手三年',
  wantedJob: '生产操作工',
  ...overrides,
});

export const anInterview = (overrides: { at?: string; place?: string; note?: string } = {}) => ({
  at: '2026-12-10T10:00:00+08:00',
  place: '佘山镇工业园区咏姿厂区二楼人事部',
  note: '请携带身份证',
  ...overrides,
});
