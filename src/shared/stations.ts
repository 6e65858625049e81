/** 党群服务站: the directory's inputs, the service tags, and the distance used to sort it. */
import { z } from 'zod';
import { Id } from './common';

export const STATION_SERVICES = [
  'women',
  'health',
  'talent',
  'rider_rest',
  'water',
  'charging',
  'rest',
  'legal',
  'employment',
  'party',
] as const;
export type StationService = (typeof STATION_SERVICES)[number];

/**
 * Mainland China's bounding box (with Hainan and the far west), in GCJ-02 as WeChat's maps speak it. A point outside
 * cannot be a station of 佘山; one inside is not proven to be in the town, only to be a plausible coordinate.
 */
export const CHINA_BOUNDS = { minLat: 3.8, maxLat: 53.6, minLng: 73.5, maxLng: 135.1 } as const;

const Lat = z.number({ message: '纬度应为数字' }).min(CHINA_BOUNDS.minLat, '坐标不在中国境内').max(CHINA_BOUNDS.maxLat, '坐标不在中国境内');
const Lng = z.number({ message: '经度应为数字' }).min(CHINA_BOUNDS.minLng, '坐标不在中国境内').max(CHINA_BOUNDS.maxLng, '坐标不在中国境内');
export const LatLng = z.object({ lat: Lat, lng: Lng }).strict();

/** A mobile number, or a landline with its area code (021-57651234). */
export const StationPhone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请填写手机号或带区号的固定电话');

const stationFields = {
  name: z.string().trim().min(2, '请填写服务站名称').max(40, '名称最多 40 个字'),
  host: z.string().trim().min(2, '请填写承办单位').max(60, '承办单位最多 60 个字'),
  address: z.string().trim().min(4, '请填写地址').max(100, '地址最多 100 个字'),
  lat: Lat,
  lng: Lng,
  hours: z.string().trim().min(2, '请填写开放时间').max(60, '开放时间最多 60 个字'),
  services: z
    .array(z.enum(STATION_SERVICES, { errorMap: () => ({ message: '不支持的服务类型' }) }))
    .max(STATION_SERVICES.length, '服务类型重复')
    .refine((s) => new Set(s).size === s.length, '服务类型重复'),
  phone: StationPhone.nullable().optional(),
  intro: z.string().trim().max(300, '介绍最多 300 个字').nullable().optional(),
};

export const StationCreateInput = z.object(stationFields).strict();
export const StationUpdateInput = StationCreateInput.partial().extend({ id: Id }).strict();
export const StationListInput = z.object({ near: LatLng.optional() }).strict();
export const StationIdInput = z.object({ id: Id }).strict();

export type StationCreateInput = z.output<typeof StationCreateInput>;

export interface Station {
  id: string;
  name: string;
  host: string;
  address: string;
  lat: number;
  lng: number;
  hours: string;
  services: StationService[];
  phone: string | null;
  intro: string | null;
  /** Metres from the point asked about, when the list was asked with `near`. */
  distance: number | null;
}

export interface StationEvent {
  id: string;
  title: string;
  startAt: string;
  location: string;
}

export interface StationDetail extends Station {
  /** Published events still to come whose location names the station. */
  events: StationEvent[];
}

export { distanceLabel, haversineMetres } from './plain/stations';
