import type { TWarningFeed } from '../../../../common/contracts/warnings.js';
import { systemActor } from '../../../kernel/actor.js';
import { type Ctx, type Deps, inTransaction } from '../../../kernel/context.js';
import { AppError } from '../../../kernel/errors.js';
import { allowNew, loadFor, systemOnly } from '../../../kernel/gate/gate.js';
import { fetchOutbound, loadOutboundAllowList, OutboundError, type OutboundOptions, type RefusalReason } from '../../../kernel/net/outbound.js';
import { Scope } from '../../../kernel/scope/scope.js';
import { findDepartmentWithPath } from '../../org/index.js';
import { feedPolicy } from '../warning.policy.js';
import { deleteFeed, type FeedRow, getFeed, insertFeed, updateFeed } from '../warning.repository.js';
import { importCap } from './import-cap.js';

const anchor = (f: FeedRow) => ({ unitId: f.departmentId, regionPath: f.regionPath });
const loadFeed = (ctx: Ctx, id: string, action: 'change' | 'delete' | 'fetch') =>
  loadFor(ctx, feedPolicy, action, async (ex, scope) => {
    const f = await getFeed(ex, scope, id);
    return f && { ...anchor(f), row: f };
  });

/** A feed belongs to the unit of the user who adds it; its line manages it. */
export async function createFeed(ctx: Ctx, input: TWarningFeed) {
  const d = ctx.actor.departmentId ? await findDepartmentWithPath(ctx.tx, ctx.actor.departmentId) : undefined;
  allowNew(ctx, feedPolicy, 'create', { unitId: d?.id ?? null, regionPath: d?.regionPath ?? null });
  const now = ctx.clock.now();
  const f = await insertFeed(ctx.tx, {
    ...input,
    url: input.url ?? null,
    departmentId: d?.id ?? null,
    regionPath: d?.regionPath ?? null,
    createdBy: ctx.actor.id,
    createdAt: now,
    updatedAt: now,
  });
  await ctx.audit.record({ action: 'warning.feed.created', entityType: 'warning_feed', entityId: f.id, after: { ...input, departmentId: f.departmentId } });
  return f;
}

export async function changeFeed(ctx: Ctx, id: string, input: TWarningFeed) {
  const { row } = await loadFeed(ctx, id, 'change');
  const f = (await updateFeed(ctx.tx, id, { ...input, url: input.url ?? null, updatedAt: ctx.clock.now() })) as FeedRow;
  await ctx.audit.record({ action: 'warning.feed.updated', entityType: 'warning_feed', entityId: id, before: { name: row.name, url: row.url }, after: input });
  return f;
}

export async function removeFeed(ctx: Ctx, id: string) {
  const { row } = await loadFeed(ctx, id, 'delete');
  if (!(await deleteFeed(ctx.tx, id))) throw new AppError('NOT_FOUND');
  await ctx.audit.record({ action: 'warning.feed.deleted', entityType: 'warning_feed', entityId: id, before: { name: row.name, url: row.url } });
}

/** How a feed's documents are fetched; tests pass a fake. Production: fetchOutbound (kernel/net) with the allow-list. */
export type Fetcher = (url: string) => Promise<Uint8Array>;

export const FETCH_TIMEOUT_MS = 15_000;
const MAX_ENTRIES = 20;

/** What the feed's last result says of a fetch that failed, in both languages; never what a refused host answers. */
const REFUSAL_TEXT: Record<RefusalReason, string> = {
  loopback: '地址指向本机，已拒绝 (refused: loopback address)',
  private: '地址为内网地址，已拒绝 (refused: private address)',
  linkLocal: '地址为链路本地地址，已拒绝 (refused: link-local address)',
  metadata: '地址为云平台元数据地址，已拒绝 (refused: metadata address)',
  unspecified: '地址无效，已拒绝 (refused: unspecified address)',
  multicast: '地址为组播地址，已拒绝 (refused: multicast address)',
  reserved: '地址为保留地址，已拒绝 (refused: reserved address)',
  scheme: '只支持 http 和 https 地址 (only http and https)',
  dns: '域名无法解析 (the host name does not resolve)',
  redirects: '重定向次数过多 (too many redirects)',
  tooLarge: '内容超过 2 MB (larger than 2 MB)',
  timeout: `超过 ${FETCH_TIMEOUT_MS / 1000} 秒未响应 (timeout after ${FETCH_TIMEOUT_MS / 1000} s)`,
  status: '服务器返回错误 (the server answered an error)',
  network: '连接失败 (connection failed)',
};

export function failureText(e: unknown): string {
  if (e instanceof OutboundError) return e.reason === 'status' && e.status ? `${REFUSAL_TEXT.status}: HTTP ${e.status}` : REFUSAL_TEXT[e.reason];
  return REFUSAL_TEXT.network;
}

