import type { Station } from '@shared/stations';

/** H5: Amap's marker page (it speaks GCJ-02, as the stations are kept), in a new tab. */
export function openMap(s: Pick<Station, 'lat' | 'lng' | 'name' | 'address'>): void {
  const url = `https://uri.amap.com/marker?position=${s.lng},${s.lat}&name=${encodeURIComponent(s.name)}&coordinate=gaode&callnative=0`;
  window.open(url, '_blank', 'noopener');
}
