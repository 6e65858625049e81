/** 就业指导 requests and their answers. */
import type { OutboxMessage } from './outbox';

export interface GuidanceRecord {
  id: string;
  openid: string;
  topic: string;
  preferredTimes: string;
  phone: string;
  status: 'open' | 'answered';
  answer: string | null;
  createdAt: string;
  answeredAt: string | null;
}

export interface GuidanceRepo {
  insert(r: GuidanceRecord): Promise<void>;
  get(id: string): Promise<GuidanceRecord | null>;
  listByUser(openid: string): Promise<GuidanceRecord[]>;
  list(status?: string): Promise<GuidanceRecord[]>;
  answer(id: string, answer: string, by: string, now: string, notify: Omit<OutboxMessage, 'createdAt'>): Promise<GuidanceRecord>;
}
