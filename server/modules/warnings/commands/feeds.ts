import type { TWarningFeed } from '../../../../common/contracts/warnings.js';
import { systemActor } from '../../../kernel/actor.js';
import { type Ctx, type Deps, inTransaction } from '../../../kernel/context.js';
import { AppError } from '../../../kernel/errors.js';
import { deleteFeed, type FeedRow, getFeed, insertFeed, updateFeed } from '../warning.repository.js';
import { importCap } from './import-cap.js';

export async function createFeed(ctx: Ctx, input: TWarningFeed) {
  const now = ctx.clock.now();
  const f = await insertFeed(ctx.tx, { ...input, url: input.url ?? null, createdBy: ctx.actor.id, createdAt: now, updatedAt: now });
  await ctx.audit.record({ action: 'warning.feed.created', entityType: 'warning_feed', entityId: f.id, after: input });
  return f;
}

export async function changeFeed(ctx: Ctx, id: string, input: TWarningFeed) {
  const f = await updateFeed(ctx.tx, id, { ...input, url: input.url ?? null, updatedAt: ctx.clock.now() });
  if (!f) throw new AppError('NOT_FOUND');
  await ctx.audit.record({ action: 'warning.feed.updated', entityType: 'warning_feed', entityId: id, after: input });
  return f;
}

export async function removeFeed(ctx: Ctx, id: string) {
  if (!(await deleteFeed(ctx.tx, id))) throw new AppError('NOT_FOUND');
  await ctx.audit.record({ action: 'warning.feed.deleted', entityType: 'warning_feed', entityId: id });
}

/** How a feed is fetched; tests pass a fake (the network is never called in tests). */
export type Fetcher = (url: string, init: { signal: AbortSignal }) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

export const FETCH_TIMEOUT_MS = 15_000;
const MAX_ENTRIES = 20;

async function getText(fetcher: Fetcher, url: string): Promise<string> {
  const r = await fetcher(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!r.ok) throw new Error(`HTTP ${r.status} from ${url}`);
  return r.text();
}

/** CAP links of an Atom or RSS index (the usual shape of a weather service's CAP feed). */
export function capLinksOf(index: string, base: string): string[] {
  const links = new Set<string>();
  for (const m of index.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    const href = /href="([^"]+)"/.exec(tag)?.[1];
    if (href && (/cap\+xml/.test(tag) || /\.xml$/.test(href))) links.add(new URL(href, base).toString());
  }
  for (const m of index.matchAll(/<link>([^<]+)<\/link>/g)) if (m[1] && /\.xml$/.test(m[1].trim())) links.add(new URL(m[1].trim(), base).toString());
  return [...links].slice(0, MAX_ENTRIES);
}

/**
 * Fetches one URL feed (with a timeout): a single CAP message, or an Atom/RSS index whose entries link to
 * CAP messages. Each message is imported in its own transaction (an invalid one stores nothing and is
 * reported); the feed keeps the outcome of its last fetch.
 */
export async function fetchFeed(deps: Deps, feed: FeedRow, fetcher: Fetcher = fetch as unknown as Fetcher) {
  const actor = systemActor(`warnings.feed:${feed.name}`);
  const info = { id: null, ip: null, locale: 'zh-CN' as const };
  const counts = { created: 0, updated: 0, cancelled: 0, duplicate: 0, ignored: 0, rejected: 0 };
  const problems: string[] = [];
  let status = 'ok';
  try {
    const body = await getText(fetcher, feed.url as string);
    const docs: [string, string][] = /<alert[\s>]/.test(body) ? [[feed.url as string, body]] : [];
    if (!docs.length) for (const link of capLinksOf(body, feed.url as string)) docs.push([link, await getText(fetcher, link)]);
    if (!docs.length) throw new Error('the response is neither a CAP message nor a feed linking to CAP messages');
    for (const [url, xml] of docs) {
      try {
        const r = await inTransaction(deps, actor, info, (ctx) => importCap(ctx, xml, feed.id));
        counts[r.status]++;
      } catch (e) {
        counts.rejected++;
        const reason = e instanceof AppError ? String(e.params.reason) : (e as Error).message;
        problems.push(`${url}: ${reason}`);
      }
    }
    if (counts.rejected) status = 'error';
  } catch (e) {
    status = 'error';
    problems.push((e as Error).name === 'TimeoutError' ? `timeout after ${FETCH_TIMEOUT_MS / 1000}s` : (e as Error).message);
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

/** Fetches one feed by id now (the admin's "fetch now" button and the per-feed job). */
export async function fetchFeedById(deps: Deps, id: string, fetcher?: Fetcher) {
  const feed = await getFeed(deps.database.db, id);
  if (feed?.kind !== 'url' || !feed.url) throw new AppError('NOT_FOUND');
  return fetchFeed(deps, feed, fetcher);
}
