/** Settings every benchmark reads from the environment (BENCH_*), checked before anything starts. */
export type Backend = 'pglite' | 'postgres';

const env = process.env;

/** An integer BENCH_* variable, or its default; anything else stops the run before it starts. */
export function intEnv(name: string, dflt: number, min = 1): number {
  const v = env[name] === undefined || env[name] === '' ? dflt : Number(env[name]);
  if (!Number.isInteger(v) || v < min) throw new Error(`${name} must be an integer >= ${min}`);
  return v;
}

/** BENCH_BACKENDS (default both). */
export function backendsFromEnv(): Backend[] {
  const list = (env.BENCH_BACKENDS || 'pglite,postgres')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const b of list) if (b !== 'pglite' && b !== 'postgres') throw new Error(`BENCH_BACKENDS: unknown backend ${b} (pglite, postgres)`);
  return list as Backend[];
}

/** BENCH_DATABASE_URL, or the benchmark's own database on the local server (dropped and recreated each run). */
export function pgUrlFromEnv(database: string): string {
  return env.BENCH_DATABASE_URL || `postgres://postgres@127.0.0.1:5432/${database}`;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}
