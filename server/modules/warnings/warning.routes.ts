import { z } from 'zod';
import {
  WARNING_EVENTS,
  ZCancelWarning,
  ZConfirmTarget,
  ZFeedFetchResult,
  ZFeedView,
  ZImportResult,
  ZImportSettings,
  ZImportSettingsView,
  ZIssueWarning,
  ZWarningArea,
  ZWarningEvent,
  ZWarningFeed,
  ZWarningListQuery,
  ZWarningPreview,
  ZWarningResponse,
  ZWarningSummary,
} from '../../../common/contracts/warnings.js';
import type { Deps } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { type App, route, ZPage } from '../../kernel/http/route.js';
import { loadOutboundAllowList, saveOutboundAllowList, ZOutboundAllowList } from '../../kernel/net/outbound.js';
import { confirmTarget } from './commands/confirm-target.js';
import { changeFeed, createFeed, fetchFeedNow, removeFeed } from './commands/feeds.js';
import { importCap } from './commands/import-cap.js';
import { changeImportSettings } from './commands/import-settings.js';
import { cancelWarning, issueWarning, updateWarningCommand } from './commands/issue-warning.js';
import { loadImportSettings } from './import-settings.js';
import { feedView, listFeedsQuery } from './queries/feeds.js';
import { findWarningsQuery } from './queries/find-warnings.js';
import { getWarningQuery } from './queries/get-warning.js';
import { previewArea } from './queries/preview.js';
import { publicCapXml } from './warning.cap.js';
import { importSettingsPolicy } from './warning.policy.js';
import { activeCapList, atomFeed } from './warning.presenter.js';
import { publicActiveWarnings, publicWarning } from './warning.repository.js';

const ZId = z.object({ id: z.string().uuid({ message: 'invalid_format' }) });
const ZTargetId = ZId.extend({ targetId: z.string().uuid({ message: 'invalid_format' }) });
const CAP_TYPE = 'application/cap+xml; charset=utf-8';

