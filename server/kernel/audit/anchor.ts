import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { auditLog, setting } from '../kernel.schema.js';
import { canonicalJson, findMarker, GENESIS_HASH } from './audit.js';
import { type AuditKey, syncDir } from './audit-key.js';

/**
 * The anchor: checkpoints of the chain head in an append-only file outside the database
 * (TAIHANG_AUDIT_ANCHOR_FILE), one JSON line each: the row at `seq` had `hash` at `at`. Each line
 * carries the number `n` and the MAC of the line before it (`prev`), and is MAC'd with the audit
 * key, so a line cannot be forged, edited, removed or reordered unnoticed. `keyedFrom`/`chain` name
 * the marker row, which ties the file to one database's chain. The code only ever appends.
 */
const ZLine = z.strictObject({
  n: z.number().int().min(1),
  seq: z.number().int().min(1),
  hash: z.string(),
  at: z.string(),
  keyId: z.string(),
  keyedFrom: z.number().int(),
  chain: z.string(),
  prev: z.string(),
  mac: z.string(),
});
export type AnchorLine = z.infer<typeof ZLine>;

function lineMac(key: AuditKey, l: Omit<AnchorLine, 'mac'>): string {
  const { n, seq, hash, at, keyId, keyedFrom, chain, prev } = l;
  return key.anchorMac(canonicalJson({ n, seq, hash, at, keyId, keyedFrom, chain, prev }));
}

function parseLine(text: string): AnchorLine | null {
  try {
    const r = ZLine.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export interface AnchorProblem {
  seq: number;
  line: number;
  problem: 'anchor_line_invalid' | 'anchor_line_missing';
  detail: string;
}

export interface AnchorRead {
  file: string;
  exists: boolean;
  /** Lines whose MAC holds, each with its line number in the file. */
  lines: (AnchorLine & { line: number })[];
  problems: AnchorProblem[];
  /** n of the last line (valid or not) that could be read. */
  lastN: number;
  /** Identifies the file: the MAC of its checkpoint 1. */
  fileId: string | null;
}

/** Reads and checks every line of the anchor file (streamed: it grows by a line a minute at most). */
export async function readAnchor(file: string, key: AuditKey): Promise<AnchorRead> {
  const out: AnchorRead = { file, exists: fs.existsSync(file), lines: [], problems: [], lastN: 0, fileId: null };
  if (!out.exists) return out;
  const rl = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  let expectN = 1;
  let expectPrev = GENESIS_HASH;
  for await (const text of rl) {
    lineNo++;
    if (!text.trim()) continue;
    const l = parseLine(text);
    if (!l) {
      out.problems.push({ seq: 0, line: lineNo, problem: 'anchor_line_invalid', detail: `anchor line ${lineNo} is not a checkpoint record (edited or torn)` });
      continue;
    }
    if (l.n !== expectN || l.prev !== expectPrev) {
      out.problems.push({
        seq: l.seq,
        line: lineNo,
        problem: 'anchor_line_missing',
        detail:
          l.n > expectN
            ? `anchor line ${lineNo} is checkpoint ${l.n}, but checkpoint ${expectN}${l.n - 1 > expectN ? `–${l.n - 1}` : ''} is missing before it: lines were removed`
            : `anchor line ${lineNo} (checkpoint ${l.n}) does not follow checkpoint ${expectN - 1}: lines were removed, reordered or copied in`,
      });
    }
    expectN = l.n + 1;
    expectPrev = l.mac;
    out.lastN = l.n;
    if (lineMac(key, l) !== l.mac) {
      out.problems.push({
        seq: l.seq,
        line: lineNo,
        problem: 'anchor_line_invalid',
        detail: `anchor line ${lineNo} (checkpoint ${l.n}, row ${l.seq}) was edited, or written with another audit key`,
      });
      continue;
    }
    if (l.n === 1) out.fileId = l.mac.slice(0, 16);
    out.lines.push({ ...l, line: lineNo });
  }
  return out;
}

interface Tail {
  /** The last line whose MAC holds, among the file's last 64 KB. */
  last: AnchorLine | null;
  empty: boolean;
  endsWithNewline: boolean;
}

function readTail(file: string, key: AuditKey): Tail {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { last: null, empty: true, endsWithNewline: true };
    throw err;
  }
  try {
    const size = fs.fstatSync(fd).size;
    const start = Math.max(0, size - 65_536);
    const buf = Buffer.alloc(size - start);
    fs.readSync(fd, buf, 0, buf.length, start);
    const text = buf.toString('utf8');
    const parts = text.split('\n');
    const complete = parts.slice(start > 0 ? 1 : 0, -1); // the first part may be cut; the last is after the final newline
    for (let i = complete.length - 1; i >= 0; i--) {
      const l = parseLine(complete[i] as string);
      if (l && lineMac(key, l) === l.mac) return { last: l, empty: false, endsWithNewline: text.endsWith('\n') };
    }
    return { last: null, empty: size === 0, endsWithNewline: size === 0 || text.endsWith('\n') };
  } finally {
    fs.closeSync(fd);
  }
}

/** The chain id an anchor file was written for, if it has a valid line (start-up check). */
export function anchorChain(file: string, key: AuditKey): string | null {
  return readTail(file, key).last?.chain ?? null;
}

function readFirstLineMac(file: string): string | null {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    const first = parseLine(buf.subarray(0, n).toString('utf8').split('\n')[0] ?? '');
    return first?.n === 1 ? first.mac.slice(0, 16) : null;
  } finally {
    fs.closeSync(fd);
  }
}

/** The database's note of the last checkpoint written to one anchor file: detects removed last lines. */
const recordKey = (fileId: string) => `audit.anchor.${fileId}`;

