import { maskPhone } from '@shared/intents';
import type { OutboxItem } from '@shared/outbox';
import type { Ctx } from '../core/context';

const OUTBOX_PAGE = 50;

/** The newest notifications, for staff to see what people were told (in the local demo nothing delivers them). */
export async function listOutbox(ctx: Ctx, input: { openid?: string }): Promise<OutboxItem[]> {
  const items = await ctx.deps.repos.outbox.list({ openid: input.openid, limit: OUTBOX_PAGE });
  const people = new Map<string, { name: string | null; phone: string | null }>();
  for (const openid of new Set(items.map((i) => i.openid))) {
    const user = await ctx.deps.repos.users.get(openid);
    people.set(openid, { name: user?.name ?? null, phone: user?.phone ? maskPhone(user.phone) : null });
  }
  // Staff see who was told by name and a masked phone, never the openid alone.
  return items.map((i) => ({ ...i, recipientName: people.get(i.openid)?.name ?? null, recipientPhone: people.get(i.openid)?.phone ?? null }));
}
