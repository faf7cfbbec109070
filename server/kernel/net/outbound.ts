import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../db/client.js';
import { setting } from '../kernel.schema.js';

/**
 * Outbound HTTP for server-side fetches of user-given URLs (CAP import feeds): the server must not become a way into
 * the government network it stands in. Only http/https; every hop's host is resolved here and the connection goes to
 * the checked address (no second lookup an attacker's DNS could answer differently); loopback, private, link-local,
 * cloud-metadata, unspecified, multicast and reserved addresses are refused, also inside IPv4-mapped, NAT64 and 6to4
 * IPv6 forms; redirects are followed by hand, each checked the same way; the body and the time are bounded. Hosts the
 * security administrator allow-lists (an intranet weather server) skip the address check, and only they.
 * A refusal says which class of address was refused, never what a refused host answers: nothing is sent to it.
 */

export type AddressClass = 'loopback' | 'private' | 'linkLocal' | 'metadata' | 'unspecified' | 'multicast' | 'reserved';

type Range = [bytes: number[], prefix: number, cls: AddressClass];

const V4: [string, number, AddressClass][] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'private'], // carrier-grade NAT (RFC 6598)
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.169.254', 32, 'metadata'],
  ['169.254.0.0', 16, 'linkLocal'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'], // includes 255.255.255.255
];

const V6: [string, number, AddressClass][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['fd00:ec2::254', 128, 'metadata'], // AWS IMDS over IPv6
  ['fc00::', 7, 'private'], // unique local
  ['fe80::', 10, 'linkLocal'],
  ['fec0::', 10, 'private'], // deprecated site-local
  ['ff00::', 8, 'multicast'],
  ['2001:db8::', 32, 'reserved'],
  ['100::', 64, 'reserved'],
];

function v4Bytes(ip: string): number[] {
  return ip.split('.').map(Number);
}

/** The 16 bytes of an IPv6 address (with :: and a trailing dotted quad). */
function v6Bytes(ip: string): number[] {
  let s = ip.split('%')[0] as string;
  let tail: number[] = [];
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (quad) {
    tail = v4Bytes(quad[1] as string);
    s = s.slice(0, -(quad[1] as string).length);
    s = s.endsWith('::') ? s : s.replace(/:$/, '');
  }
  const [head, rest] = s.includes('::') ? (s.split('::') as [string, string]) : [s, null];
  const words = (x: string) => (x ? x.split(':').map((h) => Number.parseInt(h, 16)) : []);
  const a = words(head);
  const b = rest === null ? [] : words(rest);
  const fill = 8 - tail.length / 2 - a.length - b.length;
  const all = [...a, ...(rest === null ? [] : new Array(Math.max(0, fill)).fill(0)), ...b];
  return [...all.flatMap((w) => [(w >> 8) & 0xff, w & 0xff]), ...tail];
}

const RANGES4: Range[] = V4.map(([ip, p, c]) => [v4Bytes(ip), p, c]);
const RANGES6: Range[] = V6.map(([ip, p, c]) => [v6Bytes(ip), p, c]);

function inRange(bytes: number[], [net, prefix]: Range): boolean {
  for (let bit = 0; bit < prefix; bit++) {
    const i = bit >> 3;
    const m = 0x80 >> (bit & 7);
    if (((bytes[i] as number) & m) !== ((net[i] as number) & m)) return false;
  }
  return true;
}

const classify = (bytes: number[], ranges: Range[]) => ranges.find((r) => inRange(bytes, r))?.[2] ?? null;

/** Why an IP address must not be fetched from the server (its class), or null for a public address. */
export function addressClass(ip: string): AddressClass | null {
  const kind = isIP(ip.split('%')[0] as string);
  if (kind === 4) return classify(v4Bytes(ip), RANGES4);
  if (kind !== 6) return 'reserved';
  const b = v6Bytes(ip);
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  // IPv4 inside IPv6: mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64 64:ff9b::a.b.c.d, 6to4 2002:aabb:ccdd::.
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return classify(b.slice(12), RANGES4);
  if (zeros(0, 12) && !zeros(12, 16) && !(zeros(12, 15) && b[15] === 1)) return classify(b.slice(12), RANGES4);
  if (b[0] === 0 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(4, 12)) return classify(b.slice(12), RANGES4);
  if (b[0] === 0x20 && b[1] === 0x02) return classify(b.slice(2, 6), RANGES4) ?? classify(b, RANGES6);
  return classify(b, RANGES6);
}

export type RefusalReason = AddressClass | 'scheme' | 'dns' | 'redirects' | 'tooLarge' | 'timeout' | 'status' | 'network';

/** A fetch that did not happen or did not complete; `reason` is safe to show (no detail of a refused host). */
export class OutboundError extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly status?: number,
  ) {
    super(`outbound fetch refused or failed: ${reason}${status ? ` ${status}` : ''}`);
  }
}

