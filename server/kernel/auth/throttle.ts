import { and, gt, inArray, isNull, like, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { loginThrottle } from '../kernel.schema.js';
import type { TSecuritySettings } from './security-settings.js';

/**
 * Sign-in throttling (GB/T 22239-2019 8.1.4.1 b 登录失败处理) that an outsider cannot turn against
 * the real user:
 * - the (account, address) pair is locked after `maxFailedAttempts` failures for `lockoutMinutes`,
 *   so nobody can keep `city` locked out from elsewhere by failing from one address;
 * - the account (from any address) and the address (for any account) need the image captcha after
 *   CAPTCHA_AFTER_FAILURES failures within the window, which stops distributed guessing without
 *   locking the owner out;
 * - the address's failure answers are slowed progressively (`delayMs`).
 * Counters are keyed by the typed username, so an unknown name behaves exactly like a real one.
 */
export const CAPTCHA_AFTER_FAILURES = 3;
/** Failures from one address answered without delay; then 0.25 s, 0.5 s, 1 s … up to MAX_DELAY_MS. */
const FREE_FAILURES = 3;
const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 8_000;

export interface ThrottleState {
  /** This address may not sign in to this account until the lock ends (answered like a wrong password). */
  pairLocked: boolean;
  captchaRequired: boolean;
  /** How long a failure answer to this address waits (successful sign-ins never wait). */
  delayMs: number;
}

type Row = typeof loginThrottle.$inferSelect;

function keysOf(username: string, ip: string) {
  const u = username.toLowerCase();
  return { pair: `pair:${u}|${ip}`, account: `account:${u}`, ip: `ip:${ip}` };
}

const windowMs = (s: TSecuritySettings) => s.lockoutMinutes * 60_000;
const live = (r: Row | undefined, now: Date, s: TSecuritySettings) => (r && now.getTime() - r.windowStart.getTime() < windowMs(s) ? r : undefined);

function stateOf(rows: Row[], username: string, ip: string, now: Date, s: TSecuritySettings): ThrottleState {
  const k = keysOf(username, ip);
  const by = new Map(rows.map((r) => [r.key, r]));
  const pair = by.get(k.pair);
  const pairLocked = !!pair?.lockedUntil && pair.lockedUntil > now;
  const account = live(by.get(k.account), now, s)?.failures ?? 0;
  const address = live(by.get(k.ip), now, s)?.failures ?? 0;
  const extra = address - FREE_FAILURES - 1;
  return {
    pairLocked,
    captchaRequired: pairLocked || account >= CAPTCHA_AFTER_FAILURES || address >= CAPTCHA_AFTER_FAILURES,
    delayMs: extra < 0 ? 0 : Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** extra),
  };
}

export async function throttleState(ex: Executor, username: string, ip: string, now: Date, s: TSecuritySettings): Promise<ThrottleState> {
  const k = keysOf(username, ip);
  const rows = await ex
    .select()
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, [k.pair, k.account, k.ip]));
  return stateOf(rows, username, ip, now, s);
}

/**
 * Counts one failed sign-in. `addressOnly` (a wrong captcha: no password was tried) counts against the
 * address alone. Returns the state the next attempt meets.
 */
export async function recordFailure(
  ex: Executor,
  username: string,
  ip: string,
  now: Date,
  s: TSecuritySettings,
  opts: { addressOnly?: boolean } = {},
): Promise<ThrottleState & { lockedNow: boolean }> {
  const k = keysOf(username, ip);
  const keys = opts.addressOnly ? [k.ip] : [k.pair, k.account, k.ip];
  const windowStart = new Date(now.getTime() - windowMs(s));
  const lockedUntil = new Date(now.getTime() + windowMs(s));
  // One upsert per key: a counter whose window has passed starts again at 1; the pair locks at the limit.
  const rows: Row[] = [];
  for (const key of keys) {
    const expired = sql`${loginThrottle.windowStart} <= ${windowStart.toISOString()}::timestamptz`;
    const failures = sql`case when ${expired} then 1 else ${loginThrottle.failures} + 1 end`;
    const [row] = await ex
      .insert(loginThrottle)
      .values({ key, failures: 1, windowStart: now, lockedUntil: key === k.pair && s.maxFailedAttempts <= 1 ? lockedUntil : null })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures,
          windowStart: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${loginThrottle.windowStart} end`,
          // A lock in force stays as it is (retrying does not extend it); reaching the limit sets it.
          lockedUntil:
            key === k.pair
              ? sql`case when ${loginThrottle.lockedUntil} > ${now.toISOString()}::timestamptz then ${loginThrottle.lockedUntil} when ${failures} >= ${s.maxFailedAttempts} then ${lockedUntil.toISOString()}::timestamptz else null end`
              : sql`null`,
        },
      })
      .returning();
    if (row) rows.push(row);
  }
  const pair = rows.find((r) => r.key === k.pair);
  const lockedNow = !!pair?.lockedUntil && pair.lockedUntil.getTime() === lockedUntil.getTime();
  return { ...stateOf(await currentRows(ex, k), username, ip, now, s), lockedNow };
}

async function currentRows(ex: Executor, k: ReturnType<typeof keysOf>): Promise<Row[]> {
  return ex
    .select()
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, [k.pair, k.account, k.ip]));
}

/** A successful sign-in clears its pair and the account's count (the owner proved the password); the address count stays. */
export async function recordSuccess(ex: Executor, username: string, ip: string): Promise<void> {
  const k = keysOf(username, ip);
  await ex.delete(loginThrottle).where(inArray(loginThrottle.key, [k.pair, k.account]));
}

/** The security admin's unlock: every address's lock on this account and its count. */
export async function clearAccount(ex: Executor, username: string): Promise<void> {
  const u = username.toLowerCase();
  await ex.delete(loginThrottle).where(or(sql`${loginThrottle.key} = ${`account:${u}`}`, like(loginThrottle.key, `pair:${escapeLike(u)}|%`)));
}

/** The latest lock in force per username (the user list's 已锁定 flag). */
export async function lockedUntilOf(ex: Executor, usernames: string[], now: Date): Promise<Map<string, Date>> {
  const map = new Map<string, Date>();
  if (!usernames.length) return map;
  const rows = await ex
    .select()
    .from(loginThrottle)
    .where(and(gt(loginThrottle.lockedUntil, now), or(...usernames.map((u) => like(loginThrottle.key, `pair:${escapeLike(u.toLowerCase())}|%`)))));
  for (const r of rows) {
    const u = r.key.slice(5, r.key.lastIndexOf('|'));
    const until = r.lockedUntil as Date;
    if (!map.has(u) || (map.get(u) as Date) < until) map.set(u, until);
  }
  return map;
}

/** Removes counters whose window and lock have both passed (run with the session sweep). */
export async function purgeThrottle(ex: Executor, now: Date, s: TSecuritySettings): Promise<void> {
  await ex
    .delete(loginThrottle)
    .where(
      and(lt(loginThrottle.windowStart, new Date(now.getTime() - windowMs(s))), or(isNull(loginThrottle.lockedUntil), lt(loginThrottle.lockedUntil, now))),
    );
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
