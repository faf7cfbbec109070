import { readFileSync } from 'node:fs';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { type Database, DataDirLockedError, openPglite, openPostgres } from '../db/client.js';
import { checkpointAudit } from '../kernel/audit/anchor.js';
import { type AuditKey, readAuditKey } from '../kernel/audit/audit-key.js';
import { requireAuditKey } from '../kernel/audit/setup.js';
import { type AuditVerifyResult, verifyAudit } from '../kernel/audit/verify.js';
import { systemClock } from '../kernel/clock.js';
import { AppError } from '../kernel/errors.js';

const HELP = `taihang — command line of the Taihang platform

  taihang migrate                 apply database migrations (and sync built-in roles)
  taihang seed                    load the demo city into an empty database
  taihang audit verify [--server <url> [--user <name>]]
                                  check the audit chain against the audit key and the anchor file;
                                  exit 1 and name every finding. With --server, through a running
                                  server's API as the audit admin (default user auditor; password
                                  prompted, or the first line of standard input)
  taihang user add <username> --name <display name> --kind platform|government|industry|enterprise|group
                   [--department <id>] [--enterprise <id>] --password <pw> [--role <key> ...]
  taihang user disable|enable <username>
  taihang user reset-password <username> --password <temporary password>
  taihang user roles <username> [--role <key> ...]
                                  the operator's path for administrator (三权分立 duty) accounts, which
                                  no administrator may change in the web app; audited as "cli"

Settings come from the environment (DATABASE_URL or TAIHANG_DATA_DIR; see README).`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}
function flags(args: string[], name: string): string[] {
  return args.flatMap((a, i) => (a === `--${name}` && args[i + 1] ? [args[i + 1] as string] : []));
}

