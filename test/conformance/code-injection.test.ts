import { afterEach, describe, expect, test } from 'vitest';
import { SqlTranslationError, compiledEvaluator, planModel, planToSql, type ScoreResult } from '@vitals/core';
import { ENGINES, expectCarried, planOf } from '../support/evaluators.js';
import { PAYLOADS, UNENCODABLE, hostileModel } from '../support/hostile-model.js';

/**
 * Model text arrives in pull requests and in a browser: it must never run. Every free-text place of
 * a model (titles, descriptions, enum values, map keys, string literals in expressions, pulse
 * levels, playbook owners and actions, benchmark stages and segments) gets a payload that would
 * run code if it reached the generated JavaScript or SQL unescaped; none may, and each must come
 * back as the same text. The SQL payloads try each dialect's way out of a literal or a name
 * (a doubled quote, a backslash escape, a dollar quote, a comment, a line break, dbt's Jinja).
 */
declare global {
  // eslint-disable-next-line no-var
  var __pwned: unknown;
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
    expect(result.status).toBe('scored');
    expect(result.id).toBe(payload);
    expectCarried(engine, result, 'metrics.tiered', { value: payload, score: 90 });
    expectCarried(engine, result, 'metrics.noted', { score: 80 });
    expectCarried(engine, result, 'pulse', { value: payload, title: payload });
    expect(result.benchmark).toBe(50);
    expect(result.playbooks.map((p) => p.key)).toEqual(['fires']);
    if (engine.carries('playbooks.why')) {
      expect(result.playbooks).toEqual([
        { key: 'fires', title: payload, priority: 'medium', owner: payload, action: payload, why: [{ ref: 'tier', value: payload }, { ref: 'pulse.value', value: payload }] },
      ]);
    }
    // The other value reads as itself: no comparison was turned into one that always holds.
    expect(contrast.id).toBe(other);
    expectCarried(engine, contrast, 'metrics.tiered', { value: other, score: 10 });
    expectCarried(engine, contrast, 'metrics.noted', { score: 20 });
    expect(contrast.benchmark).toBe(60);
    expect(contrast.playbooks).toEqual([]);
    expect(Object.prototype).not.toHaveProperty('__pwned');
  });
});

// `data`: the playground's code, with each expression a function of its own.
test.each(['inline', 'data'] as const)('the generated source (numbers %s) embeds model text only as JSON string literals', (numbers) => {
  const payload = PAYLOADS[0] as string;
  const { plan } = planModel(hostileModel(payload));
  const source = compiledEvaluator(plan as NonNullable<typeof plan>, { numbers }).source;
  expect(source).toContain(JSON.stringify(payload));
  const withoutStringLiterals = source.replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
  expect(withoutStringLiterals).not.toContain('__pwned');
});
