import { z } from 'zod';
import { isInChina } from '../validators/coordinates.js';
import { ZInstant } from './dates.js';

/** 预警信息 request contracts (issue, update, cancel, confirm, import sources). */

export const WARNING_LEVELS = ['red', 'orange', 'yellow', 'blue'] as const;
export type TWarningLevel = (typeof WARNING_LEVELS)[number];
export const WARNING_SOURCES = ['issued', 'imported'] as const;

const TAILINGS_FLOOD_TASK =
  '尾矿库防汛：检查排洪系统（排水井、排水斜槽、排水管、溢洪道、截洪沟）是否畅通，核实库水位、调洪库容、安全超高和干滩长度满足设计要求，加强浸润线、库水位和坝体位移监测，雨中雨后专人巡坝；头顶库提前通知下游居民，做好转移准备。';

/**
 * Event types a regulator issues (a short closed list; GB/T 35561 class codes were not read, so none are
 * claimed). The key is the Chinese name, which is also the CAP `<event>`; `category` is the CAP category;
 * `task` the default targeted task sent to the enterprises in the area; `tailingsTask` what is added for an
 * enterprise whose tailings ponds are in the area (尾矿库防汛 and dam checks).
 */
export const WARNING_EVENTS = [
  {
    key: '暴雨',
    en: 'Rainstorm',
    category: 'Met',
    task: '三查三避让：查隐患点、查危险区、查避险场所；避让危险区域、避让危险时段、避让危险行为。暂停低洼、边坡、尾矿库下游等危险区域作业，撤离危险区域人员，落实24小时值班并反馈落实情况。',
    tailingsTask: TAILINGS_FLOOD_TASK,
  },
  {
    key: '地质灾害',
    en: 'Geological hazard',
    category: 'Geo',
    task: '排查滑坡、崩塌、泥石流、地面塌陷隐患点，撤离受威胁区域人员，停止受影响区域作业，并反馈排查和撤离情况。',
    tailingsTask: '尾矿库地质灾害排查：排查尾矿坝及库区周边滑坡、崩塌、泥石流隐患，加强坝体位移和浸润线监测；头顶库提前通知下游居民，做好转移准备。',
  },
  { key: '森林火险', en: 'Forest fire danger', category: 'Fire', task: '严禁野外用火和动火作业，检查消防器材和防火隔离带，落实值班巡查并反馈。' },
  { key: '大风', en: 'Gale', category: 'Met', task: '停止高处、吊装等室外作业，加固临时设施和户外设备，检查易燃物料苫盖并反馈。' },
  { key: '寒潮', en: 'Cold wave', category: 'Met', task: '做好设备管线防冻保温，检查供暖和用电安全，防范一氧化碳中毒并反馈。' },
  { key: '高温', en: 'Heat', category: 'Met', task: '调整作业时间，落实防暑降温措施，加强危险化学品储存温度监控并反馈。' },
  { key: '冰冻', en: 'Freezing', category: 'Met', task: '做好道路、设备防冻防滑，停止冰冻条件下的高处作业，检查运输车辆防滑措施并反馈。' },
  { key: '暴雪', en: 'Snowstorm', category: 'Met', task: '清除屋面和棚顶积雪，防范建筑物垮塌，停止危险区域室外作业并反馈。' },
  { key: '雷电', en: 'Thunderstorm', category: 'Met', task: '检查防雷设施，暂停危险化学品装卸和露天作业并反馈。' },
  {
    key: '洪水',
    en: 'Flood',
    category: 'Met',
    task: '检查防洪设施和排水系统，撤离低洼地带人员设备，尾矿库加强巡查并反馈。',
    tailingsTask: TAILINGS_FLOOD_TASK,
  },
  { key: '其他', en: 'Other', category: 'Safety', task: '按预警要求开展隐患排查，落实防范措施并反馈落实情况。' },
] as const;
export type TWarningEvent = (typeof WARNING_EVENTS)[number]['key'];
export const WARNING_EVENT_KEYS = WARNING_EVENTS.map((e) => e.key) as [TWarningEvent, ...TWarningEvent[]];
export const defaultTask = (event: string) => WARNING_EVENTS.find((e) => e.key === event)?.task ?? (WARNING_EVENTS.at(-1)?.task as string);

/** A registered object a target was matched through (server/modules/warnings/area-match.ts). */
export const ZMatchedObject = z.object({
  kind: z.enum(['site', 'mine', 'installation', 'tailings']),
  id: z.string(),
  name: z.string(),
  via: z.enum(['polygon', 'region']),
  /** A 头顶库 (people live downstream within its reach). */
  overhead: z.literal(true).optional(),
  /** Matched through an approximate location. */
  approx: z.literal(true).optional(),
});
export type TMatchedObject = z.infer<typeof ZMatchedObject>;

/** "润通尾矿库（头顶库）": a pond as tasks and tables name it. */
export const pondLabel = (o: Pick<TMatchedObject, 'name' | 'overhead'>) => (o.overhead ? `${o.name}（头顶库）` : o.name);

