import type { Repositories } from '../../core/ports';
import type { SqlDb } from './db';
import { sqlEventsRepo } from './events-repo';
import { sqlRegistrationsRepo } from './registrations-repo';
import { sqlUsersRepo } from './users-repo';
import { sqlAuditRepo } from './audit-repo';
import { sqlFollowupsRepo } from './followups-repo';
import { sqlOutboxRepo } from './outbox-repo';
import { sqlApplicationsRepo } from './applications-repo';
import { sqlEnterprisesRepo } from './enterprises-repo';
import { sqlGuidanceRepo } from './guidance-repo';
import { sqlJobsRepo } from './jobs-repo';
import { sqlRetentionRepo } from './retention-repo';

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
    retention: sqlRetentionRepo(db),
  };
}
