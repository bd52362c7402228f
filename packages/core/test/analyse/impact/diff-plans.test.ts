import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { describeChange, diffPlans, effectiveWeights, planModel, type ModelChange, type Plan } from '@vitals/core';

const LIFECYCLE = readFileSync(new URL('../../../../../models/lifecycle-b2b/model.yaml', import.meta.url), 'utf8');

function plan(text: string): Plan {
  const { plan, diagnostics } = planModel(text);
  if (plan === undefined) throw new Error(diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
  return plan;
}

/** A change as one line: `metric ticket_load: weight 1 → 2`. */
function line(change: ModelChange): string {
  const d = describeChange(change);
  const values = d.before === null && d.after === null ? '' : d.after === null ? ` ${d.before}` : ` ${d.before ?? 'none'} → ${d.after}`;
  return `${d.entry}${d.key === null ? '' : ` ${d.key}`}: ${d.aspect}${values}`;
}

function replaced(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`the model has no ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

const base = plan(LIFECYCLE);
const changesOf = (head: string) => diffPlans(base, plan(head)).changes.map(line);

describe('diffPlans on lifecycle-b2b: one line per change, in model order', () => {
  test.each<[string, string, string, string[]]>([
    ['a category weight', '  product: { title: Product usage, weight: 50 }', '  product: { title: Product usage, weight: 60 }', ['category product: weight 50 → 60']],
    ['a model band threshold, reported once (not again for every category and metric that has the model bands)', '{ name: red, below: 50,', '{ name: red, below: 45,', ['model: red band below 50 → below 45']],
    ['a metric given bands of its own', '    score: { linear: { from: 0.2, to: 0.8 } }\n', '    score: { linear: { from: 0.2, to: 0.8 } }\n    bands: [ { name: red, below: 35 }, { name: amber, below: 75 }, { name: green } ]\n', ['metric seat_utilisation: red band below 50 → below 35', 'metric seat_utilisation: red band title At risk → none', 'metric seat_utilisation: red band color #c62828 → none', 'metric seat_utilisation: amber band title Watch → none', 'metric seat_utilisation: amber band color #f9a825 → none', 'metric seat_utilisation: green band title Healthy → none', 'metric seat_utilisation: green band color #2e7d32 → none']],
    ['a score method', 'score: { linear: { from: 10, to: 0 } }', 'score: { linear: { from: 12, to: 0 } }', ['metric ticket_load: score { linear: { from: 10, to: 0 } } → { linear: { from: 12, to: 0 } }']],
    ['a formula', 'value: active_users / licensed_seats', 'value: active_users / (licensed_seats + 1)', ['metric seat_utilisation: value formula active_users / licensed_seats → active_users / (licensed_seats + 1)']],
    ['a missing-data policy', "    value: delta(open_tickets)\n", "    value: delta(open_tickets)\n    missing: { score: 50 }\n", ['metric ticket_trend: missing data exclude → { score: 50 }']],
    ['a metric weight', "    value: delta(open_tickets)\n", "    value: delta(open_tickets)\n    weight: 2\n", ['metric ticket_trend: weight 1 → 2']],
    ['a metric moved to another category', "    category: support\n    value: delta(open_tickets)", "    category: product\n    value: delta(open_tickets)", ['metric ticket_trend: category support → product']],
    ['the roll-up', 'rollup: weighted_mean', 'rollup: { weakest_link: { margin: 5 } }', ['model: roll-up weighted_mean → { weakest_link: { margin: 5 } }']],
    ['minimum coverage', 'min_coverage: 0.5', 'min_coverage: 0.6', ['model: minimum coverage 0.5 → 0.6']],
    ['hysteresis', 'hysteresis: 3', 'hysteresis: 2', ['model: hysteresis 3 → 2']],
    ["the pulse's shelf life: every level without its own moves, one change", 'shelf_life: 60d', 'shelf_life: 45d', ['pulse: shelf life 60d → 45d']],
    ["one level's shelf life", 'score: 1, shelf_life: 30d }', 'score: 1, shelf_life: 20d }', ['pulse: level severe_risk shelf life 30d → 20d']],
    ['a level score', '{ value: at_risk, title: At Risk, score: 40 }', '{ value: at_risk, title: At Risk, score: 35 }', ['pulse: level at_risk score 40 → 35']],
    ['pulse decay', 'stale: { decay: { to: 50, over: 60d } }', 'stale: { decay: { to: 40, over: 90d } }', ['pulse: stale pulse policy { decay: { to: 50, over: 60d } } → { decay: { to: 40, over: 90d } }']],
    ['a benchmark', '{ stage: adopt, segment: high_touch, score: 70 }', '{ stage: adopt, segment: high_touch, score: 75 }', ['benchmark adopt.high_touch: score 70 → 75']],
    ['a benchmark added', '  - { stage: renew, category: sentiment, score: 70 }', '  - { stage: renew, category: sentiment, score: 70 }\n  - { stage: renew, category: product, score: 60 }', ['benchmark renew.product: added']],
    ['a playbook condition', 'when: pulse.stale\n', 'when: pulse.stale and score < 80\n', ['playbook pulse_stale: condition pulse.stale → pulse.stale and score < 80']],
    ['a cooldown', 'cooldown: 45d', 'cooldown: 30d', ['playbook pulse_stale: cooldown 45d → 30d']],
    ['a playbook renamed (same definition, new key and title)', '  pulse_stale:\n    title: CSM pulse is stale', '  stale_pulse:\n    title: The pulse is old', ['playbook stale_pulse: renamed from pulse_stale', 'playbook stale_pulse: title CSM pulse is stale → The pulse is old']],
    ['a metric renamed', '  ticket_load:\n', '  open_ticket_load:\n', ['metric open_ticket_load: renamed from ticket_load']],
    ['an input read from another column', '  licensed_seats: { type: integer, min: 0 }', '  licensed_seats: { type: integer, min: 0, column: seats_licensed }', ['input licensed_seats: column licensed_seats → seats_licensed']],
    ['an input made required', '  licensed_seats: { type: integer, min: 0 }', '  licensed_seats: { type: integer, min: 0, required: true }', ['input licensed_seats: required false → true']],
  ])('%s', (_name, from, to, expected) => {
    expect(changesOf(replaced(LIFECYCLE, from, to))).toEqual(expected);
  });

  test('comments and layout only: no change (equal content hashes)', () => {
    const head = replaced(LIFECYCLE, '  product: { title: Product usage, weight: 50 }', '  # the heaviest category\n  product:\n    weight: 50      # half the score\n    title: "Product usage"');
    const diff = diffPlans(base, plan(`# reviewed in March\n${head}`));
    expect(diff.base.hash).toBe(diff.head.hash);
    expect(diff.unchanged).toBe(true);
    expect(diff.changes).toEqual([]);
  });

  test('a formula written differently but reading the same (spaces, redundant parentheses): no change, though the text differs', () => {
    const head = replaced(LIFECYCLE, 'value: active_users / licensed_seats', 'value: (active_users/licensed_seats)');
    const diff = diffPlans(base, plan(head));
    expect(diff.unchanged).toBe(true);
    expect(diff.changes).toEqual([]);
  });

  test('a removed playbook and a removed metric carry their definition as it was written', () => {
    const head = replaced(LIFECYCLE, LIFECYCLE.slice(LIFECYCLE.indexOf('  ready_for_reference:'), LIFECYCLE.length), '');
    const changes = diffPlans(base, plan(head)).changes;
    expect(changes.map(line)).toEqual(['playbook ready_for_reference: removed']);
    expect(changes[0]).toMatchObject({ path: 'playbooks.ready_for_reference', before: { title: 'Ready to be a reference', priority: 'low', when: 'score >= 90 and pulse.value == "extremely_satisfied" and not pulse.stale' }, after: null });
  });

  test('every change says where --set would address it', () => {
    const head = replaced(replaced(LIFECYCLE, '{ name: red, below: 50,', '{ name: red, below: 45,'), '  product: { title: Product usage, weight: 50 }', '  product: { title: Product usage, weight: 60 }');
    expect(diffPlans(base, plan(head)).changes.map((c) => c.path)).toEqual(['bands.red', 'categories.product.weight']);
  });
});