/** disable / enable / reset-password / roles of one account as the host operator (docs/decisions/0005). */
async function userCommand(config: Config, database: Database, sub: string, rest: string[]): Promise<number> {
  const [{ createDeps }, { systemActor }, { inTransaction }, users] = await Promise.all([
    import('../bootstrap.js'),
    import('../kernel/actor.js'),
    import('../kernel/context.js'),
    import('../modules/identity/index.js'),
  ]);
  const deps = createDeps(config, database, systemClock);
  const info = { id: null, ip: null, locale: 'zh-CN' as const };
  const username = rest[0] as string;
  await deps.jobs.start({ work: false }); // a reset notifies the user and the security admins
  const done = await inTransaction(deps, systemActor('cli'), info, async (ctx) => {
    const id = await users.accountIdOf(ctx, username);
    if (sub === 'disable' || sub === 'enable') await users.setUserDisabled(ctx, id, sub === 'disable');
    else if (sub === 'reset-password') await users.setTemporaryPassword(ctx, id, flag(rest, 'password') ?? '');
    else if (sub === 'roles') await users.setRoles(ctx, id, flags(rest, 'role'));
    else return false;
    return true;
  }).finally(() => deps.jobs.stop());
  if (!done) {
    console.error(`unknown command: user ${sub}\n\n${HELP}`);
    return 2;
  }
  console.log(`user ${username}: ${sub} done${sub === 'reset-password' ? '; the password must be changed at the next sign-in' : ''}`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [cmd, sub, ...rest] = argv;
  if (!cmd || cmd === 'help' || cmd === '--help') {
    console.log(HELP);
    return 0;
  }
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  const config = loadConfig({ ...process.env, TAIHANG_DEMO: cmd === 'seed' ? 'on' : 'off' }, pkg.version);
  if (cmd === 'audit' && sub === 'verify') return auditVerify(config, rest);
  // The whole application is loaded only for the commands that need it: verify starts quickly.
  const { createDeps, openDatabase, prepareDatabase } = await import('../bootstrap.js');
  const database = await openDatabase(config);
  // Known once the database is prepared (which creates the key on a first run).
  let auditKey: AuditKey | undefined;
  try {
    const prepared = await prepareDatabase(database, config, systemClock);
    auditKey = requireAuditKey(config.auditKeyFile);
    switch (cmd) {
      case 'migrate':
        console.log(`migrations applied (${database.kind})`);
        return 0;
      case 'seed':
        if (prepared.demo) console.log(`demo data loaded; demo password: ${prepared.demo.password}`);
        else console.log('the database already has enterprises: nothing seeded');
        return 0;
      case 'user': {
        if (sub && sub !== 'add' && rest[0]) return await userCommand(config, database, sub, rest);
        if (sub !== 'add' || !rest[0]) break;
        const [{ systemActor }, { inTransaction }, { createUser, setRoles }, { unitExists }] = await Promise.all([
          import('../kernel/actor.js'),
          import('../kernel/context.js'),
          import('../modules/identity/index.js'),
          import('../modules/org/index.js'),
        ]);
        const deps = createDeps(config, database, systemClock);
        const actor = systemActor('cli');
        const info = { id: null, ip: null, locale: 'zh-CN' as const };
        const u = await inTransaction(deps, actor, info, async (ctx) => {
          const user = await createUser(
            ctx,
            {
              username: rest[0] as string,
              displayName: flag(rest, 'name') ?? (rest[0] as string),
              kind: (flag(rest, 'kind') ?? 'platform') as 'platform',
              departmentId: flag(rest, 'department') ?? null,
              enterpriseId: flag(rest, 'enterprise') ?? null,
              password: flag(rest, 'password') ?? '',
            },
            (kind, id) => unitExists(ctx.tx, kind, id),
          );
          const roles = flags(rest, 'role');
          if (roles.length) await setRoles(ctx, user.id, roles);
          return user;
        });
        console.log(`user ${u.username} created (${u.id}); the password must be changed at first sign-in`);
        return 0;
      }
    }
    console.error(`unknown command: ${argv.join(' ')}\n\n${HELP}`);
    return 2;
  } finally {
    // What this command wrote to the audit chain is anchored before the database closes.
    if (auditKey) {
      await checkpointAudit(database.db, auditKey, config.auditAnchorFile, systemClock.now()).catch((err) =>
        console.error(`audit checkpoint: ${(err as Error).message}`),
      );
    }
    await database.close();
  }
}

/**
 * `audit verify`: directly on the database (PostgreSQL, or PGlite while no server holds it), with
 * the key and anchor file of this host; or through a running server's API as the audit admin.
 */
async function auditVerify(config: Config, args: string[]): Promise<number> {
  const server = flag(args, 'server');
  let r: AuditVerifyResult;
  if (server) {
    const user = flag(args, 'user') ?? 'auditor';
    r = await verifyThroughServer(server, user, await readPassword(`password of ${user}: `));
  } else {
    const key = readAuditKey(config.auditKeyFile);
    if (!key) throw new ConfigError(`no audit key at ${config.auditKeyFile} (TAIHANG_AUDIT_KEY_FILE); run this where the server's key is, or use --server`);
    let database: Database;
    try {
      database = config.databaseUrl ? await openPostgres(config.databaseUrl) : await openPglite(config.dataDir);
    } catch (err) {
      if (!(err instanceof DataDirLockedError)) throw err;
      throw new ConfigError(
        `${err.message}\nWhile the server runs, verify through it: taihang audit verify --server http://127.0.0.1:${config.port} --user auditor`,
      );
    }
    try {
      r = await verifyAudit(database.db, key, config.auditAnchorFile);
    } finally {
      await database.close();
    }
  }
  const anchored =
    r.anchor.lastSeq === null ? 'no checkpoint' : `${r.anchor.checkpoints} checkpoints, the last of row ${r.anchor.lastSeq} at ${r.anchor.lastAt}`;
  const keyed = r.keyedFromSeq === null ? 'no keyed rows' : `HMAC-SHA256 from row ${r.keyedFromSeq}`;
  if (r.ok) {
    console.log(`audit chain OK: ${r.checked} rows, last row ${r.lastSeq ?? '-'}; ${keyed}; anchor: ${anchored}`);
    return 0;
  }
  console.error(`audit chain BROKEN: ${r.problems.length + r.more} findings in ${r.checked} rows (${keyed}; anchor: ${anchored})`);
  for (const p of r.problems) console.error(`  ${p.problem}: ${p.detail}`);
  if (r.more) console.error(`  … and ${r.more} more`);
  return 1;
}

async function verifyThroughServer(base: string, username: string, password: string): Promise<AuditVerifyResult> {
  const url = (p: string) => new URL(p, base).toString();
  const failed = async (what: string, res: Response) => {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    return new ConfigError(`${what}: HTTP ${res.status} ${body?.error?.message ?? body?.error?.code ?? ''}`.trim());
  };
  const login = await fetch(url('/api/auth/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  }).catch((err: Error) => {
    throw new ConfigError(`cannot reach ${base}: ${(err.cause as Error | undefined)?.message ?? err.message}`);
  });
  if (!login.ok) throw await failed(`sign-in as ${username} at ${base}`, login);
  const headers = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  try {
    const res = await fetch(url('/api/audit/verify'), { headers });
    if (!res.ok) throw await failed('GET /api/audit/verify', res);
    return (await res.json()) as AuditVerifyResult;
  } finally {
    await fetch(url('/api/auth/logout'), { method: 'POST', headers }).catch(() => {});
  }
}

/** Hidden input on a terminal; otherwise the first line of standard input (scripts pipe it). */
async function readPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    let data = '';
    for await (const chunk of stdin) data += chunk;
    return data.split(/\r?\n/)[0] ?? '';
  }
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let pw = '';
    const done = () => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const c of chunk) {
        if (c === '\r' || c === '\n') {
          done();
          resolve(pw);
          return;
        }
        if (c === '\u0003') {
          done();
          reject(new ConfigError('cancelled'));
          return;
        }
        pw = c === '\u007f' || c === '\b' ? pw.slice(0, -1) : pw + c;
      }
    };
    stdin.on('data', onData);
  });
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch(async (err) => {
    if (err instanceof AppError) {
      const { renderField } = await import('../kernel/http/errors-http.js');
      console.error(`${err.code}: ${err.fields.map((f) => renderField(f, 'zh-CN').message).join('; ') || JSON.stringify(err.params)}`);
      process.exit(1);
    }
    if (err instanceof DataDirLockedError || err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    console.error(err);
    process.exit(1);
  });
