/** What each export holds, row by row: pure functions from records to a sheet, in the words staff use. */
import { answerText, type Question } from '@shared/questions';
import {
  APPLICATION_STATUS_LABELS,
  EDUCATION_LABELS,
  GENDER_LABELS,
  INTENT_STATUS_LABELS,
  OCCUPATION_LABELS,
  POLITICAL_STATUS_LABELS,
  REGISTRATION_STATUS_LABELS,
} from '@shared/labels';
import { maskPhone, type Education, type Gender, type IntentStatus, type Occupation, type PoliticalStatus } from '@shared/intents';
import type { ApplicationRecord, EventRecord, FollowupRecord, RegistrationRecord } from '../core/ports';
import { shanghaiText, type CellValue, type SheetColumn, type SheetSpec } from './xlsx';

const PHONE: SheetColumn = { header: '手机号', width: 14, text: true };
const TIME = (header: string): SheetColumn => ({ header, width: 18, text: true });
/** An empty cell for a time that has not happened (not checked in yet). */
const timeCell = (iso: string | null): string | null => (iso ? shanghaiText(iso) : null);

/** Sign-ups in arrival order: who, how to reach them, where they stand, and their answers under each question's wording. */
export function registrationsSheet(event: EventRecord, records: RegistrationRecord[], date: string): SheetSpec {
  const questions: Question[] = event.questions;
  return {
    name: `报名名单 ${date}`,
    columns: [
      { header: '序号', width: 6 },
      { header: '姓名', width: 12, text: true },
      PHONE,
      { header: '状态', width: 8, text: true },
      { header: '候补顺位', width: 9 },
      TIME('报名时间'),
      TIME('签到时间'),
      ...questions.map((q) => ({ header: q.label, width: Math.min(40, Math.max(10, q.label.length * 2 + 2)), text: q.kind !== 'number' })),
    ],
    rows: records.map((r, i): CellValue[] => [
      i + 1,
      r.contact.name,
      r.contact.phone,
      REGISTRATION_STATUS_LABELS[r.status],
      r.status === 'waitlisted' ? r.position : null,
      shanghaiText(r.createdAt),
      timeCell(r.attendedAt),
      ...questions.map((q) => {
        const value = r.answers[q.id];
        if (value === undefined) return null;
        return q.kind === 'number' && typeof value === 'number' ? value : answerText(value);
      }),
    ]),
  };
}

export interface ApplicationRow {
  enterpriseName: string;
  jobTitle: string;
  application: ApplicationRecord;
}

/** Applications at a fair, enterprise by enterprise, job by job, in the order they came in. */
export function applicationsSheet(rows: ApplicationRow[], date: string): SheetSpec {
  return {
    name: `求职申请 ${date}`,
    columns: [
      { header: '企业', width: 24, text: true },
      { header: '岗位', width: 16, text: true },
      { header: '姓名', width: 10, text: true },
      PHONE,
      { header: '年龄', width: 6 },
      { header: '状态', width: 8, text: true },
      { header: '工作经历', width: 30, text: true },
      { header: '意向岗位', width: 14, text: true },
      { header: '备注', width: 20, text: true },
      TIME('面试时间'),
      { header: '面试地点', width: 20, text: true },
      TIME('申请时间'),
    ],
    rows: rows.map(({ enterpriseName, jobTitle, application: a }): CellValue[] => [
      enterpriseName,
      jobTitle,
      a.resume.name,
      a.resume.phone,
      a.resume.age,
      APPLICATION_STATUS_LABELS[a.status],
      a.resume.experience ?? null,
      a.resume.wantedJob ?? null,
      a.resume.note ?? null,
      a.interview ? shanghaiText(a.interview.at) : null,
      a.interview?.place ?? null,
      shanghaiText(a.createdAt),
    ]),
  };
}

/** 入党意向 people still on the list (a withdrawn one's personal fields are erased): phones masked unless `full`. */
export function intentsSheet(
  records: FollowupRecord[],
  orgName: (id: string | null) => string | null,
  full: boolean,
  date: string,
): SheetSpec {
  const label = <K extends string>(labels: Record<K, string>, value: string | null) => (value ? labels[value as K] ?? value : null);
  return {
    name: `入党意向 ${date}`,
    columns: [
      { header: '姓名', width: 10, text: true },
      { ...PHONE, header: full ? '手机号' : '手机号（已隐藏）' },
      { header: '性别', width: 6, text: true },
      { header: '出生年月', width: 10, text: true },
      { header: '职业', width: 12, text: true },
      { header: '工作单位', width: 20, text: true },
      { header: '政治面貌', width: 10, text: true },
      { header: '学历', width: 10, text: true },
      { header: '状态', width: 10, text: true },
      { header: '联系党组织', width: 20, text: true },
      TIME('提交时间'),
    ],
    rows: records.map((r): CellValue[] => [
      r.name,
      r.phone ? (full ? r.phone : maskPhone(r.phone)) : null,
      label<Gender>(GENDER_LABELS, r.gender),
      r.birthMonth,
      label<Occupation>(OCCUPATION_LABELS, r.occupation),
      r.employer,
      label<PoliticalStatus>(POLITICAL_STATUS_LABELS, r.politicalStatus),
      label<Education>(EDUCATION_LABELS, r.education),
      label<IntentStatus>(INTENT_STATUS_LABELS, r.status),
      orgName(r.orgId),
      shanghaiText(r.createdAt),
    ]),
  };
}
