import { formatBeijingDateTime } from '../../../../common/format/beijing.js';
import { type Localized, NOTICE_TERMS, perLocale } from '../../../../common/i18n/notifications.js';
import type { Loosening } from '../../../../common/rules/sensor-limits.js';
import type { Ctx } from '../../../kernel/context.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { supervisorsOf } from '../../org/index.js';

export const link = (sensorId: string) => `/monitoring/sensors/${sensorId}`;

export const FIELDS: Record<string, Localized> = NOTICE_TERMS.sensorField;

/** "断电值 1.5 → 1.8（法定限值 1.5）" lines for the notices, in both languages; a time in Beijing time. */
export function describeChanges(changes: readonly Loosening[], unit: string): Localized {
  return perLocale((l) => {
    const en = l === 'en-US';
    const v = (x: unknown) =>
      x === null || x === undefined
        ? en
          ? '(none)'
          : '（无）'
        : typeof x === 'number'
          ? `${x}${unit}`
          : typeof x === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(x)
            ? formatBeijingDateTime(x)
            : String(x);
    return changes
      .map((c) => {
        const legal = c.legal !== null ? (en ? ` (legal limit ${c.legal}${unit})` : `（法定限值 ${c.legal}${unit}）`) : '';
        return `${FIELDS[c.field]?.[l] ?? c.field} ${v(c.from)} → ${v(c.to)}${legal}`;
      })
      .join(en ? '; ' : '；');
  });
}

/**
 * The users of the departments that supervise the enterprise (org's supervisorsOf: the 应急管理局 on its
 * region line — the county bureau first — and the covering industry departments, e.g. the 能源局 for coal).
 * @gated-by requestSensorChange
 */
export async function supervisingUsers(ctx: Ctx, enterpriseId: string): Promise<string[]> {
  const s = await supervisorsOf(ctx.tx, enterpriseId);
  const ids: string[] = [];
  for (const d of [...s.government, ...s.industry]) ids.push(...(await userIdsOfUnit(ctx.tx, { departmentId: d.id })));
  return [...new Set(ids)];
}
