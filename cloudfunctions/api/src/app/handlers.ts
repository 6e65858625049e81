/** The dispatch table: one use case per action, typed from the contract. */
import type { ActionName, ActionOutput, ParsedInput } from '@shared/contract';
import type { Ctx } from '../core/context';
import { cancelEvent, createEvent, getEvent, listEvents, publishEvent, updateEvent } from '../events/use-cases';
import {
  cancelRegistration,
  checkIn,
  listEventRegistrations,
  listMyRegistrations,
  registerForEvent,
  undoCheckIn,
} from '../registrations/use-cases';
import {
  advanceIntent,
  assignIntent,
  getIntentForStaff,
  intentStats,
  listIntents,
  listPartyOrgs,
  myIntents,
  submitIntent,
  updateIntent,
  withdrawIntent,
} from '../intents/use-cases';
import {
  advanceReport,
  getReportForStaff,
  listReports,
  myReports,
  submitReport,
  withdrawReport,
} from '../member-reports/use-cases';
import { listOutbox } from '../outbox/use-cases';
import { applicationsForJob, applyForJob, markApplication, myApplications, withdrawApplication } from '../recruitment/applications';
import { claimEnterprise, decideClaim, getEnterprise, listClaims, myEnterprise, updateEnterprise } from '../recruitment/enterprises';
import { decideParticipation, fairEnterprises, fairRequests, fairStats, joinFair } from '../recruitment/fairs';
import { answerGuidance, listGuidance, myGuidance, requestGuidance } from '../recruitment/guidance';
import { createJob, getJob, myEnterpriseJobs, searchJobs, setJobStatus, updateJob } from '../recruitment/jobs';
import { demoLogin, getMe, grantRole, listUsers, revokeRole } from '../users/use-cases';

export type Handlers = { [A in ActionName]: (ctx: Ctx, input: ParsedInput<A>) => Promise<ActionOutput<A>> };

export const handlers: Handlers = {
  'auth.demoLogin': demoLogin,
  'me.get': getMe,
  'events.list': listEvents,
  'events.get': getEvent,
  'events.create': createEvent,
  'events.update': updateEvent,
  'events.publish': publishEvent,
  'events.cancel': cancelEvent,
  'registrations.create': registerForEvent,
  'registrations.cancel': cancelRegistration,
  'registrations.mine': listMyRegistrations,
  'registrations.listByEvent': listEventRegistrations,
  'registrations.checkIn': checkIn,
  'checkins.undo': undoCheckIn,
  'intents.submit': submitIntent,
  'intents.mine': myIntents,
  'intents.update': updateIntent,
  'intents.withdraw': withdrawIntent,
  'intents.list': listIntents,
  'intents.get': getIntentForStaff,
  'intents.advance': advanceIntent,
  'intents.assign': assignIntent,
  'intents.stats': intentStats,
  'memberReports.submit': submitReport,
  'memberReports.mine': myReports,
  'memberReports.withdraw': withdrawReport,
  'memberReports.list': listReports,
  'memberReports.get': getReportForStaff,
  'memberReports.advance': advanceReport,
  'enterprises.claim': claimEnterprise,
  'enterprises.mine': myEnterprise,
  'enterprises.get': getEnterprise,
  'enterprises.update': updateEnterprise,
  'enterprises.claims': listClaims,
  'enterprises.decideClaim': decideClaim,
  'fairs.join': joinFair,
  'fairs.enterprises': fairEnterprises,
  'fairs.requests': fairRequests,
  'fairs.decide': decideParticipation,
  'fairs.stats': fairStats,
  'jobs.create': createJob,
  'jobs.update': updateJob,
  'jobs.setStatus': setJobStatus,
  'jobs.search': searchJobs,
  'jobs.get': getJob,
  'jobs.mine': myEnterpriseJobs,
  'applications.create': applyForJob,
  'applications.mine': myApplications,
  'applications.withdraw': withdrawApplication,
  'applications.listByJob': applicationsForJob,
  'applications.mark': markApplication,
  'guidance.request': requestGuidance,
  'guidance.mine': myGuidance,
  'guidance.list': listGuidance,
  'guidance.answer': answerGuidance,
  'partyOrgs.list': listPartyOrgs,
  'outbox.list': listOutbox,
  'users.list': listUsers,
  'users.grantRole': grantRole,
  'users.revokeRole': revokeRole,
};
