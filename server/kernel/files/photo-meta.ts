import exifr from 'exifr';
import { isInChina } from '../../../common/validators/coordinates.js';

export interface PhotoMeta {
  /** ISO 8601 with offset; EXIF times without an offset are read as Beijing time (the camera's clock). */
  takenAt?: string;
  lat?: number;
  lng?: number;
}

/**
 * Time and GPS position from a photo's EXIF, so a hazard report carries where and when the picture was
 * taken (evidence you can trust). Anything missing or implausible is left out, never guessed.
 */
export async function readPhotoMeta(buffer: Buffer, mime: string): Promise<PhotoMeta | null> {
  if (mime !== 'image/jpeg' && mime !== 'image/webp' && mime !== 'image/png') return null;
  let tags: Record<string, unknown> | undefined;
  try {
    tags = await exifr.parse(buffer, {
      gps: true,
      reviveValues: false,
      pick: ['DateTimeOriginal', 'OffsetTimeOriginal', 'GPSLatitude', 'GPSLatitudeRef', 'GPSLongitude', 'GPSLongitudeRef'],
    });
  } catch {
    return null;
  }
  if (!tags) return null;
  const meta: PhotoMeta = {};
  const raw = typeof tags.DateTimeOriginal === 'string' ? tags.DateTimeOriginal : null;
  const m = raw && /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(raw);
  if (m) {
    const offset = typeof tags.OffsetTimeOriginal === 'string' && /^[+-]\d{2}:\d{2}$/.test(tags.OffsetTimeOriginal) ? tags.OffsetTimeOriginal : '+08:00';
    const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${offset}`;
    if (!Number.isNaN(new Date(iso).getTime())) meta.takenAt = iso;
  }
  const lat = dms(tags.GPSLatitude, tags.GPSLatitudeRef, 'S');
  const lng = dms(tags.GPSLongitude, tags.GPSLongitudeRef, 'W');
  if (lat !== null && lng !== null && isInChina(lng, lat)) {
    meta.lat = Math.round(lat * 1e6) / 1e6;
    meta.lng = Math.round(lng * 1e6) / 1e6;
  }
  return meta.takenAt || meta.lat !== undefined ? meta : null;
}

function dms(v: unknown, ref: unknown, negative: string): number | null {
  if (typeof v === 'number') return ref === negative ? -v : v;
  if (!Array.isArray(v) || v.length !== 3 || !v.every((x) => typeof x === 'number')) return null;
  const [d, m, s] = v as [number, number, number];
  const deg = d + m / 60 + s / 3600;
  return ref === negative ? -deg : deg;
}
