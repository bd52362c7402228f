import { seededRandom, type Random } from '../data/random.js';
import { MISSING_SHARE } from '../data/seven-metric-accounts.js';

/**
 * A larger model, generated: `categories` categories of `perCategory` metrics each (40 by
 * default, in 8 categories) cycling through the kinds of metric real models have — ratios scored
 * linearly, month-over-month changes scored in steps, enum and boolean maps, and expressions
 * with functions — with their own bands on some, an imputed score on others, a geometric and a
 * weakest-link category, and playbooks reading metrics, categories and the overall result.
 */
export interface LargeModel {
  readonly text: string;
  readonly metrics: number;
  readonly categories: number;
  readonly playbooks: number;
  /** A deterministic table of records for it, about 2% of the values missing. */
  readonly accounts: (count: number, seed?: number) => Record<string, unknown>[];
}

type Kind = 'ratio' | 'change' | 'level' | 'flag' | 'capped';
const KINDS: readonly Kind[] = ['ratio', 'change', 'level', 'capped', 'flag'];

export function largeModel(categories = 8, perCategory = 5): LargeModel {
  const metrics = Array.from({ length: categories * perCategory }, (_, i) => ({ i, kind: KINDS[i % KINDS.length] as Kind, category: Math.floor(i / perCategory) }));
  const lines = [
    'vitals: 1',
    'model: large_generated',
    `title: Generated model — ${metrics.length} metrics in ${categories} categories`,
    'scale: { min: 1, max: 100 }',
    'precision: 2',
    'bands:',
    '  - { name: red, below: 40 }',
    '  - { name: amber, below: 70 }',
    '  - { name: green }',
    'data: { id: account_id }',
    'inputs:',
    '  account_id: { type: string, required: true }',
    ...metrics.flatMap(inputLines),
    'categories:',
    ...Array.from({ length: categories }, (_, c) => `  c${c}: { weight: ${10 + ((c * 7) % 20)}${c === 1 ? ', rollup: geometric' : c === 2 ? ', rollup: { weakest_link: { margin: 15 } }' : ''} }`),
    'metrics:',
    ...metrics.flatMap(metricLines),
    'rollup: weighted_mean',
    'missing: { policy: exclude, min_coverage: 0.5 }',
    'playbooks:',
    ...playbookLines(categories),
  ];
  return { text: `${lines.join('\n')}\n`, metrics: metrics.length, categories, playbooks: categories + 2, accounts: (count, seed = 40) => accounts(metrics, count, seed) };
}

function inputLines({ i, kind }: { i: number; kind: Kind }): string[] {
  switch (kind) {
    case 'ratio':
      return [`  m${i}_used: { type: integer, min: 0 }`, `  m${i}_total: { type: integer, min: 0 }`];
    case 'change':
      return [`  m${i}_now: { type: number, min: 0 }`, `  m${i}_before: { type: number, min: 0 }`];
    case 'level':
      return [`  m${i}_level: { type: enum, values: [none, low, medium, high] }`];
    case 'flag':
      return [`  m${i}_flag: { type: boolean }`];
    case 'capped':
      return [`  m${i}_done: { type: number, min: 0 }`, `  m${i}_planned: { type: number, min: 0 }`];
  }
}

function metricLines({ i, kind, category }: { i: number; kind: Kind; category: number }): string[] {
  const head = [`  m${i}:`, `    category: c${category}`];
  if (i % 3 === 0) head.push('    weight: 2');
  if (i % 4 === 1) head.push('    bands: [{ name: red, below: 50 }, { name: amber, below: 75 }, { name: green }]');
  if (i % 6 === 5) head.push('    missing: { score: 50 }');
  switch (kind) {
    case 'ratio':
      return [...head, `    value: m${i}_used / m${i}_total`, `    score: { linear: { from: ${0.1 + (i % 3) * 0.05}, to: 0.9 } }`];
    case 'change':
      return [...head, `    value: (m${i}_now - m${i}_before) / m${i}_before * 100`, '    score: { steps: [{ below: -20, score: 15 }, { below: 0, score: 50 }, { below: 15, score: 80 }, { score: 100 }] }'];
    case 'level':
      return [...head, `    value: m${i}_level`, '    score: { map: { none: 5, low: 35, medium: 70, high: 100 } }'];
    case 'flag':
      return [...head, `    value: m${i}_flag`, '    score: { map: { "true": 100, "false": 25 } }'];
    case 'capped':
      return [...head, `    value: min(m${i}_done / max(m${i}_planned, 1), 1.5)`, '    score: { linear: { from: 0.2, to: 1.2 } }'];
  }
}

function playbookLines(categories: number): string[] {
  const lines: string[] = [];
  for (let c = 0; c < categories; c++) {
    lines.push(`  c${c}_slipping:`, `    when: categories.c${c}.score < 35 and score >= 40`, '    priority: medium', '    owner: CSM', `    action: Review category c${c} with the account team.`);
  }
  lines.push('  at_risk:', '    when: band == "red" and metrics.m0.band == "red"', '    priority: critical', '    owner: CS lead', '    action: Open a save plan this week.');
  lines.push('  thin_data:', '    when: coverage < 0.8', '    priority: low', '    owner: CS ops', '    action: Fix the data feed for this account.');
  return lines;
}

function accounts(metrics: readonly { i: number; kind: Kind }[], count: number, seed: number): Record<string, unknown>[] {
  const random = seededRandom(seed);
  const out: Record<string, unknown>[] = new Array(count);
  for (let n = 0; n < count; n++) {
    const record: Record<string, unknown> = { account_id: `acct-${String(n + 1).padStart(7, '0')}` };
    for (const metric of metrics) fill(record, metric, random);
    // Built key by key, a 65-field object is left in V8's slow dictionary mode; a record parsed
    // from JSON or CSV is not, so each record is rebuilt in one go.
    out[n] = Object.fromEntries(Object.entries(record));
  }
  return out;
}

function fill(record: Record<string, unknown>, { i, kind }: { i: number; kind: Kind }, random: Random): void {
  const gap = <T>(value: T): T | null => (random.chance(MISSING_SHARE) ? null : value);
  switch (kind) {
    case 'ratio': {
      const total = random.int(1, 400);
      record[`m${i}_used`] = gap(random.int(0, total));
      record[`m${i}_total`] = gap(total);
      return;
    }
    case 'change': {
      const before = random.real(0, 1000, 1);
      record[`m${i}_now`] = gap(random.real(0, before * 1.5 + 10, 1));
      record[`m${i}_before`] = gap(before);
      return;
    }
    case 'level':
      record[`m${i}_level`] = gap(random.pick(['none', 'low', 'medium', 'high']));
      return;
    case 'flag':
      record[`m${i}_flag`] = gap(random.chance(0.7));
      return;
    case 'capped': {
      record[`m${i}_done`] = gap(random.real(0, 50, 1));
      record[`m${i}_planned`] = gap(random.real(0, 40, 1));
      return;
    }
  }
}
