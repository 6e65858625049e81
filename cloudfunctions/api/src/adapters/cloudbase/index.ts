/**
 * The CloudBase adapter: every repository port on wx-server-sdk's database API. The caller creates the database
 * (`cloud.database(DATABASE_OPTIONS)`) and passes it in, so this folder never initialises the SDK.
 */
import type { Repositories } from '../../core/ports';
import type { CloudDb } from './db';
import { cloudbaseEventsRepo } from './events-repo';
import { cloudbaseAuditRepo } from './audit-repo';
import { cloudbaseFollowupsRepo } from './followups-repo';
import { cloudbaseOutboxRepo } from './outbox-repo';
import { cloudbaseApplicationsRepo } from './applications-repo';
import { cloudbaseEnterprisesRepo } from './enterprises-repo';
import { cloudbaseGuidanceRepo } from './guidance-repo';
import { cloudbaseNeedsRepo } from './needs-repo';
import { cloudbaseDashboardRepo } from './dashboard-repo';
import { cloudbaseOrgsRepo } from './orgs-repo';
import { cloudbaseStationsRepo } from './stations-repo';
import { cloudbaseJobsRepo } from './jobs-repo';
import { cloudbaseNoticesRepo } from './notices-repo';
import { cloudbaseRegistrationsRepo } from './registrations-repo';
import { cloudbaseCheckinTokensRepo } from './checkin-tokens-repo';
import { cloudbaseRetentionRepo } from './retention-repo';
import { cloudbaseLoginTicketsRepo, cloudbaseSessionsRepo } from './sessions-repo';
import { cloudbaseUsersRepo } from './users-repo';

export { DATABASE_OPTIONS, type CloudDb } from './db';
export { COLLECTIONS, SECURITY_RULE, setupDatabase, type SetupReport } from './schema';

export function cloudbaseRepositories(db: CloudDb): Repositories {
  return {
    events: cloudbaseEventsRepo(db),
    registrations: cloudbaseRegistrationsRepo(db),
    checkinTokens: cloudbaseCheckinTokensRepo(db),
    users: cloudbaseUsersRepo(db),
    followups: cloudbaseFollowupsRepo(db),
    audit: cloudbaseAuditRepo(db),
    outbox: cloudbaseOutboxRepo(db),
    enterprises: cloudbaseEnterprisesRepo(db),
    jobs: cloudbaseJobsRepo(db),
    notices: cloudbaseNoticesRepo(db),
    applications: cloudbaseApplicationsRepo(db),
    guidance: cloudbaseGuidanceRepo(db),
    needs: cloudbaseNeedsRepo(db),
    dashboard: cloudbaseDashboardRepo(db),
    orgs: cloudbaseOrgsRepo(db),
    stations: cloudbaseStationsRepo(db),
    retention: cloudbaseRetentionRepo(db),
    sessions: cloudbaseSessionsRepo(db),
    loginTickets: cloudbaseLoginTicketsRepo(db),
  };
}
