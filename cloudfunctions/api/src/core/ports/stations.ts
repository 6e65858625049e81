/** 党群服务站: the directory staff keep and workers browse. */
import type { Guard } from './change';

export interface StationRecord {
  id: string;
  name: string;
  host: string;
  address: string;
  lat: number;
  lng: number;
  hours: string;
  services: string[];
  phone: string | null;
  intro: string | null;
  createdAt: string;
  updatedAt: string;
}

export type StationPatch = Partial<Omit<StationRecord, 'id' | 'createdAt'>>;

/** A published event still to come whose location text names the station (events have no station field). */
export interface StationEventRecord {
  id: string;
  title: string;
  startAt: string;
  location: string;
}

export interface StationsRepo {
  insert(s: StationRecord, actor: string): Promise<void>;
  get(id: string): Promise<StationRecord | null>;
  /** Every station, by name: a town has tens of them, sorted by distance in the use case. */
  list(): Promise<StationRecord[]>;
  /** One transaction: lock the station, run `guard`, write the patch and the audit entry. */
  change(id: string, now: string, guard: Guard<StationRecord, StationPatch>): Promise<StationRecord>;
  upcomingEvents(name: string, now: string, limit: number): Promise<StationEventRecord[]>;
}
