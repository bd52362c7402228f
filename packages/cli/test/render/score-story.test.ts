import { compile } from '@vitals/core';
import { describe, expect, test } from 'vitest';
import { scoreStory } from '../../src/render/score-story.js';

const model = (extra: string) =>
  compile(
    `
vitals: 1
model: story
${extra.includes('scale:') ? '' : 'scale: { min: 0, max: 100 }'}
precision: 2
bands: [{ name: red, below: 40 }, { name: amber, below: 70 }, { name: green }]
data: { id: account, as_of: day }
inputs: { account: { type: string, required: true }, day: { type: date }, usage: { type: number }, logins: { type: number }, tickets: { type: number } }
categories:
  usage: { title: Usage, weight: 1 }
  support: { weight: 1 }
metrics:
  usage: { category: usage, value: usage, score: identity }
  logins: { category: usage, value: logins, score: identity }
  tickets: { category: support, value: tickets, score: identity }
${extra}
`,
    { file: 'story.yaml' },
  );

const story = (extra: string, ...records: Record<string, unknown>[]) => {
  const m = model(extra);
  const scorer = m.scorer();
  let last;
  for (const [i, record] of records.entries()) last = scorer.score({ account: 'a', day: `2026-0${i + 1}-01`, ...record });
  return { lines: scoreStory(last!, m.plan), result: last! };
};

describe('scoreStory: why the score is not the sum of the contributions, or the band not the thresholds\'', () => {
  test('weakest_link caps the score at the worst category + margin, and says so with both numbers', () => {
    // usage (9.25 + 9.25) / 2 = 9.25, support 57.83: the mean is 33.54; 9.25 + 15 = 24.25 caps it
    const { lines, result } = story('rollup: { weakest_link: { margin: 15 } }', { usage: 9.25, logins: 9.25, tickets: 57.83 });
    expect(result.score).toBe(24.25);
    expect(lines).toEqual(['Score: contributions add up to 33.54, capped at the worst category (Usage 9.25) + margin 15 = 24.25 (weakest link).']);
  });

  test('weakest_link that does not bite says so', () => {
    const { lines } = story('rollup: { weakest_link: { margin: 15 } }', { usage: 60, logins: 60, tickets: 70 });
    expect(lines).toEqual(['Score: contributions add up to 65; the weakest-link cap, the worst category (Usage 60) + margin 15 = 75, does not bite.']);
  });

  test('a geometric mean is named, with the weighted average it differs from', () => {
    // √(16 × 64) = 32, against (16 + 64) / 2 = 40
    const { lines, result } = story('rollup: geometric\nscale: { min: 1, max: 100 }', { usage: 16, logins: 16, tickets: 64 });
    expect(result.score).toBe(32);
    expect(lines).toEqual(['Score: a weighted geometric mean, 32 — the contributions (a weighted average) add up to 40; a low category pulls a geometric mean down further.']);
  });

  test('a weighted mean needs no story', () => {
    expect(story('rollup: weighted_mean', { usage: 16, logins: 16, tickets: 64 }).lines).toEqual([]);
  });

  test('hysteresis holding the previous band', () => {
    // 75 is green; 68 is amber by the thresholds, but within 5 of the boundary at 70
    const { lines, result } = story('hysteresis: 5', { usage: 75, logins: 75, tickets: 75 }, { usage: 68, logins: 68, tickets: 68 });
    expect(result.band).toBe('green');
    expect(lines).toEqual(['Band: green held by hysteresis — 68 is amber by the thresholds, but a band changes only 5 past the boundary (70).']);
  });

  test('untrusted titles are made safe', () => {
    const m = compile(
      `
vitals: 1
model: story
scale: { min: 0, max: 100 }
bands: [{ name: red, below: 50 }, { name: green }]
inputs: { usage: { type: number }, tickets: { type: number } }
categories: { usage: { title: "Use\\u001b[31m", weight: 1 }, support: { weight: 1 } }
metrics: { usage: { category: usage, value: usage, score: identity }, tickets: { category: support, value: tickets, score: identity } }
rollup: { weakest_link: { margin: 10 } }
`,
      { file: 'hostile.yaml' },
    );
    expect(scoreStory(m.evaluate({ usage: 10, tickets: 90 }), m.plan)[0]).toContain('(Use\\u001b[31m 10)');
  });
});
