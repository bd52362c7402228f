import { compile, createDistribution, pullingDown, summariseBook } from '@vitals/core';
import { describe, expect, test } from 'vitest';

const model = (bands: string, data = '{ id: account }') =>
  compile(
    `
vitals: 1
model: book
scale: { min: 0, max: 100 }
bands: ${bands}
data: ${data}
inputs: { account: { type: string, required: true }, usage: { type: number }, logins: { type: number }, arr: { type: number }, csm: { type: string } }
categories: { product: { weight: 1 } }
metrics:
  usage: { category: product, value: usage, score: identity, weight: 3 }
  logins: { category: product, value: logins, score: identity, weight: 1 }
`,
    { file: 'book.yaml' },
  );

describe('with bandEdges, histogram bins follow the bands', () => {
  test.each([
    ['[{ name: red, below: 50 }, { name: green }]', ['0–10 red', '10–20 red', '20–30 red', '30–40 red', '40–50 red', '50–60 green', '60–70 green', '70–80 green', '80–90 green', '90–100 green']],
    // 75 is a bin edge; 72.5 is one too: a 70 edge would leave a 2.5-wide sliver, so it gives way
    ['[{ name: red, below: 42.5 }, { name: amber, below: 72.5 }, { name: green }]', ['0–10 red', '10–20 red', '20–30 red', '30–42.5 red', '42.5–50 amber', '50–60 amber', '60–72.5 amber', '72.5–80 green', '80–90 green', '90–100 green']],
  ])('%s', (bands, expected) => {
    const m = model(bands);
    const distribution = createDistribution(m.plan, { bandEdges: true });
    for (const usage of [41, 42.5, 72.4, 72.5]) distribution.add(m.evaluate({ account: 'a', usage, logins: usage }));
    const bins = distribution.summary().histogram;
    expect(bins.map((b) => `${b.from}–${b.to} ${b.band}`)).toEqual(expected);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(4);
    // without bandEdges (the playground compares bins before and after a threshold moves): ten equal bins
    const equal = createDistribution(m.plan);
    expect(equal.summary().histogram.map((b) => b.to)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  });
});

describe('summariseBook', () => {
  const m = model('[{ name: red, below: 50 }, { name: green }]', '{ id: account, value: arr, owner: csm }');
  const entry = (record: Record<string, unknown>) => {
    const result = m.evaluate(record);
    return { result, value: typeof record.arr === 'number' ? record.arr : null, owner: (record.csm as string | undefined) ?? null, pullingDown: pullingDown(m.plan, result) };
  };

  test('accounts to act on: the worst band, the most valuable first; the metric losing most weighted points pulls down', () => {
    const book = summariseBook(m.plan, [
      entry({ account: 'small', usage: 10, logins: 90, arr: 1000, csm: 'Dana' }),
      entry({ account: 'big', usage: 40, logins: 10, arr: 9000, csm: 'Lee' }),
      entry({ account: 'fine', usage: 90, logins: 90, arr: 5000, csm: 'Dana' }),
    ]);
    expect(book.actOn.map((a) => [a.id, a.pulling_down, a.reasons])).toEqual([
      ['big', 'usage', ['worst-band']], // usage loses 0.75 × 60 = 45 points, logins 0.25 × 90 = 22.5
      ['small', 'usage', ['worst-band']],
    ]);
    expect(book.value?.bands.map((b) => [b.name, b.count, b.value])).toEqual([['red', 2, 10000], ['green', 1, 5000]]);
    expect(book.owners?.map((o) => [o.owner, o.accounts, o.value, o.bands])).toEqual([
      ['Lee', 1, 9000, { red: 1, green: 0 }],
      ['Dana', 2, 6000, { red: 1, green: 1 }],
    ]);
  });
});
