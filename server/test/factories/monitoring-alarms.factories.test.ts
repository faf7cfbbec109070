import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALARM_STATUS_KEYS } from '../../../common/contracts/alarms.js';
import { makeCity, makeDepartment, makeEnterprise, makeUser } from '../factories.js';
import { getTestServer, setClockAndSignIn, type TestServer } from '../harness.js';
import { makeAlarm } from './alarms.js';
import { makeChangeRequest, makeSensor } from './monitoring.js';

/**
 * The monitoring and alarm factories build rows the API reads back under its contracts (a row the presenter cannot
 * present, or a field the contract lacks, is a 500 in tests): each state in one call, no chain of requests.
 */

const NOW = '2026-12-01T09:00:00+08:00';
let t: TestServer;
let w: Awaited<ReturnType<typeof setup>>;

async function setup(s: TestServer) {
  const db = s.database.db;
  const r = await makeCity(db);
  const govA = await makeDepartment(db, r.countyA, 'government');
  const mine = await makeEnterprise(db, r.townA, { industry: 'coal' });
  const users = {
    govA: await makeUser(db, 'government', ['regulator-admin'], { departmentId: govA.id }),
    mine: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: mine.id }),
  };
  const h = {} as Record<keyof typeof users, Record<string, string>>;
  return { r, govA, mine, users, h };
}

beforeAll(async () => {
  t = await getTestServer();
  w = await setup(t);
  await setClockAndSignIn(t, NOW, w.users, w.h);
});
afterAll(() => t.close());

const get = (url: string, h: Record<string, string>) => t.app.inject({ url, headers: h });
const at = new Date(NOW);

describe('monitoring factories', () => {
  it('a sensor in each state reads back with the status and level the list and live view show', async () => {
    const db = t.database.db;
    const online = await makeSensor(db, w.mine, { state: 'online', value: 1.0, at });
    const powerOff = await makeSensor(db, w.mine, { state: 'online', value: 1.3, at });
    const stale = await makeSensor(db, w.mine, { state: 'stale', at });
    const silent = await makeSensor(db, w.mine, { state: 'unknown', at });
    const off = await makeSensor(db, w.mine, { state: 'outOfService', at });
    const res = await get(`/api/sensors?enterpriseId=${w.mine.id}&pageSize=50`, w.h.govA);
    expect(res.statusCode).toBe(200);
    const byId = new Map(
      (res.json().items as { id: string; level: string; status: string; inService: boolean; lastValue: number | null }[]).map((s) => [s.id, s]),
    );
    expect(byId.get(online.id)).toMatchObject({ status: 'online', level: 'alarm', lastValue: 1.0, inService: true });
    expect(byId.get(powerOff.id)).toMatchObject({ level: 'powerOff' });
    expect(byId.get(stale.id)).toMatchObject({ status: 'stale', level: 'stale' });
    expect(byId.get(silent.id)).toMatchObject({ status: 'unknown', level: 'none', lastValue: null });
    expect(byId.get(off.id)).toMatchObject({ inService: false });
    const readings = await get(`/api/readings?sensorId=${online.id}&from=${encodeURIComponent(new Date(at.getTime() - 600_000).toISOString())}`, w.h.mine);
    expect(readings.statusCode).toBe(200);
    expect(readings.json().items).toEqual([expect.objectContaining({ value: 1.0 })]);
  });

  it('a change request pending, approved or rejected reads back with its loosenings and what the caller may do', async () => {
    const db = t.database.db;
    const s = await makeSensor(db, w.mine, { at });
    const requester = { id: w.users.mine.id, displayName: '测试安全员' };
    const pending = await makeChangeRequest(db, s, requester, { at });
    const rejected = await makeChangeRequest(db, await makeSensor(db, w.mine, { at }), requester, { status: 'rejected', at });
    const res = await get(`/api/sensor-change-requests?enterpriseId=${w.mine.id}`, w.h.govA);
    expect(res.statusCode).toBe(200);
    const rows = res.json().items as { id: string; status: string; changes: { field: string }[]; abilities: { approve: boolean } }[];
    expect(rows.find((r) => r.id === pending.id)).toMatchObject({ status: 'pending', changes: [{ field: 'rules.powerOff' }], abilities: { approve: true } });
    expect(rows.find((r) => r.id === rejected.id)).toMatchObject({ status: 'rejected', abilities: { approve: false } });
  });
});

describe('alarm factory', () => {
  it('an alarm in every status reads back with the abilities its status gives', async () => {
    const db = t.database.db;
    for (const status of ALARM_STATUS_KEYS) {
      // A sensor each: one active alarm per sensor and type.
      const s = await makeSensor(db, w.mine, { state: 'online', value: 1.2, at });
      const a = await makeAlarm(db, s, { status, at });
      const res = await get(`/api/alarms/${a.id}`, w.h.mine);
      expect(res.statusCode, status).toBe(200);
      const body = res.json() as { data: { status: string; transitions: unknown[] }; abilities: Record<string, boolean> };
      expect(body.data.status).toBe(status);
      expect(body.data.transitions.length).toBe(status === 'ACTIVE_UNACK' ? 1 : 2);
      expect(body.abilities.ack, status).toBe(status === 'ACTIVE_UNACK' || status === 'CLEARED_UNACK');
      // The enterprise closes a cleared alarm once its feedback is filed; it never shelves.
      expect(body.abilities.close, status).toBe(status === 'CLEARED');
      expect(body.abilities.shelve, status).toBe(false);
    }
  });
});
