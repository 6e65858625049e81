/**
 * Distances to a 党群服务站, and how they read.
 * Plain TypeScript, no zod: the mini-program imports this without carrying the schema library;
 * the schema module beside it re-exports all of it.
 */

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (haversine). GCJ-02 shifts both points alike within a town, so it holds there. */
export function haversineMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** "350 米", "1.2 公里". */
export function distanceLabel(metres: number): string {
  return metres < 1000 ? `${Math.round(metres / 10) * 10} 米` : `${(metres / 1000).toFixed(1)} 公里`;
}
