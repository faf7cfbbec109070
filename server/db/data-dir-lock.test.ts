import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir, lockOwner } from './data-dir-lock.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'taihang-lock-unit-'));
const noLoss = (why: string) => {
  throw new Error(`lock lost: ${why}`);
};
const writeLock = (dir: string, owner: object) => fs.writeFileSync(path.join(dir, 'taihang.lock'), `${JSON.stringify(owner)}\n`);

describe('data-dir lock', () => {
  it('is taken over at once when its owner is dead, and names a live owner by pid', () => {
    const dir = tmp();
    // A pid that existed and is gone: a child that has exited.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    writeLock(dir, { pid: dead, host: os.hostname(), procStart: null, bootId: null, since: '2026-01-01T00:00:00Z' });
    const release = lockDataDir(dir, noLoss);
    expect(lockOwner(dir)?.pid).toBe(process.pid);

    let err: unknown;
    try {
      lockDataDir(dir, noLoss);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataDirLockedError);
    expect((err as Error).message).toContain(`in use by Taihang process ${process.pid} (since`);
    release();
    expect(fs.existsSync(path.join(dir, 'taihang.lock'))).toBe(false);
    lockDataDir(dir, noLoss)();
  });

  it.runIf(fs.existsSync('/proc/self/stat'))('a reused pid (same pid, another start time) is not mistaken for the owner', () => {
    const dir = tmp();
    writeLock(dir, { pid: process.pid, host: os.hostname(), procStart: '1', bootId: null, since: '2026-01-01T00:00:00Z' });
    lockDataDir(dir, noLoss)();
  });

  it("another host's lock and a fresh lock of the earlier version are respected; a stale earlier one is not", () => {
    const dir = tmp();
    writeLock(dir, { pid: 1, host: 'elsewhere', procStart: null, bootId: null, since: '2026-01-01T00:00:00Z' });
    expect(() => lockDataDir(dir, noLoss)).toThrow(/in use by Taihang process 1 on elsewhere/);
    fs.rmSync(path.join(dir, 'taihang.lock'));
    fs.mkdirSync(path.join(dir, 'taihang.lock'));
    expect(() => lockDataDir(dir, noLoss)).toThrow(/earlier Taihang version/);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(dir, 'taihang.lock'), old, old);
    lockDataDir(dir, noLoss)();
  });

  it('goes with a process that exits without releasing it (a shutdown cut short by its time limit)', () => {
    const dir = tmp();
    const lockModule = path.resolve('server/db/data-dir-lock.ts');
    const code = `import { lockDataDir } from ${JSON.stringify(lockModule)}; lockDataDir(${JSON.stringify(dir)}, () => {}); process.exit(1);`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    expect(fs.existsSync(path.join(dir, 'taihang.lock'))).toBe(false);
  });
});
