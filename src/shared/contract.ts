/**
 * The action contract: for every action its input schema, who may call it and its output type.
 * The client's `callApi` and the server's dispatch table are both typed from this one object.
 */
import { z } from 'zod';
import { Empty, type Page } from './common';
import {
  EventCancelInput,
  EventCreateInput,
  EventIdInput,
  EventListInput,
  EventUpdateInput,
  type Event,
  type EventDetail,
} from './events';
import {
  CheckinUndoInput,
  RegistrationCreateInput,
  RegistrationIdInput,
  RegistrationsByEventInput,
  type Registration,
  type RegistrationWithEvent,
  type RegistrationWithUser,
} from './registrations';
import {
  IntentAdvanceInput,
  IntentAssignInput,
  IntentListInput,
  IntentSubmitInput,
  IntentUpdateInput,
  RecordIdInput,
  ReportAdvanceInput,
  ReportSubmitInput,
  ReportListInput,
  type Intent,
  type IntentListItem,
  type IntentStaffView,
  type IntentStats,
  type MemberReport,
  type MemberReportListItem,
  type MemberReportStaffView,
  type PartyOrg,
} from './intents';
import { OutboxListInput, type OutboxItem } from './outbox';
import {
  ImportApplyInput,
  ImportPreviewInput,
  OrgCreateInput,
  OrgIdInput,
  OrgListInput,
  OrgUpdateInput,
  VisitCreateInput,
  VisitListInput,
  type Grid,
  type ImportPreview,
  type ImportResult,
  type Org,
  type OrgDetail,
  type Visit,
  type VisitCreated,
} from './orgs';
import {
  EventCheckinInput,
  ScanInput,
  SelfCheckinInput,
  TicketInput,
  type Attendance,
  type EventCheckinCode,
  type ScanOutcome,
  type SelfCheckin,
  type Ticket,
} from './checkins';
import {
  NoticeCreateInput,
  NoticeIdInput,
  NoticeListInput,
  NoticeUpdateInput,
  type Notice,
  type NoticeDetail,
  type NoticeListItem,
} from './notices';
import { ExportApplicationsInput, ExportIntentsInput, ExportRegistrationsInput, type ExportFile } from './exports';
import {
  ApplicationCreateInput,
  ApplicationMarkInput,
  ApplicationsByJobInput,
  ClaimInput,
  ClaimListInput,
  DecideInput,
  EnterpriseUpdateInput,
  FairInput,
  FairJoinInput,
  FairRequestsInput,
  GuidanceAnswerInput,
  GuidanceListInput,
  GuidanceRequestInput,
  JobCreateInput,
  JobSearchInput,
  JobStatusInput,
  JobUpdateInput,
  type Application,
  type ApplicationWithJob,
  type Claim,
  type Enterprise,
  type FairParticipation,
  type FairStats,
  type GuidanceRequest,
  type Job,
  type JobDetail,
  type MyEnterprise,
} from './recruitment';
import {
  DepartmentAddInput,
  DepartmentRenameInput,
  NeedAdvanceInput,
  NeedAssignInput,
  NeedCreateInput,
  NeedIdInput,
  NeedListInput,
  NeedRateInput,
  type Department,
  type Need,
  type NeedCounts,
} from './needs';
import { PeriodInput, type DashboardFigures } from './dashboard';
import { StationCreateInput, StationIdInput, StationListInput, StationUpdateInput, type Station, type StationDetail } from './stations';
import { DemoLoginInput, RoleChangeInput, UsersListInput, UsersSearchInput, type DemoLoginOutput, type Me, type UserSummary } from './users';
import {
  QrPollInput,
  QrTicketRefInput,
  SessionIdInput,
  SessionsListInput,
  WxLoginInput,
  type QrPollOutput,
  type QrTicket,
  type QrTicketInfo,
  type SessionView,
  type SignedIn,
} from './sessions';

/**
 * Who may call an action, checked by dispatch before the payload is read.
 * - public: anyone, logged in or not
 * - user: any logged-in person
 * - owner: a logged-in person acting on a record of their own; the use case reads the record and answers NOT_FOUND
 *   for anyone else's (staff too, unless the action says otherwise)
 * - hr: the HR contact of an approved enterprise; another enterprise's records answer NOT_FOUND
 * - hrOrStaff: an approved HR contact (for their own enterprise's records) or staff
 * - staff: 综合党委 staff (or admin) · admin: admin only
 */
export type Access = 'public' | 'user' | 'owner' | 'hr' | 'hrOrStaff' | 'staff' | 'admin';

export const ACCESS_LEVELS: readonly Access[] = ['public', 'user', 'owner', 'hr', 'hrOrStaff', 'staff', 'admin'];

export interface ActionSpec<S extends z.ZodTypeAny, O> {
  input: S;
  access: Access;
  /** Phantom: carries the output type only. */
  output?: O;
}