/**
 * The task one enterprise receives: the warning's task, plus the event's tailings task naming its ponds
 * in the area (e.g. 暴雨: 三查三避让 and 尾矿库防汛).
 */
export function targetTask(event: string, task: string, objects: TMatchedObject[]): string {
  const ponds = objects.filter((o) => o.kind === 'tailings');
  const extra = WARNING_EVENTS.find((e) => e.key === event);
  if (!ponds.length || !extra || !('tailingsTask' in extra)) return task;
  return `${task}\n【${ponds.map(pondLabel).join('、')}】${extra.tailingsTask}`;
}

const ZPosition = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
/** A closed ring of [lng, lat] (GeoJSON order), ≥ 4 positions, first = last, inside China. */
export const ZRing = z
  .array(ZPosition)
  .max(1000, { message: 'too_big' })
  .superRefine((ring, ctx) => {
    if (ring.length < 4) return void ctx.addIssue({ code: 'custom', message: 'polygon.points' });
    const a = ring[0] as [number, number];
    const b = ring[ring.length - 1] as [number, number];
    if (a[0] !== b[0] || a[1] !== b[1]) return void ctx.addIssue({ code: 'custom', message: 'polygon.closed' });
    if (ring.some(([lng, lat]) => !isInChina(lng, lat))) ctx.addIssue({ code: 'custom', message: 'coordinates' });
  });

export const ZWarningArea = z.object({
  polygons: z.array(ZRing).max(10).default([]),
  /** GB/T 2260 codes of whole regions (matched by the region path prefix). */
  regionCodes: z
    .array(z.string().regex(/^\d{6,12}$/, { message: 'invalid_format' }))
    .max(50)
    .default([]),
});

export const ZIssueWarning = ZWarningArea.extend({
  eventType: z.enum(WARNING_EVENT_KEYS),
  level: z.enum(WARNING_LEVELS),
  headline: z.string().trim().max(160).optional(),
  description: z.string().trim().min(1, { message: 'required' }).max(4000),
  instruction: z.string().trim().max(4000).optional(),
  taskText: z.string().trim().max(2000).optional(),
  areaDesc: z.string().trim().min(1, { message: 'required' }).max(200),
  effective: ZInstant.optional(),
  expires: ZInstant,
  capStatus: z.enum(['Actual', 'Exercise', 'Test']).default('Actual'),
  capScope: z.enum(['Public', 'Restricted']).default('Public'),
}).superRefine((v, ctx) => {
  if (!v.polygons.length && !v.regionCodes.length) ctx.addIssue({ code: 'custom', path: ['polygons'], message: 'area.required' });
  if (v.effective && v.expires <= v.effective) ctx.addIssue({ code: 'custom', path: ['expires'], message: 'dateOrder' });
});
export type TIssueWarning = z.infer<typeof ZIssueWarning>;

export const ZCancelWarning = z.object({ reason: z.string().trim().min(1, { message: 'required' }).max(1000) });
export const ZConfirmTarget = z.object({ feedback: z.string().trim().min(1, { message: 'required' }).max(2000) });

export const ZWarningListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(100).optional(),
  active: z.enum(['true', 'false']).optional(),
  level: z.enum(WARNING_LEVELS).optional(),
  event: z.string().trim().max(40).optional(),
  source: z.enum(WARNING_SOURCES).optional(),
  lang: z.string().optional(),
});

export const ZWarningFeed = z
  .object({
    name: z.string().trim().min(1, { message: 'required' }).max(100),
    kind: z.enum(['url', 'file']),
    url: z.string().trim().url({ message: 'invalid_format' }).max(500).optional(),
    intervalMinutes: z.number().int().min(5).max(1440).default(15),
    enabled: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'url' && !v.url) ctx.addIssue({ code: 'custom', path: ['url'], message: 'required' });
    if (v.url && !/^https?:\/\//.test(v.url)) ctx.addIssue({ code: 'custom', path: ['url'], message: 'invalid_format' });
  });
export type TWarningFeed = z.infer<typeof ZWarningFeed>;

/** Platform-wide import rules: the expiry (hours) of an imported alert without <expires>. */
export const ZImportSettings = z.object({ defaultExpiryHours: z.number().int().min(1).max(720) });
export type TImportSettings = z.infer<typeof ZImportSettings>;

// ---- responses ----

export const WARNING_STATES = ['active', 'expired', 'cancelled'] as const;
/** CAP 1.2 enumerations as stored (imported messages may carry any of them; issued ones use the first of each). */
export const CAP_MSG_TYPES = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const;
export const CAP_STATUSES = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const;
export const CAP_SCOPES = ['Public', 'Restricted', 'Private'] as const;
export const CAP_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;

export const ZWarningSummary = z.object({
  id: z.string(),
  identifier: z.string(),
  msgType: z.string(),
  capStatus: z.string(),
  capScope: z.string(),
  state: z.enum(WARNING_STATES),
  eventType: z.string(),
  level: z.enum(WARNING_LEVELS).nullable(),
  severity: z.string(),
  headline: z.string(),
  issuerName: z.string(),
  source: z.enum(WARNING_SOURCES),
  effective: z.string(),
  expires: z.string().nullable(),
  targets: z.number(),
  confirmed: z.number(),
  version: z.number(),
});

