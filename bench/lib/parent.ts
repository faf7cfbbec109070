/**
 * The parent side of every benchmark: run.ts starts one server.ts child per backend (so the load generator and the
 * server are separate processes and the server's memory is its own), talks to it over IPC, and never leaves a child
 * or a temp directory behind — not on an error, a signal or the run's time bound.
 */
import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Every message a bench child sends has a `type`; `error` carries a failure. */
export interface ChildMessageBase {
  type: string;
}

const children = new Set<ChildProcess>();
const workDirs = new Set<string>();

/** Kills every child and removes every work dir, then exits. */
export function abandon(code: number): never {
  for (const c of children) c.kill('SIGKILL');
  for (const d of workDirs) fs.rmSync(d, { recursive: true, force: true });
  process.exit(code);
}

/** SIGINT/SIGTERM and the hard bound on the whole run both end in abandon(). */
export function boundRun(limitMs: number): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => abandon(130));
  setTimeout(() => {
    console.error(`bench: still running after ${Math.round(limitMs / 1000)} s; giving up`);
    abandon(2);
  }, limitMs).unref();
}

/** A fresh temp directory for one backend's server, removed by removeWorkDir or abandon. */
export function makeWorkDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  workDirs.add(dir);
  return dir;
}

export function removeWorkDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  workDirs.delete(dir);
}

/** Talks to one server.ts child: waits for its next message of a given type, failing on error, exit or timeout. */
export class BenchChild<C extends ChildMessageBase, P> {
  readonly child: ChildProcess;
  private queue: C[] = [];
  private waiter: (() => void) | undefined;
  private exited: string | undefined;

  /** Forks `file` with `args`; its stdout/stderr go to this process's. */
  constructor(file: string, args: string[], opts: { execArgv?: string[] } = {}) {
    this.child = fork(file, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: opts.execArgv ?? process.execArgv });
    children.add(this.child);
    this.child.on('message', (m: C) => {
      this.queue.push(m);
      this.waiter?.();
    });
    this.child.on('exit', (code, signal) => {
      this.exited = `server process exited (${signal ?? code})`;
      children.delete(this.child);
      this.waiter?.();
    });
  }

  async next<T extends C['type']>(type: T, timeoutMs: number): Promise<Extract<C, { type: T }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const m = this.queue.shift();
      if (m?.type === 'error') throw new Error(`server: ${(m as unknown as { message: string }).message}`);
      if (m?.type === type) return m as Extract<C, { type: T }>;
      if (m) continue;
      if (this.exited) throw new Error(this.exited);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no '${type}' from the server within ${timeoutMs / 1000} s`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.waiter = undefined;
    }
  }

  ask<T extends C['type']>(msg: P, type: T, timeoutMs: number): Promise<Extract<C, { type: T }>> {
    this.child.send(msg as object);
    return this.next(type, timeoutMs);
  }

  /** After `close`: give the child 5 s to leave on its own, then kill it. */
  async stop(): Promise<void> {
    const c = this.child;
    if (c.exitCode !== null || c.signalCode !== null) return;
    await Promise.race([new Promise((r) => c.once('exit', r)), new Promise((r) => setTimeout(r, 5_000))]);
    if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  }
}

/** The first line of every report: when, and on what machine. */
export function machineLine(name: string): string {
  const cpus = os.cpus();
  return `=== ${name} — ${new Date().toISOString()} — Node ${process.version}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
}

/** Writes `<dir>/results/last-result.json` and says where. */
export function writeResult(dir: string, result: unknown): void {
  const outDir = path.join(dir, 'results');
  fs.mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, 'last-result.json');
  fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwritten ${path.relative(process.cwd(), out)}`);
}
