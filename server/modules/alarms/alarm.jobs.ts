import { formatBeijingDateTime } from '../../../common/format/beijing.js';
import { NOTICE_TERMS, notice, perLocale } from '../../../common/i18n/notifications.js';
import { ALARM_DISPOSAL_SOURCE, escalationLevel } from '../../../common/rules/alarm-disposal.js';
import { systemActor } from '../../kernel/actor.js';
import { type Deps, inTransaction } from '../../kernel/context.js';
import type { JobDefinition } from '../../kernel/jobs/jobs.js';
import { userIdsOfUnit } from '../identity/index.js';
import { alarmsToSweep, updateAlarm } from './alarm.repository.js';
import { type AlarmStatus, alarmTransition } from './alarm.workflow.js';
import { reackDue } from './commands/alarm-step.js';
import { alarmAudience, alarmLink, announceAlarm, recordAlarmTransition } from './commands/effects.js';
import { alarmTypeName } from './commands/engine.js';
import { loadAlarmDisposal } from './disposal-settings.js';

const BATCH = 500;
const LEVEL_ZH = ['', '逾期未处置（企业）', '逾期未处置，推送县级政府', '逾期未处置，推送市级政府'];
const SWEEP_NAME = '系统（报警处置督办）';

/**
 * The alarm sweep: an alarm not acknowledged or not given its disposal feedback in time escalates
 * enterprise (level 1) → county government and the supervising industry departments (level 2) →
 * city government (level 3), one step per `escalateStepMinutes` (the `alarm.disposal` setting, defaults in
 * common/rules/alarm-disposal.ts); a
 * shelved alarm past its time comes back (re-annunciated if still active).
 */
export async function sweepAlarms(deps: Deps): Promise<{ escalated: number; unshelved: number }> {
  return inTransaction(deps, systemActor('alarms.sweep'), { id: null, ip: null, locale: 'zh-CN' }, async (ctx) => {
    const now = ctx.clock.now();
    const cfg = (await loadAlarmDisposal(ctx.tx)).config;
    let escalated = 0;
    let unshelved = 0;
    for (const a of await alarmsToSweep(ctx.tx, now, BATCH)) {
      let status = a.status as AlarmStatus;
      if (status === 'SHELVED' && a.shelvedUntil && a.shelvedUntil <= now) {
        const to = alarmTransition(status, 'unshelve', a.active) as AlarmStatus;
        await updateAlarm(ctx.tx, a.id, {
          status: to,
          shelvedUntil: null,
          ...(to === 'ACTIVE_UNACK' ? { ackTs: null, ackBy: null, ackDue: reackDue(a, now, cfg) } : {}),
          updatedAt: now,
        });
        await recordAlarmTransition(ctx, a, { action: 'unshelve', from: status, to, comment: '搁置期满，恢复报警', system: SWEEP_NAME });
        status = to;
        unshelved++;
      }
      const level = escalationLevel(status === 'ACTIVE_UNACK' && status !== a.status ? { ...a, ackTs: null, ackDue: reackDue(a, now, cfg) } : a, now, cfg);
      if (level > a.escalation && !['CLOSED', 'SHELVED', 'OUT_OF_SERVICE'].includes(status)) {
        const audience = await alarmAudience(ctx, a.enterpriseId);
        // Level 2: the county government and the supervising industry departments; level 3: the city government.
        const gov = audience.government;
        const depth = (u: { regionPath: string }) => u.regionPath.split('/').filter(Boolean).length;
        const county = gov.find((u) => depth(u) === 2) ?? gov[0];
        const city = gov.find((u) => depth(u) === 1) ?? gov[gov.length - 1];
        const units = level === 2 ? [county, ...audience.industry] : level === 3 ? [city] : [];
        const userIds = [...audience.enterprise];
        for (const u of units) if (u) userIds.push(...(await userIdsOfUnit(ctx.tx, { departmentId: u.id })));
        const unacked = !a.ackTs && a.ackDue <= now;
        const missedAt = formatBeijingDateTime(unacked ? a.ackDue : a.feedbackDue);
        const missedText = perLocale((l) =>
          l === 'en-US'
            ? unacked
              ? `not acknowledged by ${missedAt}`
              : `not reported back by ${missedAt}`
            : unacked
              ? `未在 ${missedAt} 前确认`
              : `未在 ${missedAt} 前反馈处置结果`,
        );
        const missed = missedText['zh-CN'];
        await updateAlarm(ctx.tx, a.id, { escalation: level, updatedAt: now });
        await recordAlarmTransition(ctx, a, {
          action: `escalate${level}`,
          from: status,
          to: status,
          comment: `${LEVEL_ZH[level]}：${missed}`,
          data: { level, units: units.filter(Boolean).map((u) => ({ id: u?.id, name: u?.name })), source: ALARM_DISPOSAL_SOURCE },
          system: SWEEP_NAME,
        });
        await ctx.notify.send({
          userIds,
          kind: 'alarm.escalated',
          notice: notice('alarm.escalated', {
            level: NOTICE_TERMS.alarmEscalation[level as 1 | 2 | 3],
            enterprise: a.enterpriseName,
            sensor: a.sensorName,
            type: alarmTypeName(a.type),
            location: a.location,
            missed: missedText,
          }),
          link: alarmLink(a.id),
          entityType: 'alarm',
          entityId: a.id,
        });
        await ctx.audit.record({ action: 'alarm.escalated', entityType: 'alarm', entityId: a.id, after: { level } });
        await announceAlarm(ctx, a.enterpriseId, a.id, audience);
        escalated++;
      } else if (unshelved) await announceAlarm(ctx, a.enterpriseId, a.id);
    }
    return { escalated, unshelved };
  });
}

export function alarmJobs(deps: () => Deps): JobDefinition[] {
  return [
    {
      name: 'alarms.sweep',
      cron: '* * * * *',
      async handler() {
        await sweepAlarms(deps());
      },
    },
  ];
}
