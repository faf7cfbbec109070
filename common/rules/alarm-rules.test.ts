import { describe, expect, it } from 'vitest';
import type { TSensorRules } from '../contracts/monitoring.js';
import { DEFAULT_ALARM_DISPOSAL, disposalConfigErrors, disposalDue, escalationLevel } from './alarm-disposal.js';
import { type AlarmEvent, checkStale, evaluate, initialRuleState, parseRuleState, type RuleState, resolveStale, SEVERITY_OF } from './alarm-rules.js';

const T0 = Date.parse('2026-07-06T09:00:00+08:00');
/** Readings at the given second offsets. */
const rs = (pairs: [number, number][]) => pairs.map(([sec, value]) => ({ ts: new Date(T0 + sec * 1000), value }));
const brief = (events: AlarmEvent[]) => events.map((e) => `${e.action} ${e.type}@${(e.at.getTime() - T0) / 1000}=${e.value}`);

/** Feeds the readings one batch each (as ingestion would) through a JSON round trip of the state. */
function run(rules: TSensorRules, pairs: [number, number][], state: RuleState = initialRuleState()) {
  const events: AlarmEvent[] = [];
  let s = state;
  for (const r of rs(pairs)) {
    const out = evaluate(JSON.parse(JSON.stringify(s)), rules, [r]);
    s = out.state;
    events.push(...out.events);
  }
  return { state: s, events: brief(events) };
}

describe('limits with hysteresis (separate clear values)', () => {
  const rules: TSensorRules = { high: 10, highClear: 8, low: 2, lowClear: 3 };
  const cases: { name: string; pairs: [number, number][]; want: string[] }[] = [
    { name: 'below the limit raises nothing', pairs: [[0, 9.99]], want: [] },
    { name: 'exactly at the limit raises (≥)', pairs: [[0, 10]], want: ['raise high@0=10'] },
    {
      name: 'inside the deadband it stays raised',
      pairs: [
        [0, 11],
        [10, 9],
        [20, 8],
      ],
      want: ['raise high@0=11'],
    },
    {
      name: 'below the clear value it clears (<)',
      pairs: [
        [0, 11],
        [10, 7.99],
      ],
      want: ['raise high@0=11', 'clear high@10=7.99'],
    },
    {
      name: 'no chatter around the limit',
      pairs: [
        [0, 10.1],
        [10, 9.9],
        [20, 10.1],
        [30, 9.9],
      ],
      want: ['raise high@0=10.1'],
    },
    { name: 'low raises at ≤ the limit', pairs: [[0, 2]], want: ['raise low@0=2'] },
    {
      name: 'low clears only above its clear value',
      pairs: [
        [0, 1],
        [10, 3],
        [20, 3.01],
      ],
      want: ['raise low@0=1', 'clear low@20=3.01'],
    },
  ];
  for (const c of cases) it(c.name, () => expect(run(rules, c.pairs).events).toEqual(c.want));

  it('without a clear value the limit itself clears', () => {
    expect(
      run({ high: 5 }, [
        [0, 5],
        [1, 4.99],
      ]).events,
    ).toEqual(['raise high@0=5', 'clear high@1=4.99']);
  });

  it('HH and H raise separately and keep their own severities; the peak follows the extreme', () => {
    const r = run({ high: 10, highHigh: 20, highHighClear: 18 }, [
      [0, 12],
      [5, 25],
      [6, 30],
      [7, 19],
    ]);
    expect(r.events).toEqual(['raise high@0=12', 'raise highHigh@5=25']);
    expect(r.state.active.highHigh?.peak).toBe(30);
    expect(SEVERITY_OF.highHigh).toBe('red');
    expect(SEVERITY_OF.high).toBe('orange');
  });

  it('LL raises below L', () => {
    expect(run({ low: 19.5, lowLow: 18 }, [[0, 17]]).events).toEqual(['raise low@0=17', 'raise lowLow@0=17']);
  });
});

