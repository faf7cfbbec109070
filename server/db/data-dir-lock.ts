import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The exclusive lock on a PGlite data directory: `<dir>/taihang.lock` names the process that holds it.
 * PGlite does not lock its files, and two processes writing one directory silently lose commits.
 *
 * A lock whose owner is dead (kill -9, a crash, a power cut) is taken over at once: liveness is asked
 * of the kernel (the pid exists and, where /proc tells, started when the owner did, so a reused pid is
 * not mistaken for the owner). There is no staleness timeout to wait out and no heartbeat to miss.
 */
export interface LockOwner {
  pid: number;
  host: string;
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat field 22), where there is /proc. */
  procStart: string | null;
  /** The kernel's boot id: after a reboot every pid is someone else. */
  bootId: string | null;
  since: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly owner: LockOwner | null,
  ) {
    const who = owner
      ? `Taihang process ${owner.pid}${owner.host === os.hostname() ? '' : ` on ${owner.host}`} (since ${owner.since})`
      : 'an earlier Taihang version (its lock names no process)';
    super(
      `Taihang: the data directory ${dir} is in use by ${who}. ` +
        'PGlite cannot be shared between processes; stop that process, or set TAIHANG_DATA_DIR to another directory, or use DATABASE_URL (PostgreSQL) to run several processes.',
    );
  }
}

const LOCK_FILE = 'taihang.lock';
/** proper-lockfile, used before, held a directory whose mtime it refreshed every 5 s and let go stale after 15 s. */
const LEGACY_STALE_MS = 15_000;

function readFirstLine(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8').trim() || null;
  } catch {
    return null;
  }
}

function procStart(pid: number): string | null {
  const stat = readFirstLine(`/proc/${pid}/stat`);
  // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
  return stat ? (stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null) : null;
}

/** This process, as a lock (or anything else a process owns) records it. */
export function currentOwner(): LockOwner {
  return {
    pid: process.pid,
    host: os.hostname(),
    procStart: procStart(process.pid),
    bootId: readFirstLine('/proc/sys/kernel/random/boot_id'),
    since: new Date().toISOString(),
  };
}

/** Whether the recorded owner still runs. Another host's process cannot be asked: it counts as alive. */
export function ownerAlive(owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) return true;
  if (owner.bootId && owner.bootId !== readFirstLine('/proc/sys/kernel/random/boot_id')) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    // EPERM: it exists, under another user.
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const now = procStart(owner.pid);
  return !(owner.procStart && now && now !== owner.procStart);
}

function parseOwner(raw: string): LockOwner | null {
  try {
    const o = JSON.parse(raw) as LockOwner;
    return Number.isInteger(o.pid) && typeof o.host === 'string' ? o : null;
  } catch {
    return null;
  }
}

/** The live owner of the directory's lock, if any (without taking it). */
export function lockOwner(dir: string): LockOwner | null {
  return liveOwnerIn(path.join(dir, LOCK_FILE));
}

/** The live process recorded in `file` (written from `currentOwner()`), if any. */
export function liveOwnerIn(file: string): LockOwner | null {
  const raw = readFirstLine(file);
  const owner = raw ? parseOwner(raw) : null;
  return owner && ownerAlive(owner) ? owner : null;
}

/**
 * Takes the lock on `dir` for this process or throws DataDirLockedError naming the live owner.
 * Returns the release function. While held, the lock file is checked every few seconds: should it
 * name another process (the directory was taken over or removed under us), `onLost` runs.
 */
export function lockDataDir(dir: string, onLost: (why: string) => void): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  const mine = JSON.stringify(currentOwner());
  // Written whole first, then linked into place: link(2) fails if the lock exists, and a reader never
  // sees a half-written file.
  const draft = `${file}.${process.pid}.new`;
  fs.writeFileSync(draft, `${mine}\n`);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        fs.linkSync(draft, file);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw err;
      }
      takeOverIfDead(dir, file);
    }
  } finally {
    fs.rmSync(draft, { force: true });
  }
  const watch = setInterval(() => {
    const now = readFirstLine(file);
    if (now !== mine) onLost(now ? `the lock now names ${now}` : 'the lock file was removed');
  }, 5_000);
  watch.unref();
  const release = () => {
    clearInterval(watch);
    process.off('exit', release);
    if (readFirstLine(file) === mine) fs.rmSync(file, { force: true });
  };
  // Whatever way the process ends short of SIGKILL (a shutdown cut short by its time limit, an uncaught
  // error), the lock goes with it; after SIGKILL the next start takes the dead owner's lock over.
  process.on('exit', release);
  return release;
}

/** Moves a dead owner's lock out of the way; throws when the owner lives. */
function takeOverIfDead(dir: string, file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return; // released meanwhile: try again
  }
  if (stat.isDirectory()) {
    // proper-lockfile's lock, from an earlier version of Taihang.
    if (Date.now() - stat.mtimeMs < LEGACY_STALE_MS) throw new DataDirLockedError(dir, null);
    fs.rmSync(file, { recursive: true, force: true });
    return;
  }
  const raw = readFirstLine(file);
  const owner = raw ? parseOwner(raw) : null;
  if (owner && ownerAlive(owner)) throw new DataDirLockedError(dir, owner);
  // Renamed aside, then compared: if another process took the dead lock over in between, the file moved
  // is its fresh lock, and it is put back.
  const aside = `${file}.${process.pid}.dead`;
  try {
    fs.renameSync(file, aside);
  } catch {
    return;
  }
  if (readFirstLine(aside) !== raw) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // someone holds it again; the next attempt reads who
    }
  }
  fs.rmSync(aside, { force: true });
}
