import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Database } from '../../server/db/client.js';

/** Synthetic hazard codes: 'YHB' + 9 digits, apart from the app's own 'YH' + year + 7 digits. */
export const BENCH_CODE_PREFIX = 'YHB';

const CHUNK = 100_000;

const TITLES = [
  '消防通道堆放杂物',
  '灭火器压力不足',
  '配电箱未上锁、无警示标识',
  '临时用电线路私拉乱接',
  '安全出口指示灯损坏',
  '特种作业人员未持证上岗',
  '动火作业未办理审批手续',
  '有限空间作业未检测气体',
  '高处作业未系安全带',
  '设备防护罩缺失',
  '可燃气体报警器未定期校验',
  '安全培训记录不全',
  '应急预案未按期演练',
  '井下局部通风机未挂牌管理',
  '瓦斯检查记录不规范',
  '危化品储存超量',
  '压力容器未按期检验',
  '车辆制动系统未检测',
  '脚手架连墙件缺失',
  '粉尘清扫记录缺失',
];
const DETAILS = [
  '现场检查发现，责任区域未落实日常巡查制度，存在较大安全风险，需立即整改并举一反三。',
  '经核查，相关台账记录不完整，未按规定频次开展检查，已要求班组负责人限期补齐。',
  '问题系日常管理松懈所致，已通知安全管理部门督促整改，整改完成后上传现场照片。',
  '该问题反复出现，需从制度层面查找原因，明确责任人和整改时限，落实闭环管理。',
  '检查组现场拍照取证，要求企业按照“五落实”要求制定整改方案并按期销号。',
];
const LOCATIONS = ['一号车间', '二号车间', '原料库房', '成品仓库', '配电室', '锅炉房', '办公楼一层', '厂区东门', '井下采区', '装卸站台', '储罐区', '机修车间'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '郭', '牛', '秦', '申'];
const GIVEN = ['建国', '志强', '海军', '丽华', '晓东', '文斌', '红梅', '卫东', '永红', '俊杰', '国庆', '春生'];

const arr = (xs: string[]) => sql.raw(`array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]::text[]`);
/** xs[floor(r × len)] in SQL, r in [0, 1). */
const pickSql = (xs: string[], r: ReturnType<typeof sql>) => sql`(${arr(xs)})[1 + floor(${r} * ${sql.raw(String(xs.length))})::int]`;

export interface LoadResult {
  hazards: number;
  listings: number;
  /** Seconds: the hazard INSERT … SELECT chunks with the index rebuild, the listings, VACUUM ANALYZE. */
  insertSeconds: number;
  /** The secondary indexes dropped before the load and rebuilt after it, as pg_indexes defines them. */
  rebuiltIndexes: string[];
  listingSeconds: number;
  vacuumSeconds: number;
}

/**
 * Loads `count` synthetic hazards with set-based SQL (INSERT … SELECT over generate_series, 100 000
 * rows a statement, each chunk in its own transaction with its own `setseed`, so every run has the
 * same data; the secondary indexes are dropped first and rebuilt after), then 挂牌督办 listings for ~30 % of the major ones, then VACUUM ANALYZE (a live database's
 * autovacuum would have processed a million inserts). Distributions, per hazard:
 *   - enterprise: skewed, index = floor(enterprises × r^1.5): a few enterprises report hundreds or
 *     thousands, most a few dozen (the mean is count / enterprises); name, region path, industry and
 *     group are copied from the enterprise, as reportHazard does;
 *   - created_at uniform over the last 1095 days (3 years) before `now`; found 0–2 days earlier;
 *   - 3 % major; source 55 % self-inspection, 20 % inspection, 10 % worker, 8 % grid, 4 % public, 3 % alarm;
 *   - older than 60 days: 97.7 % closed, 2 % rejected, 0.2 % still rectifying, 0.1 % confirmed (long overdue);
 *     younger: reported 8 %, confirmed 8 %, rectifying 24 %, submitted 10 %, verified 2 % (major only),
 *     closed 46 %, rejected 2 % — overall ~3 % open and ~1 % overdue;
 *   - deadline created + 3–30 days (general) or 30–180 days (major) once confirmed; overdue running ones
 *     carry an escalation level 1–3; majors carry a criterion of their industry's catalogue and a plan.
 * No transitions or photos are written: the list and overview do not read them.
 */