describe('coal methane 报警 1.0 → 断电 1.5 → 复电 < 1.0 (煤矿安全规程, regulations.md §8.1 T1 row)', () => {
  const T1: TSensorRules = { high: 1.0, highClear: 1.0, powerOff: 1.5, powerRestore: 1.0, onDelaySeconds: 10 };
  it('alarm at 1.0 (after the on-delay), power-off at 1.5 at once, restore and clear below 1.0', () => {
    const r = run(T1, [
      [0, 0.6],
      [10, 1.0],
      [20, 1.2],
      [25, 1.5],
      [30, 1.3],
      [40, 1.0],
      [50, 0.99],
    ]);
    expect(r.events).toEqual(['raise high@20=1.2', 'raise powerOff@25=1.5', 'clear powerOff@50=0.99', 'clear high@50=0.99']);
  });
  it('1.49 never cuts the power; 1.5 does even inside the on-delay', () => {
    expect(run(T1, [[0, 1.49]]).events).toEqual([]);
    expect(run(T1, [[0, 1.5]]).events).toEqual(['raise powerOff@0=1.5']);
  });
  it('power stays off at 1.0 (restore only below 1.0)', () => {
    expect(
      run(T1, [
        [0, 1.6],
        [30, 1.0],
      ]).events,
    ).toEqual(['raise powerOff@0=1.6', 'raise high@30=1']);
  });
});

describe('on-delay (duration)', () => {
  const rules: TSensorRules = { high: 10, onDelaySeconds: 60 };
  const cases: { name: string; pairs: [number, number][]; want: string[] }[] = [
    {
      name: 'raises once the condition has held for the delay',
      pairs: [
        [0, 11],
        [30, 12],
        [60, 11],
      ],
      want: ['raise high@60=11'],
    },
    {
      name: 'not before',
      pairs: [
        [0, 11],
        [59, 12],
      ],
      want: [],
    },
    {
      name: 'a break resets the timer',
      pairs: [
        [0, 11],
        [30, 9],
        [40, 11],
        [90, 11],
        [100, 11],
      ],
      want: ['raise high@100=11'],
    },
  ];
  for (const c of cases) it(c.name, () => expect(run(rules, c.pairs).events).toEqual(c.want));
  it('the pending timer survives a restart (state is JSON)', () => {
    const first = run(rules, [[0, 11]]);
    expect(first.state.pending.high).toBeDefined();
    expect(run(rules, [[61, 11]], parseRuleState(JSON.parse(JSON.stringify(first.state)))).events).toEqual(['raise high@61=11']);
  });
});

describe('rate of change over a window', () => {
  const rules: TSensorRules = { rateOfChange: { delta: 0.5, perSeconds: 60 } };
  const cases: { name: string; pairs: [number, number][]; want: string[] }[] = [
    {
      name: 'a rise of delta within the window raises',
      pairs: [
        [0, 0.2],
        [30, 0.5],
        [50, 0.7],
      ],
      want: ['raise rateOfChange@50=0.7'],
    },
    {
      name: 'the same rise spread over more than the window does not',
      pairs: [
        [0, 0.2],
        [40, 0.45],
        [80, 0.69],
        [120, 0.9],
      ],
      want: [],
    },
    {
      name: 'a fall counts too, and it clears when the window calms',
      pairs: [
        [0, 5],
        [10, 4.4],
        [50, 4.4],
        [75, 4.4],
      ],
      want: ['raise rateOfChange@10=4.4', 'clear rateOfChange@75=4.4'],
    },
  ];
  for (const c of cases) it(c.name, () => expect(run(rules, c.pairs).events).toEqual(c.want));
});

describe('flat line (stuck sensor)', () => {
  const rules: TSensorRules = { flatLine: { seconds: 600, epsilon: 0.01 } };
  const cases: { name: string; pairs: [number, number][]; want: string[] }[] = [
    {
      name: 'within ±epsilon for the period raises',
      pairs: [
        [0, 0.3],
        [300, 0.305],
        [600, 0.295],
      ],
      want: ['raise flatLine@600=0.295'],
    },
    {
      name: 'a move beyond epsilon restarts the run',
      pairs: [
        [0, 0.3],
        [300, 0.32],
        [600, 0.32],
        [900, 0.32],
      ],
      want: ['raise flatLine@900=0.32'],
    },
    {
      name: 'a live value clears it',
      pairs: [
        [0, 0.3],
        [600, 0.3],
        [660, 0.4],
      ],
      want: ['raise flatLine@600=0.3', 'clear flatLine@660=0.4'],
    },
  ];
  for (const c of cases) it(c.name, () => expect(run(rules, c.pairs).events).toEqual(c.want));
});

