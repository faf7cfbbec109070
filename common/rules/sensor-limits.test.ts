import { describe, expect, it } from 'vitest';
import { evaluate, initialRuleState } from './alarm-rules.js';
import { defaultRulesFor } from './coal-gas-thresholds.js';
import { beyondLegal, effectiveRules, inServiceAt, legalLimitsOf, loosenings, type SensorSetting } from './sensor-limits.js';

const t0: SensorSetting = {
  type: 'ch4',
  unit: '%CH4',
  coalLocationKey: 'faceUpperCorner',
  industry: 'coal',
  rules: defaultRulesFor('ch4', 'faceUpperCorner'),
  inService: true,
};
const fields = (l: ReturnType<typeof loosenings>) => l.map((x) => x.field);

describe('legal limits of a sensor (煤矿安全规程 Art. 498, CO 24 ppm, GB/T 50493)', () => {
  it('binds coal CH4 by location: 报警, 断电 and 复电 are ceilings', () => {
    expect(legalLimitsOf(t0).map((l) => [l.key, l.value, l.direction])).toEqual([
      ['high', 1, 'max'],
      ['powerOff', 1.5, 'max'],
      ['powerRestore', 1, 'max'],
    ]);
    expect(legalLimitsOf({ ...t0, coalLocationKey: 'mainReturn' }).map((l) => l.key)).toEqual(['high']);
    expect(legalLimitsOf(t0)[0]?.source).toContain('煤矿安全规程');
  });

  it('binds coal CO at 24 ppm (0.0024 %), not a chemical plant’s; combustible gas at 25/50 %LEL', () => {
    expect(legalLimitsOf({ type: 'co', unit: 'ppm', coalLocationKey: null, industry: 'coal' })).toMatchObject([{ key: 'high', value: 24 }]);
    expect(legalLimitsOf({ type: 'co', unit: '%', coalLocationKey: null, industry: 'coal' })[0]?.value).toBeCloseTo(0.0024);
    expect(legalLimitsOf({ type: 'co', unit: 'ppm', coalLocationKey: null, industry: 'hazchem' })).toEqual([]);
    expect(legalLimitsOf({ type: 'combustibleLel', unit: '%LEL', coalLocationKey: null, industry: 'hazchem' }).map((l) => [l.key, l.value])).toEqual([
      ['high', 25],
      ['highHigh', 50],
    ]);
    expect(legalLimitsOf({ type: 'temperature', unit: '℃', coalLocationKey: null, industry: 'hazchem' })).toEqual([]);
  });
});

describe('effective rules = legal ∧ stored', () => {
  it('clamps a 断电 raised to 50 % back to 1.5 %, so 3.0 %CH4 still raises 断电 (the finding)', () => {
    const raised = { ...t0.rules, high: 40, highClear: 40, powerOff: 50, powerRestore: 45 };
    const eff = effectiveRules(raised, legalLimitsOf(t0));
    expect(eff).toMatchObject({ high: 1, highClear: 1, powerOff: 1.5, powerRestore: 1 });
    const { events } = evaluate(initialRuleState(), eff, [{ ts: new Date('2026-07-06T01:00:00Z'), value: 3.0 }]);
    expect(events.map((e) => e.type).sort()).toEqual(['high', 'powerOff']);
    // Without the clamp the same reading is 正常: what the enterprise's PATCH achieved before.
    expect(evaluate(initialRuleState(), raised, [{ ts: new Date('2026-07-06T01:00:00Z'), value: 3.0 }]).events).toEqual([]);
  });

  it('keeps a tightened limit and fills in a removed one', () => {
    expect(effectiveRules({ high: 0.8, highClear: 0.7, powerOff: 1.2, powerRestore: 0.8 }, legalLimitsOf(t0))).toMatchObject({
      high: 0.8,
      highClear: 0.7,
      powerOff: 1.2,
      powerRestore: 0.8,
    });
    expect(effectiveRules({ staleSeconds: 120 }, legalLimitsOf(t0))).toMatchObject({ high: 1, powerOff: 1.5, powerRestore: 1, staleSeconds: 120 });
  });

  it('raises a low-side ("min") limit instead of lowering it', () => {
    const low = [{ key: 'low' as const, value: 20, direction: 'min' as const, source: 'x', verified: true }];
    expect(effectiveRules({ low: 18, lowClear: 18.5 }, low)).toMatchObject({ low: 20, lowClear: 20 });
    expect(effectiveRules({ low: 20.5, lowClear: 21 }, low)).toMatchObject({ low: 20.5, lowClear: 21 });
  });
});

