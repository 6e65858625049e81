import type { Repositories } from '../../core/ports';
import type { SqlDb } from './db';
import { sqlEventsRepo } from './events-repo';
import { sqlRegistrationsRepo } from './registrations-repo';
import { sqlUsersRepo } from './users-repo';
import { sqlAuditRepo, sqlFollowupsRepo, sqlOutboxRepo } from './followups-repo';
import { sqlApplicationsRepo, sqlEnterprisesRepo, sqlGuidanceRepo, sqlJobsRepo } from './recruitment-repo';

export { openDb, type SqlDb } from './db';
export { migrate } from './migrations';

export function sqlRepositories(db: SqlDb): Repositories {
  return {
    events: sqlEventsRepo(db),
    registrations: sqlRegistrationsRepo(db),
    users: sqlUsersRepo(db),
    followups: sqlFollowupsRepo(db),
    audit: sqlAuditRepo(db),
    outbox: sqlOutboxRepo(db),
    enterprises: sqlEnterprisesRepo(db),
    jobs: sqlJobsRepo(db),
    applications: sqlApplicationsRepo(db),
    guidance: sqlGuidanceRepo(db),
  };
}
