/** Self check-in tokens on CloudBase: one document per event, `_id` = event id, written once. */
import type { CheckinTokensRepo } from '../../core/ports';
import { inTransaction, toDate, type CloudDb } from './db';

export function cloudbaseCheckinTokensRepo(db: CloudDb): CheckinTokensRepo {
  return {
    async get(eventId) {
      const { data } = await db.collection('checkin_tokens').doc(eventId).get();
      return data ? String(data.token) : null;
    },

    async issue(eventId, token, now) {
      // The first token issued stays: a code already printed keeps working.
      return inTransaction(db, async (tx) => {
        const doc = tx.collection('checkin_tokens').doc(eventId);
        const { data } = await doc.get();
        if (data) return String(data.token);
        await doc.set({ data: { token, createdAt: toDate(now) } });
        return token;
      });
    },
  };
}