/** CAP links of an Atom or RSS index (the usual shape of a weather service's CAP feed). */
export function capLinksOf(index: string, base: string): string[] {
  const links = new Set<string>();
  const add = (href: string) => {
    try {
      links.add(new URL(href, base).toString());
    } catch {
      // not a URL: skipped
    }
  };
  for (const m of index.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    const href = /href="([^"]+)"/.exec(tag)?.[1];
    if (href && (/cap\+xml/.test(tag) || /\.xml$/.test(href))) add(href);
  }
  for (const m of index.matchAll(/<link>([^<]+)<\/link>/g)) if (m[1] && /\.xml$/.test(m[1].trim())) add(m[1].trim());
  return [...links].slice(0, MAX_ENTRIES);
}

/** The production fetcher: kernel/net's guarded GET with the security administrator's allow-list. */
export async function guardedFetcher(deps: Deps, extra: Partial<OutboundOptions> = {}): Promise<Fetcher> {
  const { hosts } = await loadOutboundAllowList(deps.database.db);
  return async (url) => (await fetchOutbound(url, { allowHosts: hosts, timeoutMs: FETCH_TIMEOUT_MS, ...extra })).bytes;
}

/** The scope a feed's messages target and are matched in: its unit's (resolved as a session would); unit-less: the platform. */
async function feedScope(deps: Deps, feed: FeedRow): Promise<Scope> {
  if (!feed.departmentId) return Scope.system();
  return (await deps.resolveUnit(deps.database.db, { kind: 'government', departmentId: feed.departmentId, enterpriseId: null })).scope;
}

/**
 * Fetches one URL feed: a single CAP message, or an Atom/RSS index whose entries link to CAP messages, each through
 * the guarded fetcher. Each message is imported in its own transaction as the system on behalf of the feed's unit
 * (an invalid one stores nothing and is reported); the feed keeps the outcome of its last fetch.
 */
export async function fetchFeed(deps: Deps, feed: FeedRow, fetcher?: Fetcher) {
  const get = fetcher ?? (await guardedFetcher(deps));
  const actor = systemActor(`warnings.feed:${feed.name}`);
  const info = { id: null, ip: null, locale: 'zh-CN' as const };
  const counts = { created: 0, updated: 0, cancelled: 0, duplicate: 0, ignored: 0, rejected: 0 };
  const problems: string[] = [];
  const from = { feed, scope: await feedScope(deps, feed) };
  let status: 'ok' | 'error' = 'ok';
  try {
    const body = await get(feed.url as string);
    const text = Buffer.from(body).toString('latin1');
    const docs: [string, Uint8Array][] = /<alert[\s>]|<\0a\0l\0e\0r\0t|\0<\0a\0l\0e\0r\0t/.test(text) ? [[feed.url as string, body]] : [];
    if (!docs.length)
      for (const link of capLinksOf(Buffer.from(body).toString('utf8'), feed.url as string)) {
        try {
          docs.push([link, await get(link)]);
        } catch (e) {
          counts.rejected++;
          problems.push(`${link}: ${failureText(e)}`);
        }
      }
    if (!docs.length && !problems.length)
      problems.push('既不是 CAP 消息，也不是链接 CAP 消息的订阅 (neither a CAP message nor a feed linking to CAP messages)');
    for (const [url, xml] of docs) {
      try {
        const r = await inTransaction(deps, actor, info, (ctx) => importCap(ctx, xml, { from }));
        counts[r.status]++;
      } catch (e) {
        counts.rejected++;
        const reason = e instanceof AppError ? (e.code === 'CAP_INVALID' ? String(e.params.reason) : e.code) : (e as Error).message;
        problems.push(`${url}: ${reason}`);
      }
    }
    if (counts.rejected || !docs.length) status = 'error';
  } catch (e) {
    status = 'error';
    problems.push(failureText(e));
  }
  const result = [
    Object.entries(counts)
      .filter(([, n]) => n)
      .map(([k, n]) => `${k} ${n}`)
      .join(', '),
    ...problems,
  ]
    .filter(Boolean)
    .join('; ');
  await inTransaction(deps, actor, info, async (ctx) => {
    await updateFeed(ctx.tx, feed.id, { lastFetchedAt: ctx.clock.now(), lastStatus: status, lastResult: result.slice(0, 2000) || 'empty' });
  });
  return { status, counts, problems };
}

/** 立即抓取 by a user of the feed's line (the route runs outside a transaction: each message commits on its own). */
export async function fetchFeedNow(ctx: Ctx, deps: Deps, id: string, fetcher?: Fetcher) {
  const { row } = await loadFeed(ctx, id, 'fetch');
  if (row.kind !== 'url' || !row.url) throw new AppError('NOT_FOUND');
  return fetchFeed(deps, row, fetcher);
}

/** The per-feed job: the system fetches a due feed. */
export async function fetchFeedJob(ctx: Ctx, deps: Deps, id: string, fetcher?: Fetcher) {
  systemOnly(ctx);
  const feed = await getFeed(ctx.tx, ctx.scope, id);
  if (feed?.kind !== 'url' || !feed.url) return undefined;
  return fetchFeed(deps, feed, fetcher);
}