const action = <O>() => <S extends z.ZodTypeAny>(access: Access, input: S): ActionSpec<S, O> => ({ access, input });

export const contract = {
  'auth.demoLogin': action<DemoLoginOutput>()('public', DemoLoginInput),
  // Self-hosted sign-in (sessions/): the mini-program's wx.login code, and the desktop console by scanning with it.
  // Confirming a desktop sign-in is for staff: the console is their desktop workplace; everyone else uses the mini-program.
  'auth.wxLogin': action<SignedIn>()('public', WxLoginInput),
  'auth.qrTicket': action<QrTicket>()('public', Empty),
  'auth.qrScan': action<QrTicketInfo>()('staff', QrTicketRefInput),
  'auth.qrConfirm': action<QrTicketInfo>()('staff', QrTicketRefInput),
  'auth.qrPoll': action<QrPollOutput>()('public', QrPollInput),
  'sessions.mine': action<SessionView[]>()('user', Empty),
  'sessions.revoke': action<SessionView>()('owner', SessionIdInput),
  'sessions.list': action<SessionView[]>()('admin', SessionsListInput),
  'sessions.revokeAny': action<SessionView>()('admin', SessionIdInput),
  'me.get': action<Me>()('user', Empty),

  'events.list': action<Page<Event>>()('public', EventListInput),
  'events.get': action<EventDetail>()('public', EventIdInput),
  'events.create': action<Event>()('staff', EventCreateInput),
  'events.update': action<Event>()('staff', EventUpdateInput),
  'events.publish': action<Event>()('staff', EventIdInput),
  'events.cancel': action<Event>()('staff', EventCancelInput),

  'registrations.create': action<Registration>()('user', RegistrationCreateInput),
  'registrations.cancel': action<Registration>()('owner', RegistrationIdInput),
  'registrations.mine': action<RegistrationWithEvent[]>()('user', Empty),
  'registrations.listByEvent': action<RegistrationWithUser[]>()('staff', RegistrationsByEventInput),
  'registrations.checkIn': action<Registration>()('staff', RegistrationIdInput),
  'checkins.undo': action<Registration>()('staff', CheckinUndoInput),
  'registrations.ticket': action<Ticket>()('owner', TicketInput),
  'checkins.scan': action<ScanOutcome>()('staff', ScanInput),
  'checkins.eventCode': action<EventCheckinCode>()('staff', EventCheckinInput),
  'checkins.self': action<SelfCheckin>()('user', SelfCheckinInput),
  'events.attendance': action<Attendance>()('staff', EventCheckinInput),

  'intents.submit': action<Intent>()('user', IntentSubmitInput),
  'intents.mine': action<Intent[]>()('user', Empty),
  'intents.update': action<Intent>()('owner', IntentUpdateInput),
  'intents.withdraw': action<Intent>()('owner', RecordIdInput),
  'intents.list': action<Page<IntentListItem>>()('staff', IntentListInput),
  'intents.get': action<IntentStaffView>()('staff', RecordIdInput),
  'intents.advance': action<IntentStaffView>()('staff', IntentAdvanceInput),
  'intents.assign': action<IntentStaffView>()('staff', IntentAssignInput),
  'intents.stats': action<IntentStats>()('staff', Empty),

  'memberReports.submit': action<MemberReport>()('user', ReportSubmitInput),
  'memberReports.mine': action<MemberReport[]>()('user', Empty),
  'memberReports.withdraw': action<MemberReport>()('owner', RecordIdInput),
  'memberReports.list': action<Page<MemberReportListItem>>()('staff', ReportListInput),
  'memberReports.get': action<MemberReportStaffView>()('staff', RecordIdInput),
  'memberReports.advance': action<MemberReportStaffView>()('staff', ReportAdvanceInput),

  'enterprises.claim': action<Claim>()('user', ClaimInput),
  'enterprises.mine': action<MyEnterprise>()('user', Empty),
  'enterprises.get': action<Enterprise>()('public', RecordIdInput),
  'enterprises.update': action<Enterprise>()('hr', EnterpriseUpdateInput),
  'enterprises.claims': action<Claim[]>()('staff', ClaimListInput),
  'enterprises.decideClaim': action<Claim>()('staff', DecideInput),

  'fairs.join': action<FairParticipation>()('hr', FairJoinInput),
  'fairs.enterprises': action<Enterprise[]>()('public', FairInput),
  'fairs.requests': action<FairParticipation[]>()('staff', FairRequestsInput),
  'fairs.decide': action<FairParticipation>()('staff', DecideInput),
  'fairs.stats': action<FairStats>()('staff', FairInput),

  'jobs.create': action<Job>()('hr', JobCreateInput),
  'jobs.update': action<Job>()('hr', JobUpdateInput),
  'jobs.setStatus': action<Job>()('hr', JobStatusInput),
  'jobs.search': action<Page<Job>>()('public', JobSearchInput),
  'jobs.get': action<JobDetail>()('public', RecordIdInput),
  'jobs.mine': action<Job[]>()('hr', Empty),

  'applications.create': action<Application>()('user', ApplicationCreateInput),
  'applications.mine': action<ApplicationWithJob[]>()('user', Empty),
  'applications.withdraw': action<Application>()('owner', RecordIdInput),
  'applications.listByJob': action<Application[]>()('hrOrStaff', ApplicationsByJobInput),
  'applications.mark': action<Application>()('hrOrStaff', ApplicationMarkInput),

  'guidance.request': action<GuidanceRequest>()('user', GuidanceRequestInput),
  'guidance.mine': action<GuidanceRequest[]>()('user', Empty),
  'guidance.list': action<GuidanceRequest[]>()('staff', GuidanceListInput),
  'guidance.answer': action<GuidanceRequest>()('staff', GuidanceAnswerInput),

  'exports.registrations': action<ExportFile>()('staff', ExportRegistrationsInput),
  'exports.applications': action<ExportFile>()('hrOrStaff', ExportApplicationsInput),
  'exports.intents': action<ExportFile>()('staff', ExportIntentsInput),

  // 送政策: anyone reads published notices (staff may list drafts and withdrawn ones by status); staff write them.
  'notices.list': action<Page<NoticeListItem>>()('public', NoticeListInput),
  'notices.get': action<NoticeDetail>()('public', NoticeIdInput),
  'notices.create': action<Notice>()('staff', NoticeCreateInput),
  'notices.update': action<Notice>()('staff', NoticeUpdateInput),
  'notices.publish': action<Notice>()('staff', NoticeIdInput),
  'notices.withdraw': action<Notice>()('staff', NoticeIdInput),

  // 企业诉求: raised by an enterprise's HR contact (their own enterprise) or staff (any organisation, on a visit).
  'needs.create': action<Need>()('hrOrStaff', NeedCreateInput),
  'needs.mine': action<Need[]>()('user', Empty),
  'needs.get': action<Need>()('user', NeedIdInput),
  'needs.list': action<Page<Need>>()('staff', NeedListInput),
  'needs.counts': action<NeedCounts>()('staff', Empty),
  'needs.assign': action<Need>()('staff', NeedAssignInput),
  'needs.advance': action<Need>()('staff', NeedAdvanceInput),
  'needs.rate': action<Need>()('hr', NeedRateInput),
  'needs.departments': action<Department[]>()('staff', Empty),
  'needs.addDepartment': action<Department[]>()('staff', DepartmentAddInput),
  'needs.renameDepartment': action<Department[]>()('staff', DepartmentRenameInput),

  'stations.list': action<Station[]>()('public', StationListInput),
  'stations.get': action<StationDetail>()('public', StationIdInput),
  'stations.create': action<Station>()('staff', StationCreateInput),
  'stations.update': action<Station>()('staff', StationUpdateInput),

  // 两新 census (摸排), 两个覆盖, import/export and visits (走访): staff only.
  'orgs.list': action<Page<Org>>()('staff', OrgListInput),
  'orgs.get': action<OrgDetail>()('staff', OrgIdInput),
  'orgs.create': action<Org>()('staff', OrgCreateInput),
  'orgs.update': action<Org>()('staff', OrgUpdateInput),
  'orgs.grids': action<Grid[]>()('staff', Empty),
  'orgs.importPreview': action<ImportPreview>()('staff', ImportPreviewInput),
  'orgs.importApply': action<ImportResult>()('staff', ImportApplyInput),
  'exports.orgs': action<ExportFile>()('staff', Empty),
  'visits.create': action<VisitCreated>()('staff', VisitCreateInput),
  'visits.list': action<Visit[]>()('staff', VisitListInput),

  // The half-year figures (Shanghai days, both ends included) and the same figures as an .xlsx report.
  'dashboard.figures': action<DashboardFigures>()('staff', PeriodInput),
  'exports.report': action<ExportFile>()('staff', PeriodInput),

  'partyOrgs.list': action<PartyOrg[]>()('staff', Empty),
  'outbox.list': action<OutboxItem[]>()('staff', OutboxListInput),

  'users.list': action<UserSummary[]>()('admin', UsersListInput),
  'users.search': action<UserSummary[]>()('admin', UsersSearchInput),
  'users.grantRole': action<UserSummary>()('admin', RoleChangeInput),
  'users.revokeRole': action<UserSummary>()('admin', RoleChangeInput),
} as const;

export type Contract = typeof contract;
export type ActionName = keyof Contract;
export type ActionInput<A extends ActionName> = z.input<Contract[A]['input']>;
export type ParsedInput<A extends ActionName> = z.output<Contract[A]['input']>;
export type ActionOutput<A extends ActionName> = Contract[A] extends ActionSpec<z.ZodTypeAny, infer O> ? O : never;

export const ACTION_NAMES = Object.keys(contract) as ActionName[];

export function isActionName(name: string): name is ActionName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
