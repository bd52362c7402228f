import { describe, expect, test } from 'vitest';
import type { ScoreResult } from '@vitals/core';
import { ENGINES, carried, pick, planOf, type Engine } from '../support/evaluators.js';

/** History, pulse shelf life, overrides, hysteresis, benchmarks and playbooks, worked out by hand. */
const lifecycleModel = (stale = 'exclude') => `
vitals: 1
model: lifecycle
bands: [{ name: red, below: 40 }, { name: amber, below: 70 }, { name: green }]
hysteresis: 3
data: { id: account, as_of: day, segment: segment, stage: stage }
inputs:
  usage: { type: number }
  stage: { type: enum, values: [onboard, adopt, optimize, renew], ordered: true }
  segment: { type: enum, values: [high_touch, low_touch] }
pulse:
  field: pulse
  recorded_at: pulse_day
  shelf_life: 30d
  stale: ${stale}
overrides: { score: o_score, reason: o_reason, set_at: o_from, expires_at: o_until }
categories: { usage: { weight: 3 }, sentiment: { weight: 1 } }
metrics:
  usage: { category: usage, value: usage, score: identity }
  usage_trend: { category: usage, value: delta(usage), score: { linear: { from: -20, to: 20 } }, weight: 0 }
  pulse: { category: sentiment, value: pulse.score, score: identity }
missing: { min_coverage: 0 }
benchmarks:
  - { stage: onboard, score: 50 }
  - { stage: onboard, segment: high_touch, score: 60 }
  - { stage: adopt, score: 65 }
  - { stage: onboard, category: usage, score: 55 }
playbooks:
  below_benchmark: { when: "gap < 0", action: Review the account plan, cooldown: 30d, priority: high }
  dropped_a_band: { when: "band_changed and band < prev(band)", action: Call the sponsor }
  stale_pulse: { when: pulse.stale, action: Ask the CSM for a fresh pulse }
  reference: { when: 'score >= 90 and pulse.value == "extremely_satisfied"', action: Ask for a reference }
  trending_up: { when: metrics.usage_trend.score > 90, action: Celebrate }
`;

const snapshot = (day: string, usage: number, extra: Record<string, unknown> = {}) => ({
  account: 'a', day, usage, stage: 'onboard', segment: 'high_touch', pulse: 'satisfied', pulse_day: '2026-01-15', ...extra,
});

type Expect = Record<string, unknown>;
const HISTORY: [name: string, record: Record<string, unknown>, expected: Expect][] = [
  // overall (3·80 + 70)/4 = 77.5; onboard/high_touch benchmark 60; usage category benchmark (onboard, any segment) 55.
  ['first snapshot: fresh pulse, above its segment benchmark', snapshot('2026-01-31', 80), {
    score: 77.5, band: 'green', benchmark: 60, gap: 17.5, change: null, playbooks: [],
    'pulse': { age_days: 16, stale: false, score: 70 },
    'categories.usage': { benchmark: 55, gap: 25 },
    'metrics.usage_trend': { value: null, missing: true },
  }],
  // pulse 44 days old → stale, excluded; overall = usage 50; 50 < 70 − 3 leaves green. gap −10.
  ['second: pulse stale and excluded, dropped to amber, below benchmark', snapshot('2026-02-28', 50), {
    score: 50, band: 'amber', coverage: 0.75, gap: -10, below_benchmark: ['usage'],
    'pulse': { age_days: 44, stale: true, score: null },
    change: { previous_as_of: '2026-01-31', previous_score: 77.5, previous_band: 'green', score: -27.5, band_changed: true },
    playbooks: ['below_benchmark', 'dropped_a_band', 'stale_pulse'],
    'metrics.usage_trend': { value: -30, score: 1 },
  }],
  // (3·68.5 + 100)/4 = 76.375 → 76.38 ≥ 70 + 3: green again. adopt benchmark 65. trend 1 + 38.5/40·99 = 96.29.
  ['third: back to green past the hysteresis margin', snapshot('2026-03-15', 68.5, { stage: 'adopt', pulse: 'extremely_satisfied', pulse_day: '2026-03-10' }), {
    score: 76.38, band: 'green', benchmark: 65, gap: 11.38,
    change: { score: 26.38, band_changed: true }, playbooks: ['trending_up'],
    'metrics.usage_trend': { score: 96.29 },
  }],
  // (3·56 + 100)/4 = 67: computed amber, but not below 70 − 3, so it stays green.
  ['fourth: hysteresis holds the band', snapshot('2026-04-15', 56, { stage: 'adopt', pulse: 'extremely_satisfied', pulse_day: '2026-04-01' }), {
    score: 67, band: 'green', change: { band_changed: false }, gap: 2, playbooks: [],
  }],
  ['a duplicate snapshot is refused', snapshot('2026-04-15', 90), { status: 'invalid', issues: [{ field: 'day', code: 'snapshot-duplicate' }] }],
  ['an out-of-order snapshot is refused', snapshot('2026-03-01', 90), { status: 'invalid', issues: [{ field: 'day', code: 'snapshot-out-of-order' }] }],
];

