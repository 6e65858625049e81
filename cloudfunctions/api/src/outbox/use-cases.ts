import type { OutboxItem } from '@shared/outbox';
import type { Ctx } from '../core/context';

const OUTBOX_PAGE = 50;

/** The newest notifications, for staff to see what people were told (in the local demo nothing delivers them). */
export async function listOutbox(ctx: Ctx, input: { openid?: string }): Promise<OutboxItem[]> {
  return ctx.deps.repos.outbox.list({ openid: input.openid, limit: OUTBOX_PAGE });
}