describe('renames', () => {
  const model = (metrics: string) => `vitals: 1
model: renames
bands: [ { name: red, below: 40 }, { name: green } ]
inputs: { usage: { type: number }, seats: { type: number } }
categories: { product: { weight: 1 } }
metrics:
${metrics}
playbooks:
  low_usage: { when: metrics.usage_ratio.score < 40, action: Call them. }
`;
  const before = model('  usage_ratio: { category: product, value: usage / seats, score: { linear: { from: 0, to: 1 } } }\n  usage_band: { category: product, value: metrics.usage_ratio.score, score: identity }');

  test('a metric whose key changed but whose definition did not is a rename, and references to it follow', () => {
    const after = model('  seat_usage: { category: product, value: usage / seats, score: { linear: { from: 0, to: 1 } } }\n  usage_band: { category: product, value: metrics.seat_usage.score, score: identity }').replace('metrics.usage_ratio.score < 40', 'metrics.seat_usage.score < 40');
    const diff = diffPlans(plan(before), plan(after));
    // The formula of usage_band and the playbook's condition now name seat_usage: the same meaning.
    expect(diff.changes.map(line)).toEqual(['metric seat_usage: renamed from usage_ratio']);
    expect(diff.weights.map((w) => [w.key, w.before, w.after])).toEqual([['seat_usage', 0.5, 0.5], ['usage_band', 0.5, 0.5]]);
  });

  test('a new key with another definition is a removal and an addition, not a rename', () => {
    const after = model('  seat_usage: { category: product, value: usage / seats, score: { linear: { from: 0, to: 2 } } }\n  usage_band: { category: product, value: metrics.seat_usage.score, score: identity }').replace('metrics.usage_ratio.score < 40', 'metrics.seat_usage.score < 40');
    expect(diffPlans(plan(before), plan(after)).changes.map(line)).toEqual([
      'metric seat_usage: added',
      'metric usage_band: value formula metrics.usage_ratio.score → metrics.seat_usage.score',
      'metric usage_ratio: removed',
      'playbook low_usage: condition metrics.usage_ratio.score < 40 → metrics.seat_usage.score < 40',
    ]);
  });
});