const cooldown = (day: string, usage: number) => ({ account: 'c', day, usage, stage: 'onboard', segment: 'high_touch' });
const COOLDOWN: [name: string, record: Record<string, unknown>, expected: Expect][] = [
  ['fires below the benchmark', cooldown('2026-01-31', 40), { gap: -20, playbooks: ['below_benchmark'] }],
  ['15 days later it is still cooling down', cooldown('2026-02-15', 41), { gap: -19, playbooks: [] }],
  ['33 days after it fired it fires again', cooldown('2026-03-05', 42), { gap: -18, playbooks: ['below_benchmark'] }],
];

const override = (account: string, day: string, extra: Record<string, unknown>) => ({
  account, day, usage: 30, stage: 'renew', segment: 'low_touch', o_score: 85, o_reason: 'champion renewed early', o_from: '2026-01-01', ...extra,
});
const OVERRIDES: [name: string, record: Record<string, unknown>, expected: Expect][] = [
  ['an override inside its window replaces the score, and shows both', override('o1', '2026-01-31', { o_until: '2026-02-01' }), {
    score: 85, band: 'green', status: 'scored',
    override: { status: 'active', score: 85, reason: 'champion renewed early', computed_score: 30, computed_band: 'red', expires_at: '2026-02-01' },
  }],
  ['on its expiry date it no longer applies', override('o2', '2026-02-01', { o_until: '2026-02-01' }), { score: 30, band: 'red', override: { status: 'expired' } }],
  ['before it starts it does not apply', override('o3', '2026-01-31', { o_from: '2026-02-10', o_until: '2026-03-01' }), { score: 30, override: { status: 'not-yet-valid' } }],
  ['an override without an expiry never applies', override('o4', '2026-01-31', {}), { score: 30, override: { status: 'no-expiry' } }],
];

const PULSE_POLICIES: [policy: string, expected: Expect][] = [
  // overall (3·50 + 70)/4 = 55.
  ['keep', { 'pulse': { stale: true, score: 70, raw_score: 70 }, score: 55 }],
  // age 44, shelf life 30: 14/30 of the way from 70 to 50 → 60.67; overall (3·50 + 60.67)/4 = 52.67.
  ['{ decay: { to: 50, over: 30d } }', { 'pulse': { stale: true, score: 60.67 }, score: 52.67 }],
  ['exclude', { 'pulse': { stale: true, score: null }, score: 50 }],
];

function expectResult(engine: Engine, result: ScoreResult, expected: Expect, step = ''): void {
  for (const [path, value] of Object.entries(expected)) {
    const wanted = carried(engine, path, value);
    if (wanted === undefined) continue;
    const actual = pick(result, path);
    const where = step === '' ? path : `${step}: ${path}`;
    if (path === 'playbooks') expect((actual as { key: string }[]).map((p) => p.key).sort(), where).toEqual([...(wanted as string[])].sort());
    else if (path === 'issues') expect(actual, where).toMatchObject(wanted as object);
    else if (typeof wanted === 'object' && wanted !== null && !Array.isArray(wanted)) expect(actual, where).toMatchObject(wanted);
    else expect(actual, where).toEqual(wanted);
  }
}

/** Scores a sequence of snapshots as one stream and checks each result. */
async function expectSequence(engine: Engine, model: string, steps: readonly (readonly [string, Record<string, unknown>, Expect])[]): Promise<void> {
  const results = await engine.score(planOf(model), steps.map(([, record]) => record));
  steps.forEach(([name, , expected], i) => expectResult(engine, results[i] as ScoreResult, expected, name));
}

