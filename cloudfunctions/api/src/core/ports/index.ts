/**
 * Repository ports: what the use cases need from storage, nothing about how, one file per entity.
 * Adapters (SQL, CloudBase) implement them; no driver is imported above this line.
 */
import type { ApplicationsRepo } from './applications';
import type { AuditRepo } from './audit';
import type { CheckinTokensRepo } from './checkin-tokens';
import type { EnterprisesRepo } from './enterprises';
import type { EventsRepo } from './events';
import type { FollowupsRepo } from './followups';
import type { GuidanceRepo } from './guidance';
import type { NeedsRepo } from './needs';
import type { DashboardRepo } from './dashboard';
import type { OrgsRepo } from './orgs';
import type { StationsRepo } from './stations';
import type { JobsRepo } from './jobs';
import type { NoticesRepo } from './notices';
import type { OutboxRepo } from './outbox';
import type { RegistrationsRepo } from './registrations';
import type { RetentionRepo } from './retention';
import type { LoginTicketsRepo, SessionsRepo } from './sessions';
import type { UsersRepo } from './users';

export * from './applications';
export * from './audit';
export * from './change';
export * from './checkin-tokens';
export * from './enterprises';
export * from './events';
export * from './followups';
export * from './guidance';
export * from './jobs';
export * from './notices';
export * from './needs';
export * from './dashboard';
export * from './orgs';
export * from './stations';
export * from './outbox';
export * from './registrations';
export * from './retention';
export * from './sessions';
export * from './users';

export interface Repositories {
  events: EventsRepo;
  registrations: RegistrationsRepo;
  checkinTokens: CheckinTokensRepo;
  users: UsersRepo;
  followups: FollowupsRepo;
  audit: AuditRepo;
  outbox: OutboxRepo;
  enterprises: EnterprisesRepo;
  jobs: JobsRepo;
  applications: ApplicationsRepo;
  guidance: GuidanceRepo;
  needs: NeedsRepo;
  dashboard: DashboardRepo;
  orgs: OrgsRepo;
  stations: StationsRepo;
  retention: RetentionRepo;
  sessions: SessionsRepo;
  loginTickets: LoginTicketsRepo;
  notices: NoticesRepo;
}