describe('effective weights', () => {
  const model = (weights: [number, number, number]) => `vitals: 1
model: weights
bands: [ { name: red, below: 40 }, { name: green } ]
inputs: { a: { type: number }, b: { type: number }, c: { type: number } }
categories: { usage: { weight: 2 }, people: { weight: 1 } }
metrics:
  a: { category: usage, value: a, score: identity, weight: ${weights[0]} }
  b: { category: usage, value: b, score: identity, weight: ${weights[1]} }
  c: { category: usage, value: c, score: identity, weight: ${weights[2]} }
  d: { category: people, value: a, score: identity }
`;

  test('weights are relative: 3/7/11 in a category holding two thirds of the score are 9.5%, 22.2% and 34.9% of it', () => {
    const weights = effectiveWeights(plan(model([3, 7, 11])));
    const usage = weights.categories[0];
    expect(usage?.share).toBeCloseTo(2 / 3, 12);
    expect(usage?.metrics.map((m) => [m.key, Number((m.share_of_category * 100).toFixed(1)), Number((m.share * 100).toFixed(1))])).toEqual([
      ['a', 14.3, 9.5],
      ['b', 33.3, 22.2],
      ['c', 52.4, 34.9],
    ]);
    expect(weights.categories[1]?.metrics[0]?.share).toBeCloseTo(1 / 3, 12);
  });

  test('the diff gives each metric its share before and after', () => {
    const diff = diffPlans(plan(model([3, 7, 11])), plan(model([1, 1, 1])));
    const percent = (share: number | null) => Number(((share as number) * 100).toFixed(2));
    expect(diff.weights.map((w) => [w.key, percent(w.before), percent(w.after)])).toEqual([
      ['a', 9.52, 22.22],
      ['b', 22.22, 22.22],
      ['c', 34.92, 22.22],
      ['d', 33.33, 33.33],
    ]);
    expect(diff.category_weights.map((w) => [w.key, w.before, w.after])).toEqual([
      ['usage', 2 / 3, 2 / 3],
      ['people', 1 / 3, 1 / 3],
    ]);
  });
});
