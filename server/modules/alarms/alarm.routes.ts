import { z } from 'zod';
import {
  ZAlarmDisposal,
  ZAlarmDisposalView,
  ZAlarmFeedback,
  ZAlarmListQuery,
  ZAlarmResponse,
  ZAlarmShelve,
  ZAlarmStats,
  ZAlarmStatsQuery,
  ZAlarmStep,
  ZAlarmSummary,
  ZAlarmToHazard,
  ZAlarmToTask,
} from '../../../common/contracts/alarms.js';
import { EXPORT_COLUMNS } from '../../../common/i18n/exports.js';
import { NOTICE_TERMS } from '../../../common/i18n/notifications.js';
import { industryByKey } from '../../../common/industries.js';
import type { Deps } from '../../kernel/context.js';
import { exportFile, sendXlsx, workbookOf } from '../../kernel/files/excel.js';
import { type App, route, ZPage } from '../../kernel/http/route.js';
import { ackAlarm, alarmStep, alarmToHazard, alarmToTask, feedbackAlarm, shelveAlarm } from './commands/alarm-step.js';
import { saveDisposalSettings } from './commands/save-disposal-settings.js';
import { alarmStatsQuery, exportAlarmsQuery, findAlarmsQuery } from './queries/find-alarms.js';
import { getAlarmQuery } from './queries/get-alarm.js';
import { getDisposalQuery } from './queries/get-disposal.js';

const COLUMNS = EXPORT_COLUMNS.alarms;

const ZId = z.object({ id: z.string().uuid({ message: 'invalid_format' }) });

const TYPE: Record<string, [string, string]> = {
  highHigh: ['高高报', 'High-high'],
  high: ['高报', 'High'],
  low: ['低报', 'Low'],
  lowLow: ['低低报', 'Low-low'],
  powerOff: ['断电', 'Power-off'],
  rateOfChange: ['变化率', 'Rate of change'],
  flatLine: ['数据不变', 'Flat line'],
  stale: ['断线', 'Stale'],
};
const SEVERITY: Record<string, [string, string]> = { red: ['红色', 'Red'], orange: ['橙色', 'Orange'], yellow: ['黄色', 'Yellow'], blue: ['蓝色', 'Blue'] };
const STATUS: Record<string, [string, string]> = {
  ACTIVE_UNACK: ['报警未确认', 'Active, unacknowledged'],
  ACTIVE_ACK: ['报警已确认', 'Active, acknowledged'],
  CLEARED_UNACK: ['已恢复未确认', 'Cleared, unacknowledged'],
  CLEARED: ['已恢复待处置', 'Cleared'],
  SHELVED: ['已搁置', 'Shelved'],
  OUT_OF_SERVICE: ['已停用', 'Out of service'],
  CLOSED: ['已闭环', 'Closed'],
};
const CLASS: Record<string, [string, string]> = {
  real: ['真实报警', 'Real'],
  false: ['误报', 'False'],
  plannedWork: ['计划作业', 'Planned work'],
  equipmentFault: ['设备故障', 'Equipment fault'],
};
const pick = (m: Record<string, [string, string]>, k: string | null, en: boolean) => (k ? (m[k]?.[en ? 1 : 0] ?? k) : '—');

