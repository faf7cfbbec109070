import type { z } from 'zod';
import type { TMatchedObject, ZFeedView, ZWarningDetail, ZWarningSummary, ZWarningTarget } from '../../../common/contracts/warnings.js';
import { capTime, xmlText } from './cap/cap.js';
import { publicCapXml } from './warning.cap.js';
import type { FeedRow, TargetRow, WarningRow } from './warning.repository.js';
import type { WarningState } from './warning.workflow.js';

/** List row: a whitelist (rows are never returned raw). */
export function presentWarningSummary(w: WarningRow, state: WarningState, counts?: { total: number; confirmed: number }): z.input<typeof ZWarningSummary> {
  return {
    id: w.id,
    identifier: w.identifier,
    msgType: w.msgType,
    capStatus: w.capStatus,
    capScope: w.capScope,
    state,
    eventType: w.eventType,
    level: w.level as z.input<typeof ZWarningSummary>['level'],
    severity: w.severity,
    headline: w.headline,
    issuerName: w.issuerName,
    source: w.source as z.input<typeof ZWarningSummary>['source'],
    effective: w.effective.toISOString(),
    expires: w.expires?.toISOString() ?? null,
    targets: counts?.total ?? 0,
    confirmed: counts?.confirmed ?? 0,
    version: w.version,
  };
}

/** The detail without its targets (get-warning.ts adds them, with the caller's own target and the read count). */
export function presentWarning(
  w: WarningRow,
  state: WarningState,
  counts: { total: number; confirmed: number },
  showXml: boolean,
  areaRegions: z.input<typeof ZWarningDetail>['areaRegions'],
): Omit<z.input<typeof ZWarningDetail>, 'targets' | 'myTargetId' | 'readCount'> {
  return {
    ...presentWarningSummary(w, state, counts),
    sender: w.sender,
    sent: w.sent,
    description: w.description,
    instruction: w.instruction,
    taskText: w.taskText,
    area: w.area as { areaDesc: string; polygons: [number, number][][]; regionCodes: string[] },
    areaRegions,
    references: w.references,
    identifiers: w.identifiers,
    feedId: w.feedId,
    cancelledAt: w.cancelledAt?.toISOString() ?? null,
    capXml: showXml ? w.rawXml : null,
  };
}

export function presentTarget(t: TargetRow, read: boolean): z.input<typeof ZWarningTarget> {
  return {
    id: t.id,
    enterpriseId: t.enterpriseId,
    enterpriseName: t.enterpriseName,
    industry: t.industry,
    matchedBecause: t.matchedBecause,
    matchedObjects: t.matchedObjects as TMatchedObject[],
    taskText: t.taskText,
    status: t.status as z.input<typeof ZWarningTarget>['status'],
    sentAt: t.sentAt.toISOString(),
    read,
    confirmerName: t.confirmerName,
    confirmedAt: t.confirmedAt?.toISOString() ?? null,
    feedback: t.feedback,
  };
}

export function presentFeed(f: FeedRow): Omit<z.input<typeof ZFeedView>, 'unitName' | 'abilities'> {
  return {
    id: f.id,
    name: f.name,
    kind: f.kind as z.input<typeof ZFeedView>['kind'],
    url: f.url,
    intervalMinutes: f.intervalMinutes,
    enabled: f.enabled,
    lastFetchedAt: f.lastFetchedAt?.toISOString() ?? null,
    lastStatus: f.lastStatus,
    lastResult: f.lastResult,
  };
}

const esc = xmlText;

/** Atom 1.0 (RFC 4287) of the active public warnings; each entry links to its CAP message. */
/** `baseUrl`: the configured public address (no trailing slash), or '' for links relative to the feed's host. */
export function atomFeed(rows: WarningRow[], baseUrl: string, now: Date): string {
  const updated = rows.reduce((m, w) => (w.updatedAt > m ? w.updatedAt : m), rows.length ? (rows[0] as WarningRow).updatedAt : now);
  const entries = rows
    .map(
      (w) => `  <entry>
    <id>urn:taihang:warning:${esc(w.identifier)}</id>
    <title>${esc(w.headline)}</title>
    <updated>${capTime(w.updatedAt)}</updated>
    <published>${capTime(w.effective)}</published>
    <author><name>${esc(w.issuerName)}</name></author>
    <category term="${esc(w.level ?? 'unknown')}" label="${esc(w.eventType)}"/>
    <summary>${esc(w.description.slice(0, 500))}</summary>
    <link rel="alternate" type="application/cap+xml" href="${esc(`${baseUrl}/api/warnings/${w.id}/cap.xml`)}"/>
  </entry>
`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>urn:taihang:warnings:active</id>
  <title>太行 — 生效中的预警信息</title>
  <updated>${capTime(updated)}</updated>
  <link rel="self" type="application/atom+xml" href="${esc(`${baseUrl}/api/warnings/feed.atom`)}"/>
${entries}</feed>
`;
}

/** Every active public warning's CAP message in one document (`<alerts>` wrapping CAP `<alert>` elements, republished). */
export function activeCapList(rows: WarningRow[]): string {
  const alerts = rows
    .map((w) =>
      publicCapXml(w)
        .replace(/^<\?xml[^>]*\?>\s*/, '')
        .trim(),
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<alerts xmlns="urn:taihang:cap-list">\n${alerts}\n</alerts>\n`;
}
