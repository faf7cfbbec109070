/**
 * The demo sensors' values as a pure function of absolute time, so the seeded history and the live
 * demo feed (demo-feed.ts) draw the same curve: a slow wave, deterministic noise, and scripted events
 * placed relative to the moment the demo was seeded (the excursions behind the demo alarms, a stuck
 * instrument, a sensor that fell silent) plus a rare periodic excursion after seeding.
 */

/** Minutes relative to the seed time (negative = before), and the value there (null = the undisturbed curve). */
export type ProfilePoint = readonly [minutes: number, value: number | null];

export type DemoEvent =
  /** The value follows the profile (linear between points) instead of the wave, with a little noise. */
  | { kind: 'profile'; points: readonly ProfilePoint[] }
  /** A stuck instrument: exactly this value from `from` on (a flat line). */
  | { kind: 'stuck'; from: number; value: number }
  /** No data from `from` on (断线). */
  | { kind: 'silent'; from: number }
  /** After seeding only: the profile again every `everyHours`, starting `offsetMinutes` after the seed. */
  | { kind: 'periodic'; everyHours: number; offsetMinutes: number; points: readonly ProfilePoint[] };

export interface DemoSignal {
  code: string;
  /** Base value, amplitude of the slow wave, noise amplitude. */
  base: number;
  amp: number;
  noise: number;
  range: readonly [number, number];
  events?: readonly DemoEvent[];
}

/** The slow wave's period (about 2 h 51 min, as the first demo's 0.7π per hour). */
const PERIOD_MS = (2 / 0.7) * 3_600_000;
/** Noise inside a scripted profile is damped so a value near a limit does not chatter across it. */
const PROFILE_NOISE = 0.3;

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Deterministic noise in [-1, 1] for a sensor and a second. */
function noiseAt(code: string, t: number): number {
  let x = (hash(code) ^ Math.floor(t / 1000)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0;
  x = (x ^ (x >>> 16)) >>> 0;
  return (x / 0xffffffff) * 2 - 1;
}

function wave(s: DemoSignal, t: number): number {
  const phase = (hash(s.code) % 628) / 100;
  return s.base + s.amp * Math.sin((2 * Math.PI * t) / PERIOD_MS + phase);
}

/** The profile's value at `min` (minutes from its origin), or undefined outside it. */
function onProfile(points: readonly ProfilePoint[], min: number, undisturbed: (m: number) => number): number | undefined {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last || min < first[0] || min > last[0]) return undefined;
  for (let i = 1; i < points.length; i++) {
    const [m1, v1] = points[i - 1] as ProfilePoint;
    const [m2, v2] = points[i] as ProfilePoint;
    if (min > m2) continue;
    const a = v1 ?? undisturbed(m1);
    const b = v2 ?? undisturbed(m2);
    return m2 === m1 ? b : a + ((b - a) * (min - m1)) / (m2 - m1);
  }
  return undefined;
}

/** The reading of a demo sensor at time `t` (epoch ms) for a demo seeded at `seededAt`; null when it sends nothing. */
export function demoValue(s: DemoSignal, t: number, seededAt: number): number | null {
  const min = (t - seededAt) / 60_000;
  const plain = (m: number) => wave(s, seededAt + m * 60_000);
  let v: number | undefined;
  for (const e of s.events ?? []) {
    if (e.kind === 'silent' && min >= e.from) return null;
    if (e.kind === 'stuck' && min >= e.from) return e.value;
    if (e.kind === 'profile') v ??= onProfile(e.points, min, plain);
    if (e.kind === 'periodic' && min > e.offsetMinutes) {
      const every = e.everyHours * 60;
      const start = e.offsetMinutes + Math.floor((min - e.offsetMinutes) / every) * every;
      v ??= onProfile(e.points, min - start, (m) => plain(start + m));
    }
  }
  const raw = v === undefined ? wave(s, t) + s.noise * noiseAt(s.code, t) : v + s.noise * PROFILE_NOISE * noiseAt(s.code, t);
  const clamped = Math.min(s.range[1], Math.max(s.range[0], raw));
  return Math.round(clamped * 1000) / 1000;
}
