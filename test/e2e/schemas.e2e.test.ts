import { expect, test } from 'vitest';
import { ndjson, schema, vitals } from './support/run-cli.js';

/** The schemas must describe the outputs closely enough to catch a change in them, not accept anything. */
const row = ndjson((await vitals(['score', 'models/saas-seven-metrics/model.yaml', '--data', 'models/saas-seven-metrics/sample.csv', '--format', 'ndjson'])).stdout)[0] as Record<string, unknown>;

test.each([
  ['the real row', (r: Record<string, unknown>) => r, true],
  ['an unknown status', (r: Record<string, unknown>) => ({ ...r, status: 'maybe' }), false],
  ['a field renamed', ({ score, ...r }: Record<string, unknown>) => ({ ...r, overall_score: score }), false],
  ['a field missing', ({ band: _band, ...r }: Record<string, unknown>) => r, false],
  ['another format version', (r: Record<string, unknown>) => ({ ...r, format_version: 2 }), false],
  ['a row number of 0', (r: Record<string, unknown>) => ({ ...r, row: 0 }), false],
  ['an as-of that is not a date', (r: Record<string, unknown>) => ({ ...r, as_of: '31/10/2026' }), false],
])('score-row.schema.json: %s → %s', (_name, change, valid) => {
  expect(schema('score-row')(change(row))).toBe(valid);
});