describe('what needs approval (loosenings) and what nothing can allow (beyondLegal)', () => {
  it('tightening needs nothing; raising a tightened limit back toward the law does', () => {
    const tight = { ...t0, rules: { ...t0.rules, powerOff: 1.2 } };
    expect(loosenings(t0, tight)).toEqual([]);
    expect(loosenings(tight, t0)).toMatchObject([{ field: 'rules.powerOff', from: 1.2, to: 1.5, legal: 1.5 }]);
  });

  it('复电 may only be lowered: restoring power at a higher concentration is a loosening', () => {
    const lowRestore = { ...t0, rules: { ...t0.rules, powerRestore: 0.8 } };
    expect(loosenings(t0, lowRestore)).toEqual([]);
    expect(fields(loosenings(lowRestore, t0))).toEqual(['rules.powerRestore']);
  });

  it('removing a limit, a looser location, another type, a longer on-delay or out of service all count', () => {
    const { powerOff: _p, powerRestore: _r, ...noPowerOff } = t0.rules;
    expect(fields(loosenings(t0, { ...t0, rules: noPowerOff }))).toEqual([]); // the law fills it in: not looser
    const t2 = { ...t0, coalLocationKey: 'faceReturn', rules: defaultRulesFor('ch4', 'faceReturn') };
    expect(fields(loosenings(t2, t0))).toEqual(['rules.powerOff']);
    expect(fields(loosenings(t0, { ...t0, type: 'temperature', coalLocationKey: null, rules: { staleSeconds: 120 } }))).toEqual([
      'rules.high',
      'rules.powerOff',
      'rules.powerRestore',
    ]);
    expect(fields(loosenings(t0, { ...t0, rules: { ...t0.rules, onDelaySeconds: 600 } }))).toEqual(['rules.onDelaySeconds']);
    expect(fields(loosenings(t0, { ...t0, inService: false }))).toEqual(['inService']);
    // An unregulated sensor's own limits are its own business; out of service still is not.
    const temp: SensorSetting = { type: 'temperature', unit: '℃', coalLocationKey: null, industry: 'hazchem', rules: { high: 60 }, inService: true };
    expect(loosenings(temp, { ...temp, rules: { high: 90 } })).toEqual([]);
    expect(fields(loosenings(temp, { ...temp, inService: false }))).toEqual(['inService']);
  });

  it('on a regulated sensor, a later 断线, a longer or wider flat line and a slower rate check are loosenings too', () => {
    const watched: SensorSetting = {
      ...t0,
      rules: { ...t0.rules, staleSeconds: 120, flatLine: { seconds: 3600, epsilon: 0.001 }, rateOfChange: { delta: 0.5, perSeconds: 60 } },
    };
    const { staleSeconds: _s, ...noStale } = watched.rules;
    expect(fields(loosenings(watched, { ...watched, rules: { ...watched.rules, staleSeconds: 86_400 } }))).toEqual(['rules.staleSeconds']);
    expect(fields(loosenings(watched, { ...watched, rules: noStale }))).toEqual(['rules.staleSeconds']);
    expect(fields(loosenings(watched, { ...watched, rules: { ...watched.rules, staleSeconds: 60 } }))).toEqual([]);
    expect(fields(loosenings(watched, { ...watched, rules: { ...watched.rules, flatLine: { seconds: 7200, epsilon: 0.1 } } }))).toEqual([
      'rules.flatLine.seconds',
      'rules.flatLine.epsilon',
    ]);
    expect(fields(loosenings(watched, { ...watched, rules: { ...watched.rules, rateOfChange: { delta: 0.5, perSeconds: 30 } } }))).toEqual([
      'rules.rateOfChange.perSeconds',
    ]);
    expect(fields(loosenings(watched, { ...watched, rules: { ...watched.rules, rateOfChange: undefined } }))).toEqual(['rules.rateOfChange.delta']);
    // An unregulated sensor's stale time stays its own setting.
    const temp: SensorSetting = { type: 'temperature', unit: '℃', coalLocationKey: null, industry: 'hazchem', rules: { staleSeconds: 120 }, inService: true };
    expect(loosenings(temp, { ...temp, rules: { staleSeconds: 3600 } })).toEqual([]);
  });

  it('a value past the law is refused whatever is approved (law beats approval)', () => {
    expect(beyondLegal({ ...t0, rules: { ...t0.rules, powerOff: 50 } })).toMatchObject([{ field: 'rules.powerOff', direction: 'max', value: 1.5 }]);
    expect(beyondLegal({ ...t0, rules: { ...t0.rules, powerOff: 1.5 } })).toEqual([]);
  });

  it('an approved out-of-service window ends by itself', () => {
    const until = new Date('2026-07-06T10:00:00+08:00');
    expect(inServiceAt({ inService: true, outOfServiceUntil: until }, new Date('2026-07-06T09:59:59+08:00'))).toBe(false);
    expect(inServiceAt({ inService: true, outOfServiceUntil: until }, until)).toBe(true);
    expect(inServiceAt({ inService: true, outOfServiceUntil: null }, until)).toBe(true);
  });
});
