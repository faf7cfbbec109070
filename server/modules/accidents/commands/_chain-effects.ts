import type { ChainRecipient } from '../../../../common/contracts/accidents.js';
import { both, notice } from '../../../../common/i18n/notifications.js';
import { ACCIDENT_GRADE_NAMES, type AccidentGrade } from '../../../../common/rules/accident-grade.js';
import { FATAL_ACCIDENT_ACTIONS, fatalActionsRequired } from '../../../../common/rules/accident-investigation.js';
import type { Ctx } from '../../../kernel/context.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { governmentDepartmentOf } from '../../org/index.js';
import { levelsOfPath } from '../accident.chain.js';
import { type AccidentRow, insertActions, listReports } from '../accident.repository.js';

/**
 * Days given to the county for each fatal-accident action. The notice (item 27) says 一律 but sets no
 * time limit; 7 days is local practice, kept as configuration.
 */
export const FATAL_ACTION_DUE_DAYS = 7;

/**
 * Notifies the Taihang departments of the given chain levels (their inbox is the receipt channel).
 * @gated-by reportAccident supplementAccident reportToLevel
 */
export async function notifyChain(
  ctx: Ctx,
  a: AccidentRow,
  recipients: ChainRecipient[],
  key: 'accident.flash' | 'accident.supplement' | 'accident.upgraded' | 'accident.forwarded',
): Promise<void> {
  const links = await listReports(ctx.tx, a.id);
  const deptIds = links.filter((l) => recipients.includes(l.recipient as ChainRecipient) && l.departmentId).map((l) => l.departmentId as string);
  const userIds = (await Promise.all(deptIds.map((d) => userIdsOfUnit(ctx.tx, { departmentId: d })))).flat();
  await ctx.notify.send({
    userIds,
    kind: 'accident',
    notice: notice(key, {
      title: a.title,
      grade: both(ACCIDENT_GRADE_NAMES[a.grade as AccidentGrade]),
      deaths: a.deaths,
      missing: a.missing,
      seriousInjuries: a.seriousInjuries,
      place: a.place,
    }),
    link: `/accidents/${a.id}`,
    entityType: 'accident',
    entityId: a.id,
  });
}

/**
 * The notice's fatal-accident rule (晋市政发〔2021〕1号 item 27): an accident with a death sets off four
 * tracked actions owned by the county 应急管理局. Created once: a later 续报 adds none.
 * @gated-by reportAccident supplementAccident
 */
export async function createFatalActions(ctx: Ctx, a: AccidentRow): Promise<number> {
  if (!fatalActionsRequired(a.deaths)) return 0;
  const { county } = levelsOfPath(a.regionPath);
  const owner = county ? await governmentDepartmentOf(ctx.tx, county) : undefined;
  const due = new Date(ctx.clock.now().getTime() + FATAL_ACTION_DUE_DAYS * 86_400_000);
  const created = await insertActions(
    ctx.tx,
    FATAL_ACCIDENT_ACTIONS.filter((x) => a.enterpriseId || (x.key !== 'suspendEnterprise' && x.key !== 'revokeStandardization')).map((x) => ({
      accidentId: a.id,
      key: x.key,
      ownerDepartmentId: owner?.id ?? null,
      due,
      status: 'open',
    })),
  );
  if (created) {
    await ctx.audit.record({ action: 'accident.fatalActionsCreated', entityType: 'accident', entityId: a.id, after: { count: created } });
    if (owner) {
      await ctx.notify.send({
        userIds: await userIdsOfUnit(ctx.tx, { departmentId: owner.id }),
        kind: 'accident',
        notice: notice('accident.fatalActions', { title: a.title }),
        link: `/accidents/${a.id}`,
        entityType: 'accident',
        entityId: a.id,
      });
    }
  }
  return created;
}
