import { sqlRepositories } from '../../cloudfunctions/api/src/adapters/sql';
import { describeRepositoryContract } from './contract/repositories.contract';
import { ENGINES, openTestDb } from './support/db';

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
