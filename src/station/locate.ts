/**
 * Where the person is, on H5: the browser's geolocation (WGS-84, which differs from GCJ-02 by a few hundred metres in
 * Shanghai — near enough to sort a town's stations). Null when refused, unavailable or too slow: the list stays plain.
 */
export function locate(): Promise<{ lat: number; lng: number } | null> {
  return new Promise((resolve) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      resolve(null);
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
      () => resolve(null),
      { timeout: 8000, maximumAge: 300_000 },
    );
  });
}
