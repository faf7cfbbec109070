import { z } from 'zod';
import {
  ZCoalLocation,
  ZCreateCredential,
  ZCreateSensor,
  ZCredential,
  ZIngestResult,
  ZInstallationTrend,
  ZInstallationTrendQuery,
  ZLive,
  ZMonthlyReport,
  ZMonthlyReportQuery,
  ZNewCredential,
  ZQuality,
  ZQualityQuery,
  ZReadingBatch,
  ZReadingQuery,
  ZReadingSeries,
  ZSensor,
  ZSensorChangeDecision,
  ZSensorChangeQuery,
  ZSensorChangeRequest,
  ZSensorChangeRequestView,
  ZSensorDetail,
  ZSensorListQuery,
  ZUpdateSensor,
} from '../../../common/contracts/sensors.js';
import { EXPORT_COLUMNS } from '../../../common/i18n/exports.js';
import { type Deps, inTransaction } from '../../kernel/context.js';
import { AppError, invalid } from '../../kernel/errors.js';
import { exportFile, sendXlsx, workbookOf } from '../../kernel/files/excel.js';
import { zodIssueToFieldError } from '../../kernel/http/errors-http.js';
import { type App, requestInfo, route, ZPage } from '../../kernel/http/route.js';
import { changeSensor } from './commands/change-sensor.js';
import { createCredential } from './commands/create-credential.js';
import { createSensor } from './commands/create-sensor.js';
import { decideSensorChange } from './commands/decide-sensor-change.js';
import { ingestActor, ingestBatch, splitKey, verifyIngestKey } from './commands/ingest.js';
import { requestSensorChange } from './commands/request-sensor-change.js';
import { revokeCredentialCommand } from './commands/revoke-credential.js';
import { touchCredential } from './monitoring.repository.js';
import { SHARED_SUBSCRIPTION, TOPIC_PREFIX } from './mqtt-ingest.js';
import { listChangeRequests } from './queries/change-requests.js';
import { listCredentials } from './queries/credentials.js';
import { monthlyReportQuery, qualityQuery } from './queries/quality.js';
import { coalLocations, findSensorsQuery, getSensorQuery, installationTrendQuery, liveQuery, readingsQuery } from './queries/sensors.js';

const COLUMNS = EXPORT_COLUMNS.monitoring;

const ZId = z.object({ id: z.string().uuid({ message: 'invalid_format' }) });
const ZEnterprise = z.object({ enterpriseId: z.string().uuid({ message: 'invalid_format' }) });

const INGEST_DOC = `Readings of one enterprise, authenticated by its ingestion credential (not a session):
\`Authorization: Bearer <keyId>.<secret>\` or \`X-Ingest-Key: <keyId>.<secret>\`. Body
\`{ "readings": [{ "code": "<sensor code>", "ts": "2026-12-01T10:00:00+08:00", "value": 0.42 }] }\`
(up to 5000; \`sensorId\` instead of \`code\` also works). Readings are deduplicated by sensor and time;
the response (after the commit) counts accepted, duplicates and unknown sensors. 401 for a missing,
wrong or revoked key; 400 names the bad item (\`readings.3.ts\`).
MQTT: publish the same JSON with QoS 1 to \`${TOPIC_PREFIX}/{enterpriseId}/readings\` (embedded broker:
username = key id, password = secret; external broker: add \`"key": "<keyId>.<secret>"\` to the payload).
Ingest processes share \`${SHARED_SUBSCRIPTION}\` and acknowledge after the commit.`;

function keyOf(headers: Record<string, string | string[] | undefined>): string | undefined {
  const h = headers['x-ingest-key'];
  if (typeof h === 'string' && h) return h.trim();
  const auth = headers.authorization;
  return typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
}

