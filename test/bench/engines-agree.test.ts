import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { compile, type ScoreResult } from '@vitals/core';
import { checkAgreement } from '../../bench/check/agreement.js';
import { sevenMetricAccounts, type SevenMetricAccount } from '../../bench/data/seven-metric-accounts.js';
import { scoresOf } from '../../bench/engines/engine-scores.js';
import { sevenMetricScorers } from '../../bench/suites/seven-metric-contenders.js';

/**
 * The bench compares vitals with a hand-written scorer and four rule engines only after each agrees
 * with vitals on every account. This keeps that true between bench runs: on 2,000 seeded accounts
 * (boundary values and missing data included), every implementation gives vitals' scores and bands.
 */
const text = readFileSync(new URL('../../models/saas-seven-metrics/model.yaml', import.meta.url), 'utf8');
const model = compile(text);
const scorers = sevenMetricScorers(model, text).filter((s) => s.compares !== 'self');
const accounts = sevenMetricAccounts(2_000, 11);

afterAll(() => {
  for (const scorer of scorers) scorer.dispose?.();
});

describe('every implementation of the seven-metric model in the bench agrees with vitals', () => {
  test.each(scorers.map((s) => [s.name, s] as const))('%s', async (_, scorer) => {
    const evaluate = (a: SevenMetricAccount): ScoreResult => model.evaluate(a);
    const expected = scorer.compares === 'full' ? evaluate : (a: SevenMetricAccount) => scoresOf(evaluate(a));
    const report = await checkAgreement(scorer.name, accounts, expected, scorer.score);
    expect(report.examples).toEqual([]);
    expect(report.checked).toBe(2_000);
  });
});
