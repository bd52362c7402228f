import { afterEach, describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { SqlTranslationError, compiledEvaluator, planModel, planToSql, type ScoreResult } from '@vitals/core';
import { ENGINES, carried, pick, planOf } from '../support/evaluators.js';

/**
 * Model text arrives in pull requests and in a browser: it must never run. Every free-text place of
 * a model (titles, descriptions, enum values, map keys, string literals in expressions, pulse
 * levels, playbook owners and actions, benchmark stages and segments) gets a payload that would
 * run code if it reached the generated JavaScript or SQL unescaped; none may, and each must come
 * back as the same text. The SQL payloads try each dialect's way out of a literal or a name
 * (a doubled quote, a backslash escape, a dollar quote, a comment, a line break, dbt's Jinja).
 */
export const PAYLOADS = [
  '"); globalThis.__pwned = "double-quote"; ("',
  "'); globalThis.__pwned = 'single-quote'; ('",
  '`${globalThis.__pwned = "template"}`',
  '\u2028globalThis.__pwned = "line-separator"; //',
  '*/ globalThis.__pwned = "comment"; /*',
  '\\"); globalThis.__pwned = "backslash"; //',
  '</script><script>globalThis.__pwned = "html"</script>',
  '\ud800 lone surrogate \udfff',
  'constructor',
  '__proto__',
  "'); DROP TABLE canary; --",
  "' OR '1' = '1",
  "\\'; DROP TABLE canary; --",
  '"; DROP TABLE canary; --',
  '`; DROP TABLE canary; --',
  '$$; DROP TABLE canary; $$',
  "x\n; DROP TABLE canary; -- \r\n'y",
  "{{ run_query('DROP TABLE canary') }}{% endraw %}{# #}",
];

/** SQL cannot carry a lone surrogate (its text is UTF-8): the query is refused, never written with U+FFFD. */
const UNENCODABLE = (payload: string) => /[\ud800-\udfff]/.test(payload);

declare global {
  // eslint-disable-next-line no-var
  var __pwned: unknown;
}

function hostileModel(payload: string): string {
  const other = `${payload} (other)`;
  return stringify({
    vitals: 1,
    model: 'hostile',
    title: payload,
    description: payload,
    bands: [{ name: 'red', below: 40, title: payload }, { name: 'green', title: payload }],
    data: { id: 'account', as_of: 'day', segment: 'segment', stage: 'stage' },
    inputs: {
      tier: { type: 'enum', values: [payload, other], title: payload, description: payload },
      stage: { type: 'enum', values: [payload, other] },
      segment: { type: 'enum', values: [payload, other] },
      note: { type: 'string', title: payload },
    },
    categories: { main: { weight: 1, title: payload, description: payload } },
    metrics: {
      tiered: { category: 'main', title: payload, description: payload, value: 'tier', score: { map: { [payload]: 90, [other]: 10 } } },
      noted: { category: 'main', value: `if(note == ${JSON.stringify(payload)} and tier in [${JSON.stringify(payload)}], 80, 20)`, score: 'identity' },
    },
    pulse: { field: 'pulse', recorded_at: 'pulse_day', scale: [{ value: payload, title: payload, score: 100 }, { value: other, score: 1 }] },
    benchmarks: [{ stage: payload, segment: payload, score: 50 }, { stage: other, score: 60 }],
    playbooks: {
      fires: { title: payload, description: payload, owner: payload, action: payload, when: `tier == ${JSON.stringify(payload)} and pulse.value == ${JSON.stringify(payload)}` },
    },
  });
}

afterEach(() => {
  delete globalThis.__pwned;
});

describe.each(ENGINES)('no model text runs as code on the $name engine', (engine) => {
  const sql = engine.name === 'duckdb' || engine.name === 'postgres';
  test.skipIf(engine.unavailable !== undefined).each(PAYLOADS)('payload %j', async (payload) => {
    const plan = planOf(hostileModel(payload));
    if (sql && UNENCODABLE(payload)) {
      expect(() => planToSql(plan, engine.name as 'duckdb')).toThrow(SqlTranslationError);
      return;
    }
    const other = `${payload} (other)`;
    const records = [
      { account: payload, day: '2026-03-01', tier: payload, stage: payload, segment: payload, note: payload, pulse: payload, pulse_day: '2026-02-20' },
      { account: other, day: '2026-03-01', tier: other, stage: other, segment: other, note: other, pulse: other, pulse_day: '2026-02-20' },
    ];
    const [result, contrast] = (await engine.score(plan, records)) as [ScoreResult, ScoreResult];
    expect(globalThis.__pwned).toBeUndefined();
    const expectCarried = (r: ScoreResult, path: string, value: unknown) => {
      const wanted = carried(engine, path, value);
      if (wanted === undefined) return;
      if (typeof wanted === 'object' && wanted !== null && !Array.isArray(wanted)) expect(pick(r, path), path).toMatchObject(wanted);
      else expect(pick(r, path), path).toEqual(wanted);
    };
    expect(result.status).toBe('scored');
    expect(result.id).toBe(payload);
    expectCarried(result, 'metrics.tiered', { value: payload, score: 90 });
    expectCarried(result, 'metrics.noted', { score: 80 });
    expectCarried(result, 'pulse', { value: payload, title: payload });
    expect(result.benchmark).toBe(50);
    expect(result.playbooks.map((p) => p.key)).toEqual(['fires']);
    if (engine.carries('playbooks.why')) {
      expect(result.playbooks).toEqual([
        { key: 'fires', title: payload, priority: 'medium', owner: payload, action: payload, why: [{ ref: 'tier', value: payload }, { ref: 'pulse.value', value: payload }] },
      ]);
    }
    // The other value reads as itself: no comparison was turned into one that always holds.
    expect(contrast.id).toBe(other);
    expectCarried(contrast, 'metrics.tiered', { value: other, score: 10 });
    expectCarried(contrast, 'metrics.noted', { score: 20 });
    expect(contrast.benchmark).toBe(60);
    expect(contrast.playbooks).toEqual([]);
    expect(Object.prototype).not.toHaveProperty('__pwned');
  });
});

test('the generated source embeds model text only as JSON string literals', () => {
  const payload = PAYLOADS[0] as string;
  const { plan } = planModel(hostileModel(payload));
  const source = compiledEvaluator(plan as NonNullable<typeof plan>).source;
  expect(source).toContain(JSON.stringify(payload));
  const withoutStringLiterals = source.replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
  expect(withoutStringLiterals).not.toContain('__pwned');
});
