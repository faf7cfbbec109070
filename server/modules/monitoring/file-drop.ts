import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Deps } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { type IncomingReading, ingestWithKey } from './commands/ingest.js';

/**
 * File-drop import of coal-mine monitoring text files (interop.md §3.1, the classic 联网 layout):
 * a header record `库名;表名|` (e.g. `KJ;AQSS|`), records ending with `~`, fields separated by `;`,
 * an optional batch end `‖`. The field order is configuration (TAIHANG_DROP_LAYOUT, names `mine`,
 * `time`, `code`, `value`, `state`, `skip`; default `mine,time,code,value,state`); times without an
 * offset are Beijing time. Files go into `{TAIHANG_DROP_DIR}/{enterpriseId}/`; each is claimed by an
 * atomic rename (several ingest processes may watch one directory), imported in one transaction
 * through the same path as HTTP and MQTT, and moved to `done/` or to `failed/` with `<name>.reason.txt`.
 */
export const DEFAULT_LAYOUT = ['mine', 'time', 'code', 'value', 'state'];
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class DropFileError extends Error {}

function decode(buf: Buffer): string {
  const utf8 = buf.toString('utf8');
  if (!utf8.includes('\uFFFD')) return utf8;
  // Many centre-station systems write GB 18030 / GBK.
  return new TextDecoder('gb18030').decode(buf);
}

function parseTime(s: string): Date {
  const t = s.trim();
  let m = /^(\d{4})-?(\d{2})-?(\d{2})[ T]?(\d{2}):?(\d{2}):?(\d{2})$/.exec(t);
  if (m) return new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+08:00`);
  m = /^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/.exec(t);
  if (m) return new Date(t);
  return new Date(Number.NaN);
}

/** Parses one file's text into readings; throws DropFileError naming the record. */
export function parseDropFile(text: string, layout: string[] = DEFAULT_LAYOUT): { library: string; table: string; readings: IncomingReading[] } {
  const body = text.replace(/^\uFEFF/, '').replace(/[‖\s]+$/u, '');
  const bar = body.indexOf('|');
  if (bar < 0) throw new DropFileError('missing header record "库名;表名|"');
  const [library = '', table = ''] = body.slice(0, bar).trim().split(';');
  const iTime = layout.indexOf('time');
  const iCode = layout.indexOf('code');
  const iValue = layout.indexOf('value');
  if (iTime < 0 || iCode < 0 || iValue < 0) throw new DropFileError('layout must name time, code and value');
  const records = body
    .slice(bar + 1)
    .split('~')
    .map((r) => r.trim())
    .filter(Boolean);
  const readings = records.map((r, n) => {
    const f = r.split(';').map((x) => x.trim());
    const ts = parseTime(f[iTime] ?? '');
    const value = Number(f[iValue]);
    if (Number.isNaN(ts.getTime())) throw new DropFileError(`record ${n + 1}: bad time "${f[iTime] ?? ''}"`);
    if (!f[iCode]) throw new DropFileError(`record ${n + 1}: no point code`);
    if (f[iValue] === undefined || f[iValue] === '' || !Number.isFinite(value)) throw new DropFileError(`record ${n + 1}: bad value "${f[iValue] ?? ''}"`);
    return { code: f[iCode], ts, value };
  });
  return { library: library.trim(), table: table.trim(), readings };
}

/** Imports one claimed file for an enterprise; returns the ingest counts. */
export async function importDropFile(deps: Deps, enterpriseId: string, file: string, layout: string[]) {
  const { readings } = parseDropFile(decode(await readFile(file)), layout);
  if (!readings.length) return { accepted: 0, duplicates: 0, unknown: 0, unknownSensors: [] as string[] };
  return ingestWithKey(deps, `file:${path.basename(file)}`, enterpriseId, readings);
}

/** One pass over the drop directory: claims, imports and files every waiting `.txt`. */
export async function scanDropDir(deps: Deps, dir: string, layout: string[], log: (s: string) => void = () => {}): Promise<number> {
  let handled = 0;
  let ents: string[];
  try {
    ents = (await readdir(dir)).filter((d) => UUID_RE.test(d));
  } catch {
    return 0;
  }
  for (const ent of ents) {
    const base = path.join(dir, ent);
    let files: string[];
    try {
      files = (await readdir(base)).filter((f) => /\.txt$/i.test(f));
    } catch {
      continue;
    }
    for (const f of files) {
      const src = path.join(base, f);
      const work = path.join(base, '.processing');
      await mkdir(work, { recursive: true });
      const claimed = path.join(work, f);
      try {
        // A file still being written changes size; leave files younger than a second for the next pass.
        const st = await stat(src);
        if (Date.now() - st.mtimeMs < 1000) continue;
        await rename(src, claimed);
      } catch {
        continue; // another process claimed it
      }
      try {
        const r = await importDropFile(deps, ent.toLowerCase(), claimed, layout);
        await mkdir(path.join(base, 'done'), { recursive: true });
        await rename(claimed, path.join(base, 'done', f));
        log(`drop ${ent}/${f}: ${r.accepted} new, ${r.duplicates} duplicate, ${r.unknown} unknown point`);
      } catch (err) {
        const reason =
          err instanceof DropFileError ? err.message : err instanceof AppError ? `${err.code} ${JSON.stringify(err.fields)}` : (err as Error).message;
        await mkdir(path.join(base, 'failed'), { recursive: true });
        await rename(claimed, path.join(base, 'failed', f));
        await writeFile(path.join(base, 'failed', `${f}.reason.txt`), `${new Date().toISOString()}\n${reason}\n`);
        log(`drop ${ent}/${f}: failed (${reason})`);
      }
      handled++;
    }
  }
  return handled;
}

/** Watches the drop directory (a pass every few seconds); returns stop(). */
export function startFileDrop(deps: Deps, dir: string, layout: string[], log: (s: string) => void): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    running = scanDropDir(deps, dir, layout, log)
      .catch((e) => log(`drop scan: ${(e as Error).message}`))
      .finally(() => {
        busy = false;
      });
  };
  tick();
  const timer = setInterval(tick, 3000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
