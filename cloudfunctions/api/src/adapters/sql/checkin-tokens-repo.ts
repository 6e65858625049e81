import type { CheckinTokensRepo } from '../../core/ports';
import type { SqlDb } from './db';

export function sqlCheckinTokensRepo(db: SqlDb): CheckinTokensRepo {
  return {
    async get(eventId) {
      const rows = await db.query<{ token: string }>('SELECT token FROM event_checkin_tokens WHERE event_id = $1', [eventId]);
      return rows[0]?.token ?? null;
    },

    async issue(eventId, token, now) {
      // The first token issued stays: a code already printed keeps working.
      await db.query(
        'INSERT INTO event_checkin_tokens (event_id, token, created_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING',
        [eventId, token, now],
      );
      const rows = await db.query<{ token: string }>('SELECT token FROM event_checkin_tokens WHERE event_id = $1', [eventId]);
      return rows[0].token;
    },
  };
}
