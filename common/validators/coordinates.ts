/**
 * Stored coordinates are WGS 84 / CGCS2000 longitude-latitude (interop.md §5.2). China's extent is
 * checked so swapped or GCJ-less garbage (0,0) is caught at entry rather than drawn in the sea.
 */
export const CHINA_BOUNDS = { minLng: 73.4, maxLng: 135.1, minLat: 3.8, maxLat: 53.6 } as const;

export function isInChina(lng: number, lat: number): boolean {
  return lng >= CHINA_BOUNDS.minLng && lng <= CHINA_BOUNDS.maxLng && lat >= CHINA_BOUNDS.minLat && lat <= CHINA_BOUNDS.maxLat;
}
