import { drizzle } from 'drizzle-orm/node-postgres';
import { ZHazardListQuery } from '../../common/contracts/hazards.js';
import { toShanghaiDate } from '../../common/rules/calendar/working-days.js';
import type { Db } from '../../server/db/client.js';
import * as schema from '../../server/db/schema.js';
import type { Clock } from '../../server/kernel/clock.js';
import type { Ctx } from '../../server/kernel/context.js';
import type { Scope } from '../../server/kernel/scope/scope.js';
// A benchmark may reach past a module's index.ts: the point is to replay exactly the SQL the endpoints run.
import { findHazards, overview } from '../../server/modules/hazards/hazard.repository.js';
import { filterOf } from '../../server/modules/hazards/queries/find-hazards.js';
import type { CapturedQuery } from '../api/capture-sql.js';

/**
 * A drizzle instance over a recording stand-in for a node-postgres client: statements are collected,
 * nothing reaches a database (every statement "returns" no rows).
 */
function recorder(): { db: Db; captured: CapturedQuery[] } {
  const captured: CapturedQuery[] = [];
  const client = {
    async query(config: string | { text: string; values?: unknown[] }, values?: unknown[]) {
      if (typeof config === 'string') captured.push({ text: config, values: values ?? [] });
      else captured.push({ text: config.text, values: values ?? config.values ?? [] });
      return { rows: [], fields: [], rowCount: 0 };
    },
  };
  return { db: drizzle({ client: client as never, schema }) as unknown as Db, captured };
}

/**
 * The statements `GET <path>` runs in the hazards repository with `scope`: the real `filterOf`
 * (query string → filter, today's Beijing date for `overdue`) and the real `findHazards` (page
 * select + count) or `overview` (its grouped counts and the listed count). The query string must not use `regionCode`
 * (filterOf would look the region up in the database).
 */
export async function captureHazardSql(kind: 'list' | 'overview', urlPath: string, scope: Scope, clock: Clock): Promise<CapturedQuery[]> {
  const q = ZHazardListQuery.parse(Object.fromEntries(new URL(urlPath, 'http://x').searchParams));
  if (q.regionCode) throw new Error('bench: captureHazardSql does not resolve regionCode');
  const { db, captured } = recorder();
  const f = await filterOf({ clock, tx: db } as unknown as Ctx, q);
  if (kind === 'list') await findHazards(db, scope, f, q.page, q.pageSize, q.sort);
  else {
    // As hazardOverviewQuery: group by the next region level below the filter's region or the scope's.
    const base = f.regionPath ?? (scope.kind === 'government' || scope.kind === 'industry' ? scope.regionPath : '');
    await overview(db, scope, f, toShanghaiDate(clock.now()), base.split('/').filter(Boolean).length);
  }
  return captured;
}
