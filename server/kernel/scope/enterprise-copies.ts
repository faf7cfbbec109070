import { getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';

/**
 * Scope follows the enterprise (issue 11 item 6). Several tables keep copies of their enterprise's scope anchors
 * (region path, industry, group) so that scope and lists need no join. Each module registers its copies here from
 * its index; org's enterprise update calls `refreshEnterpriseCopies` in the transaction that moves the enterprise to
 * another county or town, changes its industry or its group, so no row keeps an anchor the enterprise no longer has.
 * A test (enterprise-copies.test.ts) fails when a table has a region_path/industry column next to enterprise_id
 * but is not registered here.
 */
export interface EnterpriseCopy {
  table: PgTable;
  enterpriseId: PgColumn;
  regionPath?: PgColumn;
  industry?: PgColumn;
  groupId?: PgColumn;
}

const copies = new Map<string, EnterpriseCopy>();

export function registerEnterpriseCopy(copy: EnterpriseCopy): void {
  copies.set(getTableName(copy.table), copy);
}

/** The registered copies, by table name. */
export function enterpriseCopies(): ReadonlyMap<string, EnterpriseCopy> {
  return copies;
}

/** The enterprise's anchors as they are now (after the update). */
export interface EnterpriseAnchors {
  id: string;
  regionPath: string;
  industry: string;
  groupId: string | null;
}

/**
 * Brings every registered copy of one enterprise's anchors up to date; rows that already agree are not written.
 * Must run in the transaction that changed the enterprise. Returns the number of rows changed per table.
 */
export async function refreshEnterpriseCopies(ex: Executor, e: EnterpriseAnchors): Promise<Record<string, number>> {
  const changed: Record<string, number> = {};
  for (const [name, c] of copies) {
    const pairs: [PgColumn, string | null][] = [];
    if (c.regionPath) pairs.push([c.regionPath, e.regionPath]);
    if (c.industry) pairs.push([c.industry, e.industry]);
    if (c.groupId) pairs.push([c.groupId, e.groupId]);
    if (!pairs.length) continue;
    // Plain identifiers: SET takes unqualified column names.
    const set = sql.join(
      pairs.map(([col, v]) => sql`${sql.identifier(col.name)} = ${v}`),
      sql`, `,
    );
    const differs: SQL = sql.join(
      pairs.map(([col, v]) => sql`${sql.identifier(col.name)} is distinct from ${v}`),
      sql` or `,
    );
    const res = await ex.execute(sql`update ${sql.identifier(name)} set ${set} where ${sql.identifier(c.enterpriseId.name)} = ${e.id} and (${differs})`);
    changed[name] = rowCount(res);
  }
  return changed;
}

function rowCount(res: unknown): number {
  const r = res as { rowCount?: number | null; affectedRows?: number };
  return r.rowCount ?? r.affectedRows ?? 0;
}
