import { z } from 'zod';
import { OpenId } from './users';

/** A notification waiting in (or sent from) the outbox; WeChat delivers it as a subscription message. */
export interface OutboxItem {
  id: number;
  openid: string;
  /** Who it went to, as staff know them: the name the person gave and a masked phone (null when never given). */
  recipientName: string | null;
  recipientPhone: string | null;
  template: string;
  data: Record<string, string>;
  status: string;
  createdAt: string;
}

export const OutboxListInput = z.object({ openid: OpenId.optional() }).strict();