export function warningRoutes(app: App, deps: Deps): void {
  const tags = ['warnings'];

  route(app, deps, {
    method: 'GET',
    url: '/api/warnings',
    access: 'warning.read',
    summary: '预警信息: warnings in scope (filters: active, level, event, source; paged)',
    tags,
    query: ZWarningListQuery,
    response: ZPage(ZWarningSummary),
    handler: (ctx, { query }) => findWarningsQuery(ctx, query),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/warnings/events',
    access: 'warning.read',
    summary: 'The event types a regulator issues, with their CAP category and default targeted task',
    tags,
    response: z.object({ items: z.array(ZWarningEvent) }),
    handler: async () => ({ items: [...WARNING_EVENTS] }),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/warnings',
    access: 'warning.issue',
    summary: '发布预警: CAP 1.2 Alert (GB/T 35965.1 identifier); the area’s enterprises receive targeted tasks',
    tags,
    body: ZIssueWarning,
    response: ZWarningResponse,
    handler: async (ctx, { body }) => getWarningQuery(ctx, (await issueWarning(ctx, body)).warning.id),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/warnings/preview',
    access: 'warning.issue',
    summary: 'Enterprises in scope an area would reach (own point, installations, tailings ponds, region), with the located points for the preview plot',
    tags,
    body: ZWarningArea,
    response: ZWarningPreview,
    handler: (ctx, { body }) => previewArea(ctx, body),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/warnings/import',
    upload: 'A CAP 1.2 message: XML in UTF-8, UTF-16 or GB18030, without a DTD',
    access: 'warning.issue',
    summary:
      'Import a CAP 1.2 message (multipart "file"; UTF-8, UTF-16 or GB18030; no DTD); invalid: 400 with the reason, nothing stored; same sender and identifier: no-op; an Update/Cancel changes only a warning of the same sender imported by your line',
    tags,
    response: ZImportResult,
    handler: async (ctx, _i, { req }) => {
      const file = await req.file().catch(() => undefined);
      if (!file) throw new AppError('VALIDATION', {}, [{ field: 'file', code: 'required' }]);
      const r = await importCap(ctx, await file.toBuffer());
      return r.status === 'ignored' ? r : { status: r.status, id: r.warning.id, identifier: r.warning.identifier, targeted: r.targeted };
    },
  });

  // ---- public: the Atom feed and CAP of active public warnings (product.md: warnings are for the public) ----
  route(app, deps, {
    method: 'GET',
    url: '/api/warnings/feed.atom',
    access: 'public',
    summary: 'Atom 1.0 feed of active public warnings; each entry links to its CAP message',
    tags,
    raw: 'atom',
    handler: async (ctx, _i, { reply }) => {
      const rows = await publicActiveWarnings(ctx.tx, ctx.clock.now());
      // Links come from the configured public address, or are relative (RFC 4287 resolves them against the feed's own URL):
      // never from the request's Host header, which any client sets (a forged Host would point subscribers elsewhere).
      return reply.type('application/atom+xml; charset=utf-8').send(atomFeed(rows, deps.config.publicUrl ?? '', ctx.clock.now()));
    },
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/warnings/active.xml',
    access: 'public',
    summary: 'Every active public warning’s CAP 1.2 <alert> in one <alerts> document',
    tags,
    raw: 'xml',
    handler: async (ctx, _i, { reply }) =>
      reply.type('application/xml; charset=utf-8').send(activeCapList(await publicActiveWarnings(ctx.tx, ctx.clock.now()))),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/warnings/:id/cap.xml',
    access: 'public',
    summary: 'The CAP 1.2 message of a public warning (Restricted ones: 404; issuers download them from the detail)',
    tags,
    params: ZId,
    raw: 'cap',
    handler: async (ctx, { params }, { reply }) => {
      const w = await publicWarning(ctx.tx, params.id);
      if (!w) throw new AppError('NOT_FOUND');
      return reply
        .type(CAP_TYPE)
        .header('content-disposition', `attachment; filename="${w.identifier.replace(/[^\w.-]/g, '_')}.xml"`)
        .send(publicCapXml(w));
    },
  });

  // ---- feeds (each belongs to a unit; its line manages it) ----
  route(app, deps, {
    method: 'GET',
    url: '/api/warnings/feeds',
    access: 'warning.issue',
    summary: 'CAP import sources of units in scope, with the owning unit, the outcome of their last fetch and what the user may do',
    tags,
    response: z.object({ items: z.array(ZFeedView) }),
    handler: (ctx) => listFeedsQuery(ctx),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/warnings/feeds',
    access: 'warning.issue',
    summary: 'Add a CAP import source (a URL polled every intervalMinutes, or a file-upload source)',
    tags,
    body: ZWarningFeed,
    response: ZFeedView,
    handler: async (ctx, { body }) => feedView(ctx, await createFeed(ctx, body)),
  });

  route(app, deps, {
    method: 'PATCH',
    url: '/api/warnings/feeds/:id',
    access: 'warning.issue',
    summary: 'Change a CAP import source',
    tags,
    params: ZId,
    body: ZWarningFeed,
    response: ZFeedView,
    handler: async (ctx, { params, body }) => feedView(ctx, await changeFeed(ctx, params.id, body)),
  });

  route(app, deps, {
    method: 'DELETE',
    url: '/api/warnings/feeds/:id',
    access: 'warning.issue',
    summary: 'Remove a CAP import source (imported warnings stay)',
    tags,
    params: ZId,
    response: z.object({ ok: z.literal(true) }),
    handler: async (ctx, { params }) => {
      await removeFeed(ctx, params.id);
      return { ok: true as const };
    },
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/warnings/feeds/:id/fetch',
    access: 'warning.issue',
    summary: 'Fetch a URL feed now (each message imported in its own transaction); internal addresses are refused unless allow-listed',
    tags,
    params: ZId,
    transactional: false,
    response: ZFeedFetchResult,
    handler: (ctx, { params }) => fetchFeedNow(ctx, deps, params.id),
  });

  // ---- platform-wide import rules (the top government sets them) ----
  route(app, deps, {
    method: 'GET',
    url: '/api/warnings/import-settings',
    access: 'warning.issue',
    summary: 'How imported CAP messages are kept: the default expiry (hours) of an alert without <expires>',
    tags,
    response: ZImportSettingsView,
    handler: async (ctx) => ({
      ...(await loadImportSettings(ctx.tx)),
      configure: importSettingsPolicy.check(ctx.actor, {}, 'configure') === null,
    }),
  });
  route(app, deps, {
    method: 'PUT',
    url: '/api/warnings/import-settings',
    access: 'warning.issue',
    summary: 'Set the default expiry of imported alerts without <expires> (the government at the top of the region tree)',
    tags,
    body: ZImportSettings.strict(),
    response: ZImportSettingsView,
    handler: async (ctx, { body }) => ({ ...(await changeImportSettings(ctx, body)), configured: true, configure: true }),
  });

  // ---- the security administrator's allow-list of internal hosts feeds may be fetched from ----
  route(app, deps, {
    method: 'GET',
    url: '/api/security/outbound-hosts',
    access: 'security.manage',
    summary: 'Hosts on internal addresses the server may fetch CAP feeds from (empty: only public addresses)',
    tags: ['security'],
    response: ZOutboundAllowList,
    handler: (ctx) => loadOutboundAllowList(ctx.tx),
  });
  route(app, deps, {
    method: 'PUT',
    url: '/api/security/outbound-hosts',
    access: 'security.manage',
    summary: 'Change the allow-list of internal hosts (audited)',
    tags: ['security'],
    body: ZOutboundAllowList.strict(),
    response: ZOutboundAllowList,
    handler: async (ctx, { body }) => {
      const before = await loadOutboundAllowList(ctx.tx);
      await saveOutboundAllowList(ctx.tx, body);
      await ctx.audit.record({ action: 'security.outboundHostsChanged', entityType: 'setting', entityId: 'security.outboundAllowHosts', before, after: body });
      return body;
    },
  });

  // ---- one warning ----
  route(app, deps, {
    method: 'GET',
    url: '/api/warnings/:id',
    access: 'warning.read',
    summary: 'Warning detail with targets, read receipts, confirmation counts and abilities',
    tags,
    params: ZId,
    response: ZWarningResponse,
    handler: (ctx, { params }) => getWarningQuery(ctx, params.id),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/warnings/:id/update',
    access: 'warning.issue',
    summary: '更新预警: a CAP Update referencing the earlier messages',
    tags,
    params: ZId,
    body: ZIssueWarning,
    response: ZWarningResponse,
    handler: async (ctx, { params, body }) => {
      await updateWarningCommand(ctx, params.id, body);
      return getWarningQuery(ctx, params.id);
    },
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/warnings/:id/cancel',
    access: 'warning.issue',
    summary: '解除预警: a CAP Cancel (409 when the warning is not active)',
    tags,
    params: ZId,
    body: ZCancelWarning,
    response: ZWarningResponse,
    handler: async (ctx, { params, body }) => {
      await cancelWarning(ctx, params.id, body.reason);
      return getWarningQuery(ctx, params.id);
    },
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/warnings/:id/targets/:targetId/confirm',
    access: 'warning.confirm',
    summary: '签收 and feedback of the targeted task by the enterprise',
    tags,
    params: ZTargetId,
    body: ZConfirmTarget,
    response: ZWarningResponse,
    handler: async (ctx, { params, body }) => {
      await confirmTarget(ctx, params.id, params.targetId, body.feedback);
      return getWarningQuery(ctx, params.id);
    },
  });
}
