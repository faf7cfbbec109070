import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, makeCity, makeEnterprise, makeUser } from '../../test/factories.js';
import { getTestServer, type TestServer } from '../../test/harness.js';
import { DEFAULT_LAYOUT, parseDropFile, scanDropDir } from './file-drop.js';

describe('coal-mine monitoring text files (库名;表名| … ~ … ‖)', () => {
  it('parses the classic layout with Beijing times, and a configured field order', () => {
    const r = parseDropFile('KJ;AQSS|140525001;2026-12-01 10:00:00;010101;0.42;0~140525001;2026-12-01 10:00:30;010101;0.45;0~‖\n');
    expect(r.library).toBe('KJ');
    expect(r.table).toBe('AQSS');
    expect(r.readings).toEqual([
      { code: '010101', ts: new Date('2026-12-01T02:00:00Z'), value: 0.42 },
      { code: '010101', ts: new Date('2026-12-01T02:00:30Z'), value: 0.45 },
    ]);
    const other = parseDropFile('KJ;AQSS|010101;0.5;20261201100000~', ['code', 'value', 'time']);
    expect(other.readings[0]).toEqual({ code: '010101', ts: new Date('2026-12-01T02:00:00Z'), value: 0.5 });
  });

  it('names the bad record', () => {
    expect(() => parseDropFile('KJ;AQSS|m;2026-12-01 10:00:00;010101;abc;0~')).toThrow(/record 1: bad value/);
    expect(() => parseDropFile('no header')).toThrow(/header/);
    expect(DEFAULT_LAYOUT).toEqual(['mine', 'time', 'code', 'value', 'state']);
  });
});

describe('drop directory', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await getTestServer();
  });
  afterAll(() => t.close());

  it('imports a file through the ingestion path and files it under done/ or failed/ with a reason', async () => {
    const db = t.database.db;
    const r = await makeCity(db);
    const ent = await makeEnterprise(db, r.townA, { industry: 'coal' });
    const mgr = await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: ent.id });
    const h = await loginAs(t.app, mgr.username);
    await t.app.inject({
      method: 'POST',
      url: '/api/sensors',
      headers: h,
      payload: { enterpriseId: ent.id, code: '010101', name: 'T1', type: 'ch4', unit: '%CH4', location: 'T1', coalLocationKey: 'face' },
    });
    const dir = await mkdtemp(path.join(tmpdir(), 'taihang-drop-'));
    const base = path.join(dir, ent.id);
    await mkdir(base);
    const at = (offsetS: number) => {
      const d = new Date(t.clock.now().getTime() + 8 * 3_600_000 - offsetS * 1000);
      return d.toISOString().slice(0, 19).replace('T', ' ');
    };
    await writeFile(path.join(base, 'good.txt'), `KJ;AQSS|m;${at(60)};010101;0.42;0~m;${at(30)};010101;0.44;0~m;${at(30)};999999;1;0~‖`);
    await writeFile(path.join(base, 'bad.txt'), `KJ;AQSS|m;${at(60)};010101;x;0~‖`);
    // Files must be a second old before they are claimed (a writer may still be at work).
    await new Promise((res) => setTimeout(res, 1100));
    expect(await scanDropDir(t.deps, dir, DEFAULT_LAYOUT)).toBe(2);
    expect(await readdir(path.join(base, 'done'))).toEqual(['good.txt']);
    expect((await readdir(path.join(base, 'failed'))).sort()).toEqual(['bad.txt', 'bad.txt.reason.txt']);
    expect(await readFile(path.join(base, 'failed', 'bad.txt.reason.txt'), 'utf8')).toContain('record 1: bad value');
    const s = (await t.app.inject({ url: `/api/sensors?enterpriseId=${ent.id}`, headers: h })).json().items[0];
    expect(s.lastValue).toBe(0.44);
  });
});
