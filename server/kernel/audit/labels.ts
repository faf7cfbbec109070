import type { Locale } from '../../../common/i18n/api-messages.js';
import type { Executor } from '../../db/client.js';

/**
 * What a person calls an audited entity (an enterprise's name, a hazard's code and title): the audit page shows
 * it instead of the UUID. Each module registers the entity types it audits (its *.hooks.ts); the audit log
 * resolves a page's ids in one call per type. An entity since deleted, or of a type nobody registered, is named
 * from the row's own before/after snapshot when that carries a name.
 */
export type AuditLabelResolver = (ex: Executor, ids: string[], locale: Locale) => Promise<Map<string, string>>;

const resolvers = new Map<string, AuditLabelResolver>();

/** Idempotent (a module's hooks may run more than once): the latest registration of a type holds. */
export function registerAuditLabels(entityType: string, resolve: AuditLabelResolver): void {
  resolvers.set(entityType, resolve);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Audit entity ids are text: only well-formed UUIDs may be compared with a uuid column (the nil UUID matches nothing). */
export function uuidIds(ids: string[]): string[] {
  const ok = ids.filter((id) => UUID.test(id));
  return ok.length ? ok : ['00000000-0000-0000-0000-000000000000'];
}

/** Fields of a snapshot that name the entity, most telling first. */
const NAME_FIELDS = ['name', 'title', 'headline', 'displayName', 'username', 'filename', 'code'] as const;

function fromSnapshot(...snapshots: unknown[]): string | null {
  for (const s of snapshots) {
    if (!s || typeof s !== 'object') continue;
    const o = s as Record<string, unknown>;
    for (const f of NAME_FIELDS) {
      const v = o[f];
      if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 120);
    }
  }
  return null;
}

export interface LabelledRow {
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/**
 * The label of each row, in order (null when neither a resolver nor the snapshot names it). `own` are the caller's
 * resolvers for entities whose tables are the kernel's (the platform module's).
 */
export async function auditEntityLabels(
  ex: Executor,
  rows: LabelledRow[],
  locale: Locale,
  own: Record<string, AuditLabelResolver> = {},
): Promise<(string | null)[]> {
  const resolverOf = (type: string) => (Object.hasOwn(own, type) ? own[type] : resolvers.get(type));
  const idsByType = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!r.entityId || !resolverOf(r.entityType)) continue;
    idsByType.set(r.entityType, (idsByType.get(r.entityType) ?? new Set()).add(r.entityId));
  }
  const found = new Map<string, Map<string, string>>();
  for (const [type, ids] of idsByType) {
    const resolve = resolverOf(type);
    if (resolve) found.set(type, await resolve(ex, [...ids], locale));
  }
  return rows.map((r) => (r.entityId ? found.get(r.entityType)?.get(r.entityId) : undefined) ?? fromSnapshot(r.after, r.before));
}
