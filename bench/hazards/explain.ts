import type { Database } from '../../server/db/client.js';

/** One statement's EXPLAIN (ANALYZE, BUFFERS) in a line or two: plan chain, indexes used, timings. */
export interface PlanSummary {
  label: string;
  /** Nodes from the top down; a node with several inputs lists them in [ … | … ]. */
  chain: string;
  indexes: string[];
  seqScans: string[];
  executionMs: number;
  planningMs: number;
  sharedHit: number;
  sharedRead: number;
}

interface PlanNode {
  'Node Type': string;
  'Parallel Aware'?: boolean;
  'Relation Name'?: string;
  'Index Name'?: string;
  Strategy?: string;
  'Sort Method'?: string;
  'Workers Launched'?: number;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  'Heap Fetches'?: number;
  'Scan Direction'?: string;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

/** Runs EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) on a statement (parameters written in) and summarises it. */
export async function explain(database: Database, label: string, statement: string): Promise<PlanSummary> {
  const r = await database.query<Record<string, unknown>>(`explain (analyze, buffers, format json) ${statement}`);
  let json = Object.values(r.rows[0] ?? {})[0];
  if (typeof json === 'string') json = JSON.parse(json);
  const top = (json as { Plan: PlanNode; 'Execution Time': number; 'Planning Time': number }[])[0];
  if (!top) throw new Error(`bench: EXPLAIN returned nothing for ${label}`);
  const indexes = new Set<string>();
  const seqScans = new Set<string>();
  const walk = (n: PlanNode): string => {
    if (n['Index Name']) indexes.add(n['Index Name']);
    if (n['Node Type'] === 'Seq Scan' && n['Relation Name']) seqScans.add(n['Relation Name']);
    const loops = n['Actual Loops'] ?? 1;
    const rows = Math.round((n['Actual Rows'] ?? 0) * loops);
    let s = `${n['Parallel Aware'] ? 'Parallel ' : ''}${n['Node Type']}`;
    if (n.Strategy && n['Node Type'] === 'Aggregate') s = `${n.Strategy} ${s}`;
    if (n['Index Name']) s += ` using ${n['Index Name']}`;
    else if (n['Relation Name']) s += ` on ${n['Relation Name']}`;
    const details: string[] = [`rows ${rows}`];
    if (n['Scan Direction'] === 'Backward') details.push('backward');
    if (n['Sort Method']) details.push(n['Sort Method']);
    if (n['Workers Launched'] !== undefined) details.push(`${n['Workers Launched']} workers`);
    const removed = (n['Rows Removed by Filter'] ?? 0) * loops;
    if (removed) details.push(`filter removed ${Math.round(removed)}`);
    if (n['Heap Fetches'] !== undefined) details.push(`heap fetches ${n['Heap Fetches']}`);
    s += ` (${details.join(', ')})`;
    const kids = n.Plans ?? [];
    if (kids.length === 1) return `${s} → ${walk(kids[0] as PlanNode)}`;
    if (kids.length > 1) return `${s} → [ ${kids.map(walk).join(' | ')} ]`;
    return s;
  };
  const chain = walk(top.Plan);
  return {
    label,
    chain,
    indexes: [...indexes],
    seqScans: [...seqScans],
    executionMs: top['Execution Time'],
    planningMs: top['Planning Time'],
    sharedHit: top.Plan['Shared Hit Blocks'] ?? 0,
    sharedRead: top.Plan['Shared Read Blocks'] ?? 0,
  };
}

export function formatPlan(p: PlanSummary): string {
  const uses = p.indexes.length ? `indexes ${p.indexes.join(', ')}` : 'no index';
  const seq = p.seqScans.length ? `; seq scan on ${p.seqScans.join(', ')}` : '';
  return (
    `  ${p.label}: ${p.executionMs.toFixed(1)} ms (planning ${p.planningMs.toFixed(1)} ms), ${uses}${seq}, buffers hit ${p.sharedHit} read ${p.sharedRead}\n` +
    `      ${p.chain}`
  );
}