export async function readAnchorRecord(ex: Executor, fileId: string): Promise<{ n: number; seq: number; mac: string } | null> {
  const [r] = await ex
    .select({ value: setting.value })
    .from(setting)
    .where(eq(setting.key, recordKey(fileId)));
  return (r?.value as { n: number; seq: number; mac: string } | undefined) ?? null;
}

export type CheckpointOutcome = { appended: AnchorLine } | { unchanged: true } | { refused: string };

/**
 * Appends a checkpoint of the current head if it moved. Under a lock beside the file, so processes
 * sharing it append in order; the head is read under the lock for the same reason.
 */
export async function checkpointAudit(db: Db, key: AuditKey, file: string, now: Date): Promise<CheckpointOutcome> {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  return withFileLock(`${file}.lock`, async () => {
    const [head] = await db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    const marker = await findMarker(db);
    if (!head || !marker) return { unchanged: true };
    const tail = readTail(file, key);
    const last = tail.last;
    if (!last && !tail.empty) {
      return {
        refused: `the anchor file ${file} has no valid checkpoint at its end; run \`taihang audit verify\`, keep the file as evidence and move it aside to start a new one`,
      };
    }
    if (last) {
      if (last.chain !== marker.hash) {
        return {
          refused: `the anchor file ${file} belongs to another audit chain (another database, or this chain was re-keyed); run \`taihang audit verify\``,
        };
      }
      if (head.seq < last.seq)
        return { refused: `the audit log ends at row ${head.seq}, but row ${last.seq} was anchored: rows were deleted; run \`taihang audit verify\`` };
      if (head.seq === last.seq) {
        return head.hash === last.hash ? { unchanged: true } : { refused: `row ${head.seq} differs from its checkpoint; run \`taihang audit verify\`` };
      }
    }
    // The database notes the file's last checkpoint: a file that ends before it had its last lines removed.
    // Appending would hide that (the next line's n and prev fit the cut file, and the note would move on).
    const record = last ? await readAnchorRecord(db, readFirstLineMac(file) ?? '') : null;
    if (last && record && record.n > last.n) {
      return {
        refused: `the database recorded checkpoint ${record.n} in the anchor file ${file}, but the file ends at checkpoint ${last.n}: its last lines were removed; run \`taihang audit verify\` and restore the file from a backup`,
      };
    }
    const body = {
      n: (last?.n ?? 0) + 1,
      seq: head.seq,
      hash: head.hash,
      at: now.toISOString(),
      keyId: key.id,
      keyedFrom: marker.seq,
      chain: marker.hash,
      prev: last?.mac ?? GENESIS_HASH,
    };
    const line: AnchorLine = { ...body, mac: lineMac(key, body) };
    const created = tail.empty && !fs.existsSync(file);
    const fh = await fs.promises.open(file, 'a', 0o600);
    try {
      // A torn last line (a crash mid-write) stays as it is; the new line starts on its own.
      await fh.write(`${tail.endsWithNewline ? '' : '\n'}${JSON.stringify(line)}\n`);
      await fh.datasync();
    } finally {
      await fh.close();
    }
    if (created) syncDir(path.dirname(file));
    const fileId = line.n === 1 ? line.mac.slice(0, 16) : readFirstLineMac(file);
    if (fileId) {
      const value = { n: line.n, seq: line.seq, mac: line.mac };
      await db
        .insert(setting)
        .values({ key: recordKey(fileId), value })
        .onConflictDoUpdate({ target: setting.key, set: { value, updatedAt: sql`now()` } });
    }
    return { appended: line };
  });
}

/**
 * A short exclusive lock beside the anchor file (exclusive create; held for milliseconds). One left
 * by a process that died holding it is taken over after 30 s. Not proper-lockfile: its signal-exit
 * handlers end the process on SIGTERM before the server's own shutdown (and its last checkpoint) runs.
 */
async function withFileLock<T>(lockPath: string, fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      fs.closeSync(fs.openSync(lockPath, 'wx', 0o600));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const age = Date.now() - (fs.statSync(lockPath, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 30_000) fs.rmSync(lockPath, { recursive: true, force: true });
      else if (attempt >= 400) throw new Error(`the anchor file is locked by another process (${lockPath})`);
      else await new Promise((r) => setTimeout(r, 25));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockPath, { force: true });
  }
}

/**
 * Checkpoints now, then every `intervalMs` when the head moved, and once more at stop (shutdown).
 * A refusal is logged once per distinct reason: it means tampering or a misplaced file.
 */
export function startAuditCheckpoints(opts: { db: Db; key: AuditKey; file: string; now: () => Date; intervalMs: number }): { stop(): Promise<void> } {
  let lastHead: number | null = null;
  let lastMessage = '';
  let running: Promise<void> | null = null;
  const report = (msg: string) => {
    if (msg && msg !== lastMessage) console.error(`Taihang audit anchor: ${msg}`);
    lastMessage = msg;
  };
  const run = async (force: boolean) => {
    try {
      const [head] = await opts.db.select({ seq: auditLog.seq }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
      if (!force && head?.seq === lastHead) return;
      const r = await checkpointAudit(opts.db, opts.key, opts.file, opts.now());
      if ('refused' in r) report(r.refused);
      else {
        report('');
        lastHead = head?.seq ?? null;
      }
    } catch (err) {
      report((err as Error).message);
    }
  };
  const tick = (force = false) => {
    running ??= run(force).finally(() => {
      running = null;
    });
    return running;
  };
  void tick(true);
  const timer = setInterval(() => void tick(), opts.intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await tick(true);
    },
  };
}
