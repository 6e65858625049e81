import type { Repositories } from '../../core/ports';
import type { SqlDb } from './db';
import { sqlEventsRepo } from './events-repo';
import { sqlRegistrationsRepo } from './registrations-repo';
import { sqlCheckinTokensRepo } from './checkin-tokens-repo';
import { sqlUsersRepo } from './users-repo';
import { sqlAuditRepo } from './audit-repo';
import { sqlFollowupsRepo } from './followups-repo';
import { sqlOutboxRepo } from './outbox-repo';
import { sqlApplicationsRepo } from './applications-repo';
import { sqlEnterprisesRepo } from './enterprises-repo';
import { sqlGuidanceRepo } from './guidance-repo';
import { sqlNeedsRepo } from './needs-repo';
import { sqlDashboardRepo } from './dashboard-repo';
import { sqlOrgsRepo } from './orgs-repo';
import { sqlStationsRepo } from './stations-repo';
import { sqlJobsRepo } from './jobs-repo';
import { sqlNoticesRepo } from './notices-repo';
import { sqlRetentionRepo } from './retention-repo';
import { sqlLoginTicketsRepo, sqlSessionsRepo } from './sessions-repo';

export { openDb, type SqlDb } from './db';
export { migrate } from './migrations';
export { sqlFilesRepo } from './files-repo';

export function sqlRepositories(db: SqlDb): Repositories {
  return {
    events: sqlEventsRepo(db),
    registrations: sqlRegistrationsRepo(db),
    checkinTokens: sqlCheckinTokensRepo(db),
    users: sqlUsersRepo(db),
    followups: sqlFollowupsRepo(db),
    audit: sqlAuditRepo(db),
    outbox: sqlOutboxRepo(db),
    enterprises: sqlEnterprisesRepo(db),
    jobs: sqlJobsRepo(db),
    notices: sqlNoticesRepo(db),
    applications: sqlApplicationsRepo(db),
    guidance: sqlGuidanceRepo(db),
    needs: sqlNeedsRepo(db),
    dashboard: sqlDashboardRepo(db),
    orgs: sqlOrgsRepo(db),
    stations: sqlStationsRepo(db),
    retention: sqlRetentionRepo(db),
    sessions: sqlSessionsRepo(db),
    loginTickets: sqlLoginTicketsRepo(db),
  };
}