export interface OutboundOptions {
  /** Host names (or IP literals) the security administrator allow-listed; exact, case-insensitive. */
  allowHosts: readonly string[];
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  /** Name resolution (tests pass a fake); default: the system resolver, every address. */
  resolve?: (host: string) => Promise<string[]>;
}

const systemResolve = async (host: string) => (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** The address to connect to for a URL's host, checked; throws OutboundError when refused. */
export async function checkedAddress(url: URL, opts: Pick<OutboundOptions, 'allowHosts' | 'resolve'>): Promise<string> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutboundError('scheme');
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const allowed = opts.allowHosts.some(
    (h) =>
      h
        .trim()
        .toLowerCase()
        .replace(/^\[|\]$/g, '') === host,
  );
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await (opts.resolve ?? systemResolve)(host);
    } catch {
      throw new OutboundError('dns');
    }
    if (!addresses.length) throw new OutboundError('dns');
  }
  if (!allowed) {
    // Every address the name has must be public: a name with one private address is refused outright.
    for (const a of addresses) {
      const cls = addressClass(a);
      if (cls) throw new OutboundError(cls);
    }
  }
  return addresses[0] as string;
}

interface Hop {
  status: number;
  location?: string;
  contentType?: string;
  body?: Buffer;
}

function request(url: URL, address: string, maxBytes: number, deadline: number): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const family = isIP(address);
    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.request(
      url,
      {
        method: 'GET',
        headers: {
          accept: 'application/cap+xml, application/atom+xml, application/rss+xml, application/xml, text/xml;q=0.9, */*;q=0.1',
          'user-agent': 'Taihang-CAP-feed',
        },
        // Connect to the address that was checked, whatever the resolver would answer now (DNS rebinding).
        lookup: (_host: string, o: { all?: boolean }, cb: (...args: unknown[]) => void) =>
          o?.all ? cb(null, [{ address, family }]) : cb(null, address, family),
        timeout: Math.max(1, deadline - Date.now()),
      } as http.RequestOptions,
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          return resolve({ status, location: res.headers.location });
        }
        if (status < 200 || status >= 300) {
          res.resume();
          return resolve({ status });
        }
        const declared = Number(res.headers['content-length']);
        if (declared > maxBytes) {
          req.destroy();
          return reject(new OutboundError('tooLarge'));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > maxBytes) {
            req.destroy();
            reject(new OutboundError('tooLarge'));
          } else chunks.push(c);
        });
        res.on('end', () => resolve({ status, contentType: res.headers['content-type'], body: Buffer.concat(chunks) }));
        res.on('error', () => reject(new OutboundError('network')));
      },
    );
    const timer = setTimeout(() => req.destroy(new OutboundError('timeout')), Math.max(1, deadline - Date.now()));
    req.on('timeout', () => req.destroy(new OutboundError('timeout')));
    req.on('error', (e) => reject(e instanceof OutboundError ? e : new OutboundError('network')));
    req.on('close', () => clearTimeout(timer));
    req.end();
  });
}

/** GETs a user-given URL under the rules above; the body's bytes (decoding is the caller's: CAP has its own rules). */
export async function fetchOutbound(rawUrl: string, opts: OutboundOptions): Promise<{ url: string; bytes: Buffer; contentType?: string }> {
  const maxBytes = opts.maxBytes ?? 2 * 1024 * 1024;
  const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new OutboundError('scheme');
  }
  for (let hop = 0; hop <= (opts.maxRedirects ?? 5); hop++) {
    const address = await checkedAddress(url, opts);
    const r = await request(url, address, maxBytes, deadline);
    if (r.location) {
      try {
        url = new URL(r.location, url);
      } catch {
        throw new OutboundError('network');
      }
      continue;
    }
    if (!r.body) throw new OutboundError('status', r.status);
    return { url: url.toString(), bytes: r.body, contentType: r.contentType };
  }
  throw new OutboundError('redirects');
}

// ---------------------------------------------------------------- the allow-list (a security setting)

/** A host name or IP literal, as it appears in a URL (no scheme, port or path). */
export const ZOutboundHost = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(\[?[0-9a-f:.]+\]?|[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*)$/, { message: 'invalid_format' });
export const ZOutboundAllowList = z.object({ hosts: z.array(ZOutboundHost).max(50) });
export type TOutboundAllowList = z.infer<typeof ZOutboundAllowList>;

const KEY = 'security.outboundAllowHosts';

/** Hosts on internal addresses the server may fetch from (edited by the security administrator; empty by default). */
export async function loadOutboundAllowList(ex: Executor): Promise<TOutboundAllowList> {
  const [row] = await ex.select().from(setting).where(eq(setting.key, KEY));
  const parsed = ZOutboundAllowList.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : { hosts: [] };
}

export async function saveOutboundAllowList(ex: Executor, value: TOutboundAllowList): Promise<void> {
  await ex.insert(setting).values({ key: KEY, value }).onConflictDoUpdate({ target: setting.key, set: { value } });
}
