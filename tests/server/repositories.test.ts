import { sqlRepositories } from '../../cloudfunctions/api/src/adapters/sql';
import { describeRepositoryContract, type RepoHarness } from './contract/repositories.contract';
import { describeFollowupsAndOutboxContract } from './contract/followups-outbox.contract';
import { describeRecruitmentContract } from './contract/recruitment.contract';
import { describeRetentionContract } from './contract/retention.contract';
import { describeNeedsStationsContract } from './contract/needs-stations.contract';
import { describeCheckinsContract } from './contract/checkins.contract';
import { describeNoticesContract } from './contract/notices.contract';
import { describeOrgsContract } from './contract/orgs.contract';
import { describeSessionsContract } from './contract/sessions.contract';
import { ENGINES, openTestDb } from './support/db';
import { openCloudBase } from './support/cloudbase';

for (const engine of ENGINES) {
  describeRepositoryContract(`SQL on ${engine}`, async () => {
    const t = await openTestDb(engine);
    return {
      repos: sqlRepositories(t.db),
      reset: async () => {
        await t.db.query('TRUNCATE registrations, events, users, enterprises CASCADE');
      },
      close: () => t.drop(),
    };
  });
}

const openCloudBaseHarness = async (): Promise<RepoHarness> => {
  const h = await openCloudBase();
  return { repos: h.repos, reset: h.reset, close: async () => h.close() };
};

describeRepositoryContract('CloudBase (real wx-server-sdk, engine double behind it)', openCloudBaseHarness);

/** Every table the application writes (the party organisations are part of the schema and stay). */
const ALL_TABLES = `applications, guidance_requests, jobs, fair_participations, enterprise_claims, registrations, events,
  followup_steps, followups, audit_log, outbox, meta, users, enterprises, notices`;

const openSqlHarness = (engine: (typeof ENGINES)[number]) => async (): Promise<RepoHarness> => {
  const t = await openTestDb(engine);
  return {
    repos: sqlRepositories(t.db),
    reset: async () => {
      await t.db.query(`TRUNCATE ${ALL_TABLES} CASCADE`);
    },
    close: () => t.drop(),
  };
};

for (const engine of ENGINES) {
  describeFollowupsAndOutboxContract(`SQL on ${engine}`, openSqlHarness(engine));
  describeRecruitmentContract(`SQL on ${engine}`, openSqlHarness(engine));
  describeRetentionContract(`SQL on ${engine}`, openSqlHarness(engine));
  describeCheckinsContract(`SQL on ${engine}`, openSqlHarness(engine));
  describeNoticesContract(`SQL on ${engine}`, openSqlHarness(engine));
}

describeFollowupsAndOutboxContract('CloudBase (real wx-server-sdk, engine double behind it)', openCloudBaseHarness);
describeRecruitmentContract('CloudBase (real wx-server-sdk, engine double behind it)', openCloudBaseHarness);
describeRetentionContract('CloudBase (real wx-server-sdk, engine double behind it)', openCloudBaseHarness);
describeCheckinsContract('CloudBase (real wx-server-sdk, engine double behind it)', openCloudBaseHarness);
describeNoticesContract('CloudBase (real wx-server-sdk, engine double behind it)', openCloudBaseHarness);

for (const engine of ENGINES) describeNeedsStationsContract(`SQL on ${engine}`, openSqlHarness(engine));
describeNeedsStationsContract('CloudBase (real wx-server-sdk, engine double behind it)', openCloudBaseHarness);

for (const engine of ENGINES) describeOrgsContract(`SQL on ${engine}`, openSqlHarness(engine));
describeOrgsContract('CloudBase (real wx-server-sdk, engine double behind it)', openCloudBaseHarness);

for (const engine of ENGINES) describeSessionsContract(`SQL on ${engine}`, openSqlHarness(engine));
describeSessionsContract('CloudBase (real wx-server-sdk, engine double behind it)', openCloudBaseHarness);
