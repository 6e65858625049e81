import { z } from 'zod';
import { OpenId } from './users';

/** A notification waiting in (or sent from) the outbox; WeChat delivers it as a subscription message. */
export interface OutboxItem {
  id: number;
  openid: string;
  template: string;
  data: Record<string, string>;
  status: string;
  createdAt: string;
}

export const OutboxListInput = z.object({ openid: OpenId.optional() }).strict();