describe.each(ENGINES)('lifecycle on the $name engine', (engine) => {
  const runs = test.skipIf(engine.unavailable !== undefined);

  runs('snapshots of one account, in order', () => expectSequence(engine, lifecycleModel(), HISTORY));

  runs('a playbook with a cooldown does not fire again for the same account within it', () => expectSequence(engine, lifecycleModel(), COOLDOWN));

  runs('overrides: inside their window, on the expiry date, before the start, without an expiry', () => expectSequence(engine, lifecycleModel(), OVERRIDES));

  runs.each(PULSE_POLICIES)('a stale pulse under stale: %s', async (policy, expected) => {
    const [result] = await engine.score(planOf(lifecycleModel(policy)), [snapshot('2026-02-28', 50)]);
    expectResult(engine, result as ScoreResult, expected);
  });

  runs('the reference playbook explains why it fired', async () => {
    const [result] = (await engine.score(planOf(lifecycleModel()), [snapshot('2026-03-15', 95, { pulse: 'extremely_satisfied', pulse_day: '2026-03-10' })])) as [ScoreResult];
    expect(result.score).toBe(96.25);
    expect(result.playbooks.map((p) => p.key)).toContain('reference');
    // Why a playbook fired is the drill-down of a JavaScript result; SQL gives which ones fired.
    if (!engine.carries('playbooks.why')) return;
    expect(result.playbooks.find((p) => p.key === 'reference')?.why).toEqual([
      { ref: 'score', value: 96.25 },
      { ref: 'pulse.value', value: 'extremely_satisfied' },
    ]);
  });

  runs('a snapshot without a score in between does not hide a drop: history compares with the last scored one', async () => {
    const month = (day: string, usage: number | null) => ({ account: 'gap', day, usage, stage: 'renew', segment: 'low_touch' });
    await expectSequence(engine, lifecycleModel(), [
      ['January', month('2026-01-31', 80), { score: 80, band: 'green' }],
      ['February, no data', month('2026-02-28', null), { status: 'unscored', reason: 'no-data', band: null, change: { previous_as_of: '2026-01-31', previous_band: 'green', score: null, band_changed: false } }],
      // 68 is amber, but within 3 points of green's lower edge (70): hysteresis holds green, measured against January.
      ['March', month('2026-03-31', 68), { score: 68, band: 'green', change: { previous_as_of: '2026-01-31', score: -12, band_changed: false } }],
      ['April', month('2026-04-30', 60), { band: 'amber', change: { previous_as_of: '2026-03-31', previous_band: 'green', band_changed: true }, playbooks: ['dropped_a_band'] }],
    ]);
  });

  runs('why a condition held shows a history function with its own value, not the current one', async () => {
    const plan = planOf(lifecycleModel().replace('playbooks:', 'playbooks:\n  was_healthy: { when: "prev(score) > 75 and delta(usage) < 0", action: Ask what changed }'));
    const [, result] = (await engine.score(plan, [snapshot('2026-01-31', 80), snapshot('2026-02-10', 60)])) as [ScoreResult, ScoreResult];
    expect(result.playbooks.map((p) => p.key)).toContain('was_healthy');
    if (!engine.carries('playbooks.why')) return;
    expect(result.playbooks.find((p) => p.key === 'was_healthy')?.why).toEqual([
      { ref: 'prev(score)', value: 77.5 },
      { ref: 'delta(usage)', value: -20 },
    ]);
  });

  const currentModel = `
vitals: 1
model: current
bands: [{ name: low, below: 50 }, { name: high }]
pulse: { field: pulse, recorded_at: pulse_day }
categories: { sentiment: { weight: 1 } }
inputs: {}
metrics:
  pulse: { category: sentiment, value: pulse.score, score: identity }
`;

  runs('a model without an as-of field is scored as of the run\'s as-of date, never the clock', async () => {
    const [result] = (await engine.score(planOf(currentModel), [{ pulse: 'satisfied', pulse_day: '2026-01-15' }], { asOf: '2026-02-28' })) as [ScoreResult];
    expectResult(engine, result, { pulse: { age_days: 44, stale: true }, as_of: '2026-02-28' });
  });

  // Without an as-of date a JavaScript evaluator reports every record; SQL cannot be written without one (planToSql says so).
  test.runIf(engine.unavailable === undefined && engine.carries('pulse.stale'))('a model without an as-of field needs an as-of date for the run', async () => {
    const [result] = (await engine.score(planOf(currentModel), [{ pulse: 'satisfied', pulse_day: '2026-01-15' }])) as [ScoreResult];
    expect(result.issues).toMatchObject([{ code: 'no-as-of' }]);
  });
});