export function monitoringRoutes(app: App, deps: Deps): void {
  const tags = ['monitoring'];

  route(app, deps, {
    method: 'GET',
    url: '/api/sensors',
    access: 'sensor.read',
    summary: '监测点: sensors in scope (filters: enterprise, installation, type, status, q)',
    tags,
    query: ZSensorListQuery,
    response: ZPage(ZSensor),
    handler: (ctx, { query }) => findSensorsQuery(ctx, query),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/sensors/coal-locations',
    access: 'sensor.read',
    summary: '煤矿安全规程 CH4 sensor locations with alarm / power-off / restore values and their source',
    tags,
    response: z.object({ items: z.array(ZCoalLocation) }),
    handler: async () => coalLocations(),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/sensors/live',
    access: 'sensor.read',
    summary: 'Current values by enterprise and installation with their level against the limits (refetch on SSE "reading")',
    tags,
    query: z.object({ enterpriseId: z.string().uuid({ message: 'invalid_format' }).optional() }),
    response: ZLive,
    handler: (ctx, { query }) => liveQuery(ctx, query),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/sensors',
    access: 'sensor.manage',
    summary: '登记监测点; coal CH4 / CO without rules get the 煤矿安全规程 defaults by location',
    tags,
    body: ZCreateSensor,
    response: z.object({ data: ZSensor }),
    handler: async (ctx, { body }) => ({ data: await createSensor(ctx, body) }),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/sensors/:id',
    access: 'sensor.read',
    summary: 'One sensor with its rules and the 依据 of coal defaults',
    tags,
    params: ZId,
    response: z.object({ data: ZSensorDetail }),
    handler: (ctx, { params }) => getSensorQuery(ctx, params.id),
  });

  route(app, deps, {
    method: 'PATCH',
    url: '/api/sensors/:id',
    access: 'sensor.manage',
    summary:
      'Change a sensor (rules validated; a new coal location without rules takes its defaults). A limit past the legal one is 400; loosening a regulated limit or taking the sensor out of service is 409 SENSOR_CHANGE_NEEDS_APPROVAL and changes nothing (use the change request)',
    tags,
    params: ZId,
    body: ZUpdateSensor,
    response: z.object({ data: ZSensor }),
    handler: async (ctx, { params, body }) => ({ data: await changeSensor(ctx, params.id, body) }),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/sensors/:id/change-requests',
    access: 'sensor.manage',
    summary:
      '申请放宽/停用: ask the supervising department to approve a loosening (never past the legal limit) or an out-of-service window with its end, with a reason; pending until decided, nothing changes before',
    tags,
    params: ZId,
    body: ZSensorChangeRequest,
    response: z.object({ data: ZSensorChangeRequestView }),
    handler: async (ctx, { params, body }) => ({ data: await requestSensorChange(ctx, params.id, body) }),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/sensor-change-requests',
    access: 'sensor.read',
    summary: '放宽/停用申请 whose sensors are in scope (pending first), each with what the caller may do',
    tags,
    query: ZSensorChangeQuery,
    response: ZPage(ZSensorChangeRequestView),
    handler: (ctx, { query }) => listChangeRequests(ctx, query),
  });

  for (const decision of ['approve', 'reject'] as const)
    route(app, deps, {
      method: 'POST',
      url: `/api/sensor-change-requests/:id/${decision}`,
      access: 'alarm.supervise',
      summary:
        decision === 'approve'
          ? 'Approve a pending request (a supervising regulator in scope, not the requester): the change applies at once; audited and told to the enterprise and the supervising departments'
          : 'Reject a pending request with a comment; nothing changes',
      tags,
      params: ZId,
      body: ZSensorChangeDecision,
      response: z.object({ data: ZSensorChangeRequestView }),
      handler: async (ctx, { params, body }) => ({ data: await decideSensorChange(ctx, params.id, decision, body.comment) }),
    });

  route(app, deps, {
    method: 'GET',
    url: '/api/readings',
    access: 'sensor.read',
    summary: 'A sensor’s readings for charts: raw, or 5-minute min/max/avg for ranges over 6 hours',
    tags,
    query: ZReadingQuery,
    response: ZReadingSeries,
    handler: (ctx, { query }) => readingsQuery(ctx, query),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/readings/installation',
    access: 'sensor.read',
    summary:
      'An installation’s sensors in one chart (by installationId, else installationName, else those without one): each sensor with its limits and points, raw or 5-minute statistics beyond 6 hours; 404 when none is in scope',
    tags,
    query: ZInstallationTrendQuery,
    response: ZInstallationTrend,
    handler: (ctx, { query }) => installationTrendQuery(ctx, query),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/readings',
    access: 'public',
    summary: INGEST_DOC,
    ingestKey: true,
    bodyDoc: ZReadingBatch,
    tags,
    transactional: false,
    rateLimit: { max: 600, timeWindow: '1 minute' },
    response: ZIngestResult,
    handler: async (_ctx, _input, { req }) => {
      const [keyId, secret] = splitKey(keyOf(req.headers));
      const cred = await verifyIngestKey(deps.database.db, keyId, secret);
      if (!cred) throw new AppError('BAD_CREDENTIALS');
      // The credential is checked before the body, so a caller without one learns nothing about the format.
      const parsed = ZReadingBatch.safeParse(req.body);
      if (!parsed.success) throw invalid(parsed.error.issues.slice(0, 20).map((i) => zodIssueToFieldError(i as never)));
      return inTransaction(deps, ingestActor(cred.keyId), requestInfo(req), async (ctx) => {
        const r = await ingestBatch(ctx, cred.enterpriseId, parsed.data.readings);
        await touchCredential(ctx.tx, cred.id, ctx.clock.now());
        return r;
      });
    },
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/monitoring/credentials',
    access: 'sensor.manage',
    summary: 'An enterprise’s ingestion credentials (key ids only; secrets are never shown again)',
    tags,
    query: ZEnterprise,
    response: z.object({ items: z.array(ZCredential) }),
    handler: (ctx, { query }) => listCredentials(ctx, query.enterpriseId),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/monitoring/credentials',
    access: 'sensor.manage',
    summary: 'New ingestion credential; the response holds the full key `<keyId>.<secret>` this once',
    tags,
    body: ZCreateCredential,
    response: z.object({ data: ZNewCredential }),
    handler: async (ctx, { body }) => ({ data: await createCredential(ctx, body) }),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/monitoring/credentials/:id/revoke',
    access: 'sensor.manage',
    summary: 'Revoke an ingestion credential (HTTP and MQTT refuse it from now on)',
    tags,
    params: ZId,
    body: ZEnterprise,
    response: z.object({ data: ZCredential }),
    handler: async (ctx, { params, body }) => ({ data: await revokeCredentialCommand(ctx, body.enterpriseId, params.id) }),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/monitoring/quality',
    access: 'sensor.read',
    summary: '数据质量: online rate per sensor and enterprise (5-minute intervals with data), stale sensors, false-alarm share',
    tags,
    query: ZQualityQuery,
    response: ZQuality,
    handler: (ctx, { query }) => qualityQuery(ctx, query),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/monitoring/reports/monthly',
    access: 'sensor.read',
    summary: '月度报警分析报告 of a region (month YYYY-MM, Beijing time), as JSON or xlsx',
    tags,
    query: ZMonthlyReportQuery,
    raw: 'xlsx',
    response: ZMonthlyReport,
    handler: async (ctx, { query }, { reply }) => {
      const r = await monthlyReportQuery(ctx, query);
      if (query.format !== 'xlsx') return r;
      const en = ctx.request.locale === 'en-US';
      type E = (typeof r.enterprises)[number];
      const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
      const buf = await workbookOf<E>(
        en ? 'Alarm analysis' : '报警分析',
        [
          { header: COLUMNS.enterprise, width: 32, value: (e) => e.enterpriseName },
          { header: COLUMNS.sensors, width: 9, value: (e) => e.sensors },
          { header: COLUMNS.onlineRate, width: 10, value: (e) => pct(e.onlineRate) },
          { header: COLUMNS.staleNow, width: 10, value: (e) => e.stale },
          { header: COLUMNS.alarms, width: 10, value: (e) => e.alarms },
          { header: COLUMNS.real, width: 10, value: (e) => e.realAlarms },
          { header: COLUMNS.false, width: 8, value: (e) => e.falseAlarms },
          { header: COLUMNS.plannedWork, width: 10, value: (e) => e.plannedWork },
          { header: COLUMNS.equipmentFault, width: 10, value: (e) => e.equipmentFault },
          { header: COLUMNS.notClassified, width: 10, value: (e) => e.unclassified },
          { header: COLUMNS.overdueDisposal, width: 12, value: (e) => e.overdueDisposal },
          { header: COLUMNS.falseAlarmShare, width: 10, value: (e) => pct(e.falseAlarmShare) },
        ],
        r.enterprises,
        ctx.request.locale,
        `${r.regionName ?? (en ? 'All regions' : '全部辖区')} ${r.month} ${en ? 'monthly alarm analysis' : '监测报警月度分析报告'}`,
      );
      return sendXlsx(reply, exportFile(ctx, 'alarmReport', r.month), buf);
    },
  });
}