const ZPosition2 = z.tuple([z.number(), z.number()]);
/** A region of the area by name (GB/T 2260 code, Chinese and English names; the code alone when unknown). */
export const ZAreaRegion = z.object({ code: z.string(), name: z.string().nullable(), nameEn: z.string().nullable() });

export const ZWarningTarget = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  industry: z.string(),
  /** How (polygon | region) then what (mine | installation | tailings). */
  matchedBecause: z.array(z.string()),
  matchedObjects: z.array(ZMatchedObject),
  taskText: z.string(),
  status: z.enum(['sent', 'confirmed']),
  sentAt: z.string(),
  read: z.boolean(),
  confirmerName: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  feedback: z.string().nullable(),
});

export const ZWarningDetail = ZWarningSummary.extend({
  sender: z.string(),
  sent: z.string(),
  description: z.string(),
  instruction: z.string(),
  taskText: z.string(),
  area: z.object({ areaDesc: z.string(), polygons: z.array(z.array(ZPosition2)), regionCodes: z.array(z.string()) }),
  /** The area's regions by name, in the order of area.regionCodes. */
  areaRegions: z.array(ZAreaRegion),
  references: z.string().nullable(),
  identifiers: z.array(z.string()),
  feedId: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  capXml: z.string().nullable(),
  targets: z.array(ZWarningTarget),
  myTargetId: z.string().nullable(),
  readCount: z.number(),
});

export const ZWarningAbilities = z.object({ update: z.boolean(), cancel: z.boolean(), confirm: z.boolean(), seeTargets: z.boolean() });
export const ZWarningResponse = z.object({ data: ZWarningDetail, abilities: ZWarningAbilities });

export const ZWarningEvent = z.object({
  key: z.string(),
  en: z.string(),
  category: z.string(),
  task: z.string(),
  tailingsTask: z.string().optional(),
});

export const PLOT_POINT_KINDS = ['enterprise', 'installation', 'tailings'] as const;
/** The issuer-region check issuing applies: polygons refused (outside) or reaching past the boundary (beyond). */
export const ZJurisdiction = z.discriminatedUnion('rule', [
  z.object({
    rule: z.literal('boundary'),
    regionCode: z.string(),
    regionName: z.string(),
    source: z.string(),
    approximate: z.boolean(),
    outside: z.array(z.number()),
    beyond: z.array(z.number()),
  }),
  z.object({
    rule: z.literal('points'),
    regionCode: z.string().nullable(),
    regionName: z.string().nullable(),
    km: z.number(),
    outside: z.array(z.number()),
    beyond: z.array(z.number()),
  }),
]);

export const ZWarningPreview = z.object({
  count: z.number(),
  /** Mine enterprises reached; installations and ponds inside (objects, not enterprises). */
  byClass: z.object({ mine: z.number(), tailings: z.number(), installation: z.number() }),
  unlocated: z.number(),
  jurisdiction: ZJurisdiction,
  points: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(PLOT_POINT_KINDS),
      name: z.string(),
      industry: z.string(),
      lng: z.number(),
      lat: z.number(),
      inside: z.boolean(),
      overhead: z.boolean(),
    }),
  ),
  matched: z.array(z.object({ id: z.string(), name: z.string(), industry: z.string(), because: z.array(z.string()), objects: z.array(ZMatchedObject) })),
});

/** POST /api/warnings/import: what the message did (ignored: an Ack/Error, or a Cancel of nothing known). */
export const ZImportResult = z.union([
  z.object({ status: z.literal('ignored'), reason: z.enum(['ack', 'cancelUnknown']) }),
  z.object({ status: z.enum(['created', 'updated', 'cancelled', 'duplicate']), id: z.string(), identifier: z.string(), targeted: z.number() }),
]);

export const ZFeedView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['url', 'file']),
  url: z.string().nullable(),
  intervalMinutes: z.number(),
  enabled: z.boolean(),
  lastFetchedAt: z.string().nullable(),
  lastStatus: z.string().nullable(),
  lastResult: z.string().nullable(),
  /** The unit the feed belongs to; its line manages it (the server's feed policy answers the abilities). */
  unitName: z.string().nullable(),
  abilities: z.object({ change: z.boolean(), delete: z.boolean(), fetch: z.boolean() }),
});

/** 立即抓取: messages by outcome and the problems met. */
export const ZFeedFetchResult = z.object({
  status: z.enum(['ok', 'error']),
  counts: z.object({
    created: z.number(),
    updated: z.number(),
    cancelled: z.number(),
    duplicate: z.number(),
    ignored: z.number(),
    rejected: z.number(),
  }),
  problems: z.array(z.string()),
});

export const ZImportSettingsView = ZImportSettings.extend({ configured: z.boolean(), configure: z.boolean() });
