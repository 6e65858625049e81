/**
 * 党群服务站: the directory workers browse (nearest first when they share where they are) and staff keep. A station's
 * coming events are the published events whose location names it: events carry no station field (yet), so staff
 * write the station's name in the event's location, as they already do.
 */
import {
  haversineMetres,
  type Station,
  type StationCreateInput,
  type StationDetail,
  type StationService,
} from '@shared/stations';
import { caller, type Ctx } from '../core/context';
import { notFound } from '../core/errors';
import type { StationPatch, StationRecord } from '../core/ports';

const COMING_EVENTS = 10;

function toStation(r: StationRecord, near?: { lat: number; lng: number }): Station {
  return {
    id: r.id,
    name: r.name,
    host: r.host,
    address: r.address,
    lat: r.lat,
    lng: r.lng,
    hours: r.hours,
    services: r.services as StationService[],
    phone: r.phone,
    intro: r.intro,
    distance: near ? Math.round(haversineMetres(near, r)) : null,
  };
}

export async function listStations(ctx: Ctx, input: { near?: { lat: number; lng: number } }): Promise<Station[]> {
  const stations = (await ctx.deps.repos.stations.list()).map((r) => toStation(r, input.near));
  return input.near ? stations.sort((a, b) => (a.distance as number) - (b.distance as number)) : stations;
}

export async function getStation(ctx: Ctx, input: { id: string }): Promise<StationDetail> {
  const station = await ctx.deps.repos.stations.get(input.id);
  if (!station) throw notFound('服务站');
  const events = await ctx.deps.repos.stations.upcomingEvents(station.name, ctx.now, COMING_EVENTS);
  return { ...toStation(station), events };
}

export async function createStation(ctx: Ctx, input: StationCreateInput): Promise<Station> {
  const record: StationRecord = {
    id: ctx.deps.newId(),
    ...input,
    phone: input.phone ?? null,
    intro: input.intro ?? null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await ctx.deps.repos.stations.insert(record, caller(ctx).openid);
  return toStation(record);
}

/** Any field, audited with the names of the fields changed. */
export async function updateStation(ctx: Ctx, input: { id: string } & Partial<StationCreateInput>): Promise<Station> {
  const by = caller(ctx).openid;
  const { id, ...fields } = input;
  const updated = await ctx.deps.repos.stations.change(id, ctx.now, (current) => {
    const patch: StationPatch = { ...fields, updatedAt: ctx.now };
    const changed = Object.keys(fields).filter((k) => JSON.stringify(fields[k as keyof typeof fields]) !== JSON.stringify(current[k as keyof StationRecord]));
    return {
      patch,
      audit: { actor: by, action: 'station.update', recordType: 'station', recordId: id, detail: changed.join(', ') || null },
    };
  });
  return toStation(updated);
}