describe('stale data (断线)', () => {
  const rules: TSensorRules = { staleSeconds: 120 };
  it('raises once after staleSeconds without data and clears on the next reading', () => {
    const s = run(rules, [[0, 1]]).state;
    expect(checkStale(s, rules, new Date(T0 + 119_000)).events).toEqual([]);
    const stale = checkStale(s, rules, new Date(T0 + 120_000));
    expect(brief(stale.events)).toEqual(['raise stale@120=1']);
    expect(stale.events[0]?.severity).toBe('blue');
    expect(checkStale(stale.state, rules, new Date(T0 + 500_000)).events).toEqual([]);
    expect(run(rules, [[600, 2]], stale.state).events).toEqual(['clear stale@600=2']);
  });
  it('the registry’s last-seen decides when given; a sensor never seen is stale; resolveStale clears without data', () => {
    const s = initialRuleState();
    expect(checkStale(s, rules, new Date(T0), new Date(T0 - 60_000)).events).toEqual([]);
    const never = checkStale(s, rules, new Date(T0));
    expect(never.events).toHaveLength(1);
    expect(brief(resolveStale(never.state, new Date(T0 + 5000)).events)).toEqual(['clear stale@5=null']);
    expect(resolveStale(s, new Date(T0)).events).toEqual([]);
  });
  it('no stale rule, no stale alarm', () => {
    expect(checkStale(initialRuleState(), {}, new Date(T0)).events).toEqual([]);
  });
});

describe('engine bookkeeping', () => {
  it('late and duplicate readings are ignored; a batch is sorted', () => {
    const out = evaluate(
      initialRuleState(),
      { high: 10 },
      rs([
        [10, 5],
        [0, 11],
      ]),
    );
    expect(brief(out.events)).toEqual(['raise high@0=11', 'clear high@10=5']);
    expect(evaluate(out.state, { high: 10 }, rs([[5, 50]])).events).toEqual([]);
  });
  it('an alarm whose rule was removed clears on the next reading; non-finite values are skipped', () => {
    const s = run({ high: 10 }, [[0, 11]]).state;
    expect(run({}, [[1, 11]], s).events).toEqual(['clear high@1=11']);
    expect(evaluate(initialRuleState(), { high: 1 }, [{ ts: new Date(T0), value: Number.NaN }]).events).toEqual([]);
  });
  it('a damaged stored state starts afresh', () => {
    expect(parseRuleState({ v: 99 })).toEqual(initialRuleState());
    expect(parseRuleState(null)).toEqual(initialRuleState());
  });
});

describe('disposal time limits and escalation (local practice)', () => {
  const raised = new Date(T0);
  const due = disposalDue('red', raised);
  it('red: acknowledge in 30 min, feedback in 24 h', () => {
    expect(due.ackDue.getTime() - T0).toBe(30 * 60_000);
    expect(due.feedbackDue.getTime() - T0).toBe(24 * 3_600_000);
  });
  const at = (min: number) => new Date(T0 + min * 60_000);
  const a = { ...due, ackTs: null, feedbackAt: null };
  const cases: [string, Parameters<typeof escalationLevel>[0], number, number][] = [
    ['in time', a, 29, 0],
    ['ack missed → enterprise', a, 30, 1],
    ['one step later → county', a, 90, 2],
    ['two steps later → city', a, 150, 3],
    ['never above 3', a, 10_000, 3],
    ['acked in time: only the feedback due counts', { ...a, ackTs: at(5) }, 600, 0],
    ['acked, feedback missed', { ...a, ackTs: at(5) }, 24 * 60 + 61, 2],
    ['both done', { ...a, ackTs: at(5), feedbackAt: at(60) }, 100_000, 0],
  ];
  for (const [name, alarm, min, want] of cases) it(`${name}: level ${want}`, () => expect(escalationLevel(alarm, at(min), DEFAULT_ALARM_DISPOSAL)).toBe(want));
  it('a configured step and limits move the due times and the levels', () => {
    const cfg = { ...DEFAULT_ALARM_DISPOSAL, ackMinutes: { ...DEFAULT_ALARM_DISPOSAL.ackMinutes, red: 10 }, escalateStepMinutes: 20 };
    const d = disposalDue('red', raised, cfg);
    expect(d.ackDue.getTime() - T0).toBe(10 * 60_000);
    const b = { ...d, ackTs: null, feedbackAt: null };
    expect([9, 10, 30, 50].map((m) => escalationLevel(b, at(m), cfg))).toEqual([0, 1, 2, 3]);
  });
  it('the feedback may not be due before the acknowledgement (named field)', () => {
    expect(disposalConfigErrors(DEFAULT_ALARM_DISPOSAL)).toEqual([]);
    const cfg = {
      ...DEFAULT_ALARM_DISPOSAL,
      ackMinutes: { ...DEFAULT_ALARM_DISPOSAL.ackMinutes, yellow: 200 },
      feedbackHours: { ...DEFAULT_ALARM_DISPOSAL.feedbackHours, yellow: 3 },
    };
    expect(disposalConfigErrors(cfg)).toEqual([{ field: 'feedbackHours.yellow', code: 'too_small', params: { minimum: 4 } }]);
  });
});
