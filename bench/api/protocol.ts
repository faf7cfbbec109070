/** Messages between run.ts (load generator, report) and server.ts (the server under test), and shared bits. */

/** The measured request: a county user's enterprise list, filtered by industry, sorted by name, first page. */
export const LIST_QUERY = '/api/enterprises?industry=coal&sort=name:asc&page=1&pageSize=20';

export type ParentMessage = { cmd: 'rss' } | { cmd: 'raw'; seconds: number; warmupSeconds: number; connections: number } | { cmd: 'close' };

export type ChildMessage =
  | {
      type: 'ready';
      appUrl: string;
      bareUrl: string;
      authorization: string;
      enterprises: number;
      demoEnterprises: number;
      listTotal: number;
      responseBytes: number;
      /** SQL statements the server sent for one GET of the list (auth, scope, page, count, names). */
      statementsPerRequest: number;
      seedSeconds: number;
      /** The page select and the count, parameters written in. */
      sql: string[];
      rssMb: number;
    }
  | { type: 'rss'; rssMb: number; heapUsedMb: number; externalMb: number }
  | { type: 'raw'; perSecond: number; p99Ms: number; avgMs: number; iterations: number }
  | { type: 'closed' }
  | { type: 'error'; message: string };

export { percentile } from '../lib/settings.js';
