import { inArray } from 'drizzle-orm';
import { registerAuditLabels, uuidIds } from '../../kernel/audit/labels.js';
import { department, enterprise, region } from './org.schema.js';

/** What the org module registers with the kernel (its manifest's hooks). */
export function registerOrgHooks(): void {
  // The audit page names an enterprise by its name, a region and a department by theirs in the reader's language.
  registerAuditLabels('enterprise', async (ex, ids) => {
    const rows = await ex
      .select({ id: enterprise.id, name: enterprise.name })
      .from(enterprise)
      .where(inArray(enterprise.id, uuidIds(ids)));
    return new Map(rows.map((e) => [e.id, e.name]));
  });
  registerAuditLabels('region', async (ex, ids, locale) => {
    const rows = await ex.select({ code: region.code, name: region.name, nameEn: region.nameEn }).from(region).where(inArray(region.code, ids));
    return new Map(rows.map((r) => [r.code, locale === 'en-US' ? r.nameEn : r.name]));
  });
  registerAuditLabels('department', async (ex, ids, locale) => {
    const rows = await ex
      .select({ id: department.id, name: department.name, nameEn: department.nameEn })
      .from(department)
      .where(inArray(department.id, uuidIds(ids)));
    return new Map(rows.map((d) => [d.id, locale === 'en-US' ? d.nameEn : d.name]));
  });
}
