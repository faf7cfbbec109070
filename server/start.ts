import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config.js';
import { currentOwner, DataDirLockedError, liveOwnerIn, lockOwner } from './db/data-dir-lock.js';

/**
 * `npm start` (package.json runs it with `exec`, so npm's signals reach this process):
 * 1. refuses at once when the data directory is held by a live process or the port is taken, before
 *    building anything;
 * 2. builds the web app into a directory of its own, dist/builds/<time>-<pid>/web, so a second start never
 *    rewrites the files a running server is serving (dist/web stays what `npm run build:web` makes;
 *    with TAIHANG_WEB_DIR set, that build is served and nothing is built);
 * 3. runs the server (main.ts) in this same process on that build. SIGTERM/SIGINT stop the build or the
 *    server; so does npm going away (its pid is this process's parent).
 * Builds whose owner process is gone are deleted at the next start.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildsDir = path.join(root, 'dist', 'builds');
const OWNER_FILE = 'owner';

async function portFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => (err.code === 'EADDRINUSE' ? resolve(false) : reject(err)));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

function pruneBuilds(): void {
  if (!fs.existsSync(buildsDir)) return;
  for (const name of fs.readdirSync(buildsDir)) {
    const dir = path.join(buildsDir, name);
    if (!liveOwnerIn(path.join(dir, OWNER_FILE))) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Builds into `<dir>/web`; `<dir>/owner` names this process from before the build, so no other start prunes it meanwhile. */
async function buildWeb(dir: string): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, OWNER_FILE), `${JSON.stringify(currentOwner())}\n`);
  const outDir = path.join(dir, 'web');
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], { cwd: root, stdio: 'inherit' });
  const stop = (signal: NodeJS.Signals) => {
    child.kill(signal);
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    if (code !== 0) throw new Error(`the web build failed (vite exited with ${code})`);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  return outDir;
}

async function start(): Promise<void> {
  const config = loadConfig(process.env);
  if (!config.databaseUrl) {
    const owner = lockOwner(config.dataDir);
    if (owner) throw new DataDirLockedError(config.dataDir, owner);
  }
  if (config.port !== 0 && !(await portFree(config.host, config.port))) {
    console.error(`Taihang: port ${config.port} is already in use. Stop the other program or set PORT to another port.`);
    process.exit(1);
  }
  if (!process.env.TAIHANG_WEB_DIR) {
    pruneBuilds();
    process.env.TAIHANG_WEB_DIR = await buildWeb(path.join(buildsDir, `${new Date().toISOString().replace(/[:.]/g, '')}-${process.pid}`));
  }
  if (process.env.npm_lifecycle_event) {
    // npm killed without forwarding (SIGKILL) leaves this process to init: stop as on SIGTERM.
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
    }, 1_000).unref();
  }
  await import('./main.js');
}

start().catch((err) => {
  if (err instanceof DataDirLockedError || err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
