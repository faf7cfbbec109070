import { readFileSync } from 'node:fs';
import { createDeps, openDatabase, prepareDatabase } from '../bootstrap.js';
import { ConfigError, loadConfig } from '../config.js';
import { DataDirLockedError } from '../db/client.js';
import { systemActor } from '../kernel/actor.js';
import { verifyAuditChainSnapshot } from '../kernel/audit/audit.js';
import { systemClock } from '../kernel/clock.js';
import { inTransaction } from '../kernel/context.js';
import { AppError } from '../kernel/errors.js';
import { renderField } from '../kernel/http/errors-http.js';
import { createUser, setRoles } from '../modules/identity/commands/users.js';
import { unitExists } from '../modules/org/index.js';

const HELP = `taihang — command line of the Taihang platform

  taihang migrate                 apply database migrations (and sync built-in roles)
  taihang seed                    load the demo city into an empty database
  taihang audit verify            walk the audit hash chain; exit 1 and name rows if tampered
  taihang user add <username> --name <display name> --kind platform|government|industry|enterprise|group
                   [--department <id>] [--enterprise <id>] --password <pw> [--role <key> ...]

Settings come from the environment (DATABASE_URL or TAIHANG_DATA_DIR; see README).`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}
function flags(args: string[], name: string): string[] {
  return args.flatMap((a, i) => (a === `--${name}` && args[i + 1] ? [args[i + 1] as string] : []));
}

async function main(argv: string[]): Promise<number> {
  const [cmd, sub, ...rest] = argv;
  if (!cmd || cmd === 'help' || cmd === '--help') {
    console.log(HELP);
    return 0;
  }
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  const config = loadConfig({ ...process.env, TAIHANG_DEMO: cmd === 'seed' ? 'on' : 'off' }, pkg.version);
  const database = await openDatabase(config);
  try {
    const prepared = await prepareDatabase(database, config, systemClock);
    switch (cmd) {
      case 'migrate':
        console.log(`migrations applied (${database.kind})`);
        return 0;
      case 'seed':
        if (prepared.demo) console.log(`demo data loaded; demo password: ${prepared.demo.password}`);
        else console.log('the database already has enterprises: nothing seeded');
        return 0;
      case 'audit': {
        if (sub !== 'verify') break;
        const r = await verifyAuditChainSnapshot(database.db);
        if (r.ok) {
          console.log(`audit chain OK: ${r.checked} rows, last seq ${r.lastSeq ?? '-'}`);
          return 0;
        }
        console.error(`audit chain BROKEN (${r.problems.length} problems in ${r.checked} rows):`);
        for (const p of r.problems) console.error(`  seq ${p.seq}: ${p.problem}: ${p.detail}`);
        return 1;
      }
      case 'user': {
        if (sub !== 'add' || !rest[0]) break;
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
    await database.close();
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err) => {
    if (err instanceof AppError) {
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
