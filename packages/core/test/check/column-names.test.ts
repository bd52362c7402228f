import { columnClashes, metricColumnStem } from '@vitals/core';
import { expect, test } from 'vitest';

test.each([
  ['a metric with its own key', ['product'], 'seat_utilisation', 'seat_utilisation'],
  ['a metric keyed like its one-metric category', ['household', 'billing'], 'household', 'household_metric'],
])('%s', (_name, categories, metric, stem) => {
  expect(metricColumnStem(metric, new Set(categories))).toBe(stem);
});

test.each([
  ['distinct keys: no clash', ['product'], ['usage', 'tickets'], []],
  ['a metric and a category of one key: resolved by the _metric stem', ['household'], ['household'], []],
  ['a third entry keyed <key>_metric: a category', ['usage', 'usage_metric'], ['usage'], [['usage', 'usage_metric_score', 'category usage_metric']]],
  ['a third entry keyed <key>_metric: a metric listed first', ['usage'], ['usage_metric', 'usage'], [['usage', 'usage_metric_value', 'metric usage_metric']]],
])('%s', (_name, categories, metrics, expected) => {
  expect(columnClashes(categories, metrics).map((c) => [c.metric, c.column, `${c.first.kind} ${c.first.key}`])).toEqual(expected);
});