export function alarmRoutes(app: App, deps: Deps): void {
  const tags = ['alarms'];

  // ---- disposal time limits (configuration with cited defaults) ----
  route(app, deps, {
    method: 'GET',
    url: '/api/alarm-disposal',
    access: 'alarm.read',
    summary: 'Disposal time limits (ack minutes, feedback hours by severity), escalation step and longest shelving in force, the defaults and their 依据',
    tags,
    response: ZAlarmDisposalView,
    handler: (ctx) => getDisposalQuery(ctx),
  });

  route(app, deps, {
    method: 'PUT',
    url: '/api/alarm-disposal',
    access: 'alarm.configure',
    summary: 'Set the disposal time limits for the platform (city level only): new alarms get the new due times, the sweep steps with the new interval',
    tags,
    body: ZAlarmDisposal,
    response: ZAlarmDisposalView,
    handler: async (ctx, { body }) => {
      await saveDisposalSettings(ctx, body);
      return getDisposalQuery(ctx);
    },
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/alarms',
    access: 'alarm.read',
    summary:
      'Alarms in scope (active first, red first) with filters: status|active|open|unack, severity, type, classification, enterprise, region, industry, from/to',
    tags,
    query: ZAlarmListQuery,
    response: ZPage(ZAlarmSummary),
    handler: (ctx, { query }) => findAlarmsQuery(ctx, query),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/alarms/stats',
    access: 'alarm.read',
    summary: 'Counts by severity, status, classification and type; false-alarm share overall and per enterprise (default: the last 30 days)',
    tags,
    query: ZAlarmStatsQuery,
    response: ZAlarmStats,
    handler: (ctx, { query }) => alarmStatsQuery(ctx, query),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/alarms/export',
    access: 'alarm.read',
    summary: 'Alarms as Excel (same filters as the list)',
    tags,
    query: ZAlarmListQuery.omit({ page: true, pageSize: true }).extend({ format: z.literal('xlsx').default('xlsx') }),
    raw: 'xlsx',
    handler: async (ctx, { query }, { reply }) => {
      const rows = await exportAlarmsQuery(ctx, query);
      const en = ctx.request.locale === 'en-US';
      type R = (typeof rows)[number];
      const buf = await workbookOf(
        en ? 'Alarms' : '报警记录',
        [
          { header: COLUMNS.raised, width: 18, format: 'datetime', value: (r: R) => r.startTs },
          { header: COLUMNS.enterprise, width: 30, value: (r) => r.enterpriseName },
          { header: COLUMNS.industry, width: 12, value: (r) => (en ? industryByKey(r.industry)?.en : industryByKey(r.industry)?.zh) ?? r.industry },
          { header: COLUMNS.sensor, width: 24, value: (r) => r.sensorName },
          { header: COLUMNS.location, width: 24, value: (r) => r.location },
          { header: COLUMNS.type, width: 10, value: (r) => pick(TYPE, r.type, en) },
          { header: COLUMNS.severity, width: 8, value: (r) => pick(SEVERITY, r.severity, en) },
          { header: COLUMNS.peak, width: 10, value: (r) => (r.peakValue === null ? '—' : `${r.peakValue} ${r.unit}`) },
          { header: COLUMNS.status, width: 14, value: (r) => pick(STATUS, r.status, en) },
          { header: COLUMNS.cleared, width: 18, format: 'datetime', value: (r) => r.clearTs ?? '—' },
          { header: COLUMNS.classification, width: 12, value: (r) => pick(CLASS, r.classification, en) },
          { header: COLUMNS.overdue, width: 8, value: (r) => (r.disposalState === 'overdue' ? (en ? 'Yes' : '是') : '') },
          {
            header: COLUMNS.escalation,
            width: 24,
            value: (r) => (NOTICE_TERMS.alarmEscalation as Record<number, Record<'zh-CN' | 'en-US', string>>)[r.escalation]?.[ctx.request.locale] ?? '—',
          },
        ],
        rows,
        ctx.request.locale,
        en ? 'Alarms' : '监测报警记录',
      );
      return sendXlsx(reply, exportFile(ctx, 'alarms'), buf);
    },
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/alarms/:id',
    access: 'alarm.read',
    summary: 'An alarm with its history and abilities',
    tags,
    params: ZId,
    response: ZAlarmResponse,
    handler: (ctx, { params }) => getAlarmQuery(ctx, params.id),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/alarms/:id/ack',
    access: 'alarm.handle',
    summary: '确认 (the enterprise has seen the alarm)',
    tags,
    params: ZId,
    body: ZAlarmStep,
    response: ZAlarmResponse,
    handler: async (ctx, { params, body }) => {
      await ackAlarm(ctx, params.id, body);
      return getAlarmQuery(ctx, params.id);
    },
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/alarms/:id/feedback',
    access: 'alarm.handle',
    summary: '分析研判 / 核查反馈: classification (real, false, plannedWork, equipmentFault), analysis, feedback, evidence; acknowledges',
    tags,
    params: ZId,
    body: ZAlarmFeedback,
    response: ZAlarmResponse,
    handler: async (ctx, { params, body }) => {
      await feedbackAlarm(ctx, params.id, body);
      return getAlarmQuery(ctx, params.id);
    },
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/alarms/:id/shelve',
    access: 'alarm.supervise',
    summary: '搁置 a standing alarm for a limited time (hours, reason); regulators only',
    tags,
    params: ZId,
    body: ZAlarmShelve,
    response: ZAlarmResponse,
    handler: async (ctx, { params, body }) => {
      await shelveAlarm(ctx, params.id, body);
      return getAlarmQuery(ctx, params.id);
    },
  });

  const STEPS = {
    unshelve: ['alarm.supervise', '取消搁置 (re-annunciated if still active)'],
    outOfService: ['alarm.supervise', '停用 (out of service), e.g. a faulty instrument'],
    returnToService: ['alarm.supervise', '恢复启用 (re-annunciated if still active)'],
    close: ['alarm.read', '闭环 a cleared alarm once its disposal feedback is filed (enterprise or regulator)'],
  } as const;
  for (const [action, [access, summary]] of Object.entries(STEPS) as [keyof typeof STEPS, (typeof STEPS)[keyof typeof STEPS]][]) {
    route(app, deps, {
      method: 'POST',
      url: `/api/alarms/:id/${action}`,
      access,
      summary,
      tags,
      params: ZId,
      body: ZAlarmStep,
      response: ZAlarmResponse,
      handler: async (ctx, { params, body }) => {
        await alarmStep(ctx, params.id, action, body);
        return getAlarmQuery(ctx, params.id);
      },
    });
  }

  route(app, deps, {
    method: 'POST',
    url: '/api/alarms/:id/toHazard',
    access: 'hazard.report',
    summary: '转隐患: report a hazard from a real alarm (source alarm, sourceRef = alarm id) and link it',
    tags,
    params: ZId,
    body: ZAlarmToHazard,
    response: ZAlarmResponse,
    handler: async (ctx, { params, body }) => {
      await alarmToHazard(ctx, params.id, body);
      return getAlarmQuery(ctx, params.id);
    },
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/alarms/:id/toTask',
    access: 'task.issue',
    summary: '转督办: issue a 13710 task on the alarm to the enterprise and link it (supervising departments)',
    tags,
    params: ZId,
    body: ZAlarmToTask,
    response: ZAlarmResponse,
    handler: async (ctx, { params, body }) => {
      await alarmToTask(ctx, params.id, body);
      return getAlarmQuery(ctx, params.id);
    },
  });
}