export async function loadHazards(database: Database, count: number, now: Date, today: string, log: (line: string) => void): Promise<LoadResult> {
  const db = database.db;
  const t0 = performance.now();
  // Bulk-load practice: the secondary indexes are dropped and rebuilt afterwards from their own definitions
  // (pg_indexes), which is far faster than maintaining six b-trees row by row. The primary key stays.
  const secondary = (
    await database.query<{ name: string; def: string }>(
      `select indexname as name, indexdef as def from pg_indexes
       where schemaname = current_schema() and tablename = 'hazard'
         and indexname not in (select conname from pg_constraint where conrelid = 'hazard'::regclass)
       order by indexname`,
    )
  ).rows;
  for (const ix of secondary) await database.query(`drop index "${ix.name}"`);
  const constraints = (
    await database.query<{ name: string; def: string }>(
      `select conname as name, pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'hazard'::regclass and contype in ('p', 'u') order by conname`,
    )
  ).rows;
  for (const c of constraints) await database.query(`alter table hazard drop constraint "${c.name}"`);
  const days = (x: ReturnType<typeof sql>) => sql`(${x}) * interval '1 day'`;
  for (let lo = 1, chunk = 0; lo <= count; lo += CHUNK, chunk++) {
    const hi = Math.min(count, lo + CHUNK - 1);
    await db.transaction(async (tx) => {
      // The planner overestimates the join (it cannot know each row picks one enterprise) and would JIT-compile
      // for seconds per chunk on PostgreSQL; PGlite has no JIT.
      if (database.kind === 'postgres') await tx.execute(sql`set local jit = off`);
      await tx.execute(sql`select setseed(${(chunk % 1000) / 1000 + 0.0005}::float8)`);
      await tx.execute(sql`
        with ent as (
          select (row_number() over (order by uscc))::int - 1 as i, id, name, region_path, industry, group_id, lng, lat from enterprise
        ), k as (select count(*)::int as c from enterprise)
        insert into hazard (
          code, enterprise_id, enterprise_name, region_path, industry, group_id, title, description, location, lng, lat,
          source, category, found_at, reporter_name, grade, suggested_grade, criterion_catalogue, criterion_code, status,
          rectifier_name, deadline, original_deadline, plan, dual_reported_at, submitted_at, verified_at, review_due, closed_at,
          escalation, version, created_at, updated_at
        )
        select
          ${BENCH_CODE_PREFIX} || lpad(s.n::text, 9, '0'),
          e.id, e.name, e.region_path, e.industry, e.group_id,
          ${pickSql(TITLES, sql`s.r6`)},
          ${pickSql(TITLES, sql`s.r6`)} || '。' || ${pickSql(DETAILS, sql`s.r7`)},
          ${pickSql(LOCATIONS, sql`s.r8`)},
          e.lng + (s.r7 - 0.5) * 0.002, e.lat + (s.r8 - 0.5) * 0.002,
          case when s.r5 < 0.55 then 'selfInspection' when s.r5 < 0.75 then 'inspection' when s.r5 < 0.85 then 'worker'
               when s.r5 < 0.93 then 'grid' when s.r5 < 0.97 then 'public' else 'alarm' end,
          case when s.r9 < 0.7 then 'site' else 'management' end,
          s.created - ${days(sql`s.r4 * 2`)},
          ${pickSql(SURNAMES, sql`s.r8`)} || ${pickSql(GIVEN, sql`s.r9`)},
          d.grade,
          case when s.status = 'reported' and s.major then 'major' end,
          case when d.grade = 'major' and e.industry = 'coal' then 'coal' when d.grade = 'major' and e.industry = 'hazchem' then 'chemical' end,
          case when d.grade = 'major' and e.industry = 'coal' then 'C' || lpad((1 + floor(s.r6 * 15))::text, 2, '0')
               when d.grade = 'major' and e.industry = 'hazchem' then 'H' || lpad((1 + floor(s.r6 * 20))::text, 2, '0') end,
          s.status,
          case when d.deadline is not null then ${pickSql(SURNAMES, sql`s.r9`)} || ${pickSql(GIVEN, sql`s.r8`)} end,
          d.deadline,
          d.deadline,
          case when d.grade = 'major' then jsonb_build_object(
            'goals', '消除重大事故隐患', 'measures', '停产整顿，更换设备，完善监测监控', 'fundsYuan', (50000 + floor(s.r7 * 2000000))::int,
            'materials', '专项资金已落实', 'responsibleUnit', e.name, 'responsiblePersons', ${pickSql(SURNAMES, sql`s.r9`)} || ${pickSql(GIVEN, sql`s.r8`)},
            'deadline', d.deadline::text, 'safetyMeasures', '设置警戒区域，专人监护', 'emergencyPlan', '执行企业综合应急预案') end,
          case when d.grade = 'major' then s.created + interval '1 hour' end,
          case when s.status in ('submitted', 'verified', 'closed') then coalesce(d.closed_at - interval '1 day', s.created + ${days(sql`s.r4 * 5`)}) end,
          case when s.status in ('verified', 'closed') then coalesce(d.closed_at, s.created + ${days(sql`s.r4 * 6`)}) end,
          case when s.status = 'verified' then (s.created + interval '20 days')::date end,
          d.closed_at,
          case when s.status in ('confirmed', 'rectifying') and d.deadline < ${today}::date then 1 + floor(s.r9 * 3)::int else 0 end,
          case s.status when 'reported' then 1 when 'rejected' then 2 when 'confirmed' then 2 when 'rectifying' then 3
                        when 'submitted' then 4 when 'verified' then 5 else 5 end,
          s.created,
          coalesce(d.closed_at, s.created)
        from (
          select g.*, ${now.toISOString()}::timestamptz - ${days(sql`g.age`)} as created,
            case when g.age > 60 then
              case when g.r2 < 0.977 then 'closed' when g.r2 < 0.997 then 'rejected' when g.r2 < 0.999 then 'rectifying' else 'confirmed' end
            else
              case when g.r2 < 0.08 then 'reported' when g.r2 < 0.16 then 'confirmed' when g.r2 < 0.40 then 'rectifying' when g.r2 < 0.50 then 'submitted'
                   when g.r2 < 0.52 and g.major then 'verified' when g.r2 < 0.52 then 'submitted' when g.r2 < 0.98 then 'closed' else 'rejected' end
            end as status
          from (
            select n, random() as r0, random() * 1095 as age, random() as r2, random() < 0.03 as major,
              random() as r4, random() as r5, random() as r6, random() as r7, random() as r8, random() as r9
            from generate_series(${lo}::int, ${hi}::int) as n
          ) g
        ) s
        cross join k
        join ent e on e.i = least(k.c - 1, floor(power(s.r0, 1.5) * k.c)::int)
        cross join lateral (
          select
            case when s.status in ('reported', 'rejected') then null when s.major then 'major' else 'general' end as grade,
            case when s.status in ('reported', 'rejected') then null
                 else (s.created::date + (case when s.major then 30 + floor(s.r4 * 150) else 3 + floor(s.r4 * 27) end)::int) end as deadline,
            case when s.status = 'closed' then s.created + ${days(sql`least(s.age, case when s.major then 90 else 20 end) * s.r5`)} end as closed_at
        ) d
      `);
    });
    log(`  hazards ${hi.toLocaleString('en-US')} / ${count.toLocaleString('en-US')} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  log(`  rebuilding ${secondary.map((ix) => ix.name).join(', ')} …`);
  await database.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local maintenance_work_mem = '${database.kind === 'pglite' ? '128MB' : '256MB'}'`));
    for (const c of constraints) await tx.execute(sql.raw(`alter table hazard add constraint "${c.name}" ${c.def}`));
    for (const ix of secondary) await tx.execute(sql.raw(ix.def));
  });
  const insertSeconds = (performance.now() - t0) / 1000;

  const t1 = performance.now();
  // 挂牌督办 by the county government's department, for ~30 % of the major hazards (open while the hazard runs).
  await database.query(`
    insert into hazard_listing (hazard_id, department_id, department_name, level, document_number, supervisor, supervisor_phone, deadline,
      requirements, status, listed_at, listed_by, closed_at, closed_by, closing_comment)
    select h.id, d.id, d.name, 'county', '督办〔' || extract(year from h.created_at)::int || '〕' || (abs(hashtext(h.code)) % 900 + 1) || '号',
      d.name || '督办专员', null, coalesce(h.deadline, (h.created_at + interval '60 days')::date),
      '按期完成整改，整改期间落实安全防范措施', case when h.status = 'closed' then 'closed' else 'open' end,
      h.created_at + interval '2 days', d.name, case when h.status = 'closed' then h.closed_at end,
      case when h.status = 'closed' then d.name end, case when h.status = 'closed' then '经现场核查，同意销号' end
    from hazard h
    join department d on d.kind = 'government' and d.region_code = split_part(h.region_path, '/', 3)
    where h.code like '${BENCH_CODE_PREFIX}%' and h.grade = 'major' and abs(hashtext(h.code)) % 10 < 3`);
  const listingSeconds = (performance.now() - t1) / 1000;

  const t2 = performance.now();
  await database.query('vacuum (analyze) hazard');
  await database.query('vacuum (analyze) hazard_listing');
  await database.query('analyze');
  const vacuumSeconds = (performance.now() - t2) / 1000;

  const n = async (q: string) => Number(((await database.query<{ n: number }>(q)).rows[0] as { n: number }).n);
  return {
    hazards: await n(`select count(*)::int as n from hazard where code like '${BENCH_CODE_PREFIX}%'`),
    listings: await n('select count(*)::int as n from hazard_listing'),
    insertSeconds,
    rebuiltIndexes: secondary.map((ix) => ix.name),
    listingSeconds,
    vacuumSeconds,
  };
}
