import type { z } from 'zod';
import type { ZAlarmResponse } from '../../../../common/contracts/alarms.js';
import type { Ctx } from '../../../kernel/context.js';
import { notFound } from '../../../kernel/errors.js';
import { type AlarmFacts, alarmAbilities } from '../alarm.policy.js';
import { presentAlarm } from '../alarm.presenter.js';
import { getAlarm, transitionsOfAlarm } from '../alarm.repository.js';

/** One alarm with its history and what the caller may do (404 out of scope). */
export async function getAlarmQuery(ctx: Ctx, id: string): Promise<z.input<typeof ZAlarmResponse>> {
  const a = await getAlarm(ctx.tx, ctx.scope, id);
  if (!a) throw notFound();
  return { data: presentAlarm(a, ctx.clock.now(), await transitionsOfAlarm(ctx.tx, a.id)), abilities: alarmAbilities(ctx.actor, a as AlarmFacts) };
}
