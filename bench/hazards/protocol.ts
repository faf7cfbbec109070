/** Messages between run.ts (load generator, report) and server.ts (the server under test), and what is measured. */
import type { LoadResult } from './bulk-hazards.js';
import type { PlanSummary } from './explain.js';

export { percentile } from '../lib/settings.js';

/** The demo users measured: a county government user and the city's (their scopes are region subtrees). */
export const USERS = ['zezhou', 'city'] as const;
export type BenchUser = (typeof USERS)[number];
export const USER_SCOPES: Record<BenchUser, string> = { zezhou: '泽州县应急管理局, county subtree', city: '晋城市应急管理局, whole city' };

export type TargetKey = 'open' | 'majorOverdue' | 'overview';
export interface Target {
  key: TargetKey;
  kind: 'list' | 'overview';
  path: string;
  label: string;
}

/** The requests under load, newest first as the list page shows them. */
export const TARGETS: readonly Target[] = [
  { key: 'open', kind: 'list', path: '/api/hazards?status=open&page=1&pageSize=20', label: 'list status=open' },
  { key: 'majorOverdue', kind: 'list', path: '/api/hazards?grade=major&overdue=true&page=1&pageSize=20', label: 'list grade=major&overdue=true' },
  { key: 'overview', kind: 'overview', path: '/api/hazards/overview', label: 'overview' },
];

/** Only EXPLAINed, not loaded: the list page as it first opens (no filter). */
export const DEFAULT_LIST = '/api/hazards?page=1&pageSize=20';

/**
 * Indexes the measurement suggests (not in the schema): created in the bench database only, after the
 * rows on the schema as migrated, for the extra rows labelled "+ suggested indexes". The two partial
 * indexes for the open list that the first run suggested are in the schema now (hazard.schema.ts).
 */
export const SUGGESTED_INDEXES: readonly { name: string; sql: string; for: string }[] = [
  {
    name: 'hazard_region_cover_idx',
    sql: 'create index hazard_region_cover_idx on hazard (region_path text_pattern_ops) include (status, grade, deadline, industry)',
    for: 'overview aggregates as index-only scans',
  },
];
/** The targets the suggested indexes are meant for (measured again with them). */
export const SUGGESTED_FOR: readonly TargetKey[] = ['overview'];

export interface TargetSetup {
  url: string;
  /** list: total; overview: totals.total */
  total: number;
  /** list: items on the page; overview: totals.open */
  second: number;
  responseBytes: number;
  /** SQL statements the server sent for one GET (auth, scope, the query's own, names). */
  statementsPerRequest: number;
  /** Median of 3 sequential GETs on the idle server, ms. */
  unloadedMs: number;
  /** The repository's statements for this request, parameters written in. */
  sql: string[];
}

export interface UserSetup {
  username: BenchUser;
  authorization: string;
  regionPath: string;
  targets: Record<TargetKey, TargetSetup>;
  /** The default list's statements (EXPLAIN only). */
  defaultListSql: string[];
}

export interface RawResult {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  avgMs: number;
  iterations: number;
  seconds: number;
}

export type ParentMessage =
  | { cmd: 'rss' }
  | { cmd: 'raw'; user: BenchUser; target: TargetKey; seconds: number; warmupSeconds: number; connections: number }
  | { cmd: 'explain'; withDefaultList: boolean; targets: readonly TargetKey[] }
  | { cmd: 'indexes' }
  | { cmd: 'drain' }
  | { cmd: 'close' };

export type ChildMessage =
  | {
      type: 'ready';
      appUrl: string;
      users: UserSetup[];
      enterprises: number;
      demoEnterprises: number;
      seedSeconds: number;
      load: LoadResult;
      hazardTableMb: number;
      rssMb: number;
    }
  | { type: 'rss'; rssMb: number; heapUsedMb: number; externalMb: number }
  | ({ type: 'raw' } & RawResult)
  | { type: 'plans'; plans: PlanSummary[] }
  | { type: 'indexes'; seconds: number; sizes: { name: string; mb: number }[] }
  | { type: 'drained'; ms: number }
  | { type: 'closed' }
  | { type: 'error'; message: string };
