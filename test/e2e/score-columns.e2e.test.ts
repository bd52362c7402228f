import { describe, expect, test } from 'vitest';
import { expectValid, ndjson, vitals } from './support/run-cli.js';

const LIFECYCLE = ['models/lifecycle-b2b/model.yaml', '--data', 'models/lifecycle-b2b/sample.csv'];

/** A CSV without quoted commas, as `{ column: cell }` per row. */
function csvRecords(text: string): Record<string, string>[] {
  const [head, ...lines] = text.trimEnd().split('\n');
  const names = (head ?? '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i], cell])));
}

describe('score --format csv|ndjson|json carries the detail --explain knows', () => {
  test('CSV: each metric, the change since the last snapshot, the pulse and the override, as flat columns', async () => {
    const run = await vitals(['score', ...LIFECYCLE, '--format', 'csv']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(
      'row,line,id,as_of,status,reason,score,band,coverage,product_score,product_band,support_score,support_band,sentiment_score,sentiment_band,' +
        'stage,segment,owner,value,benchmark,gap,below_benchmark,playbooks,previous_as_of,score_delta,band_previous,band_changed,pulse,pulse_age_days,pulse_stale,' +
        'override,override_reason,score_computed,band_computed,seat_utilisation_value,seat_utilisation_score,seat_utilisation_band,' +
        'usage_trend_value,usage_trend_score,usage_trend_band,ticket_load_value,ticket_load_score,ticket_load_band,' +
        'ticket_trend_value,ticket_trend_score,ticket_trend_band,csm_pulse_value,csm_pulse_score,csm_pulse_band,issues',
    );
    const rows = csvRecords(run.stdout);
    // acme, 2026-03-31: 62 of 100 seats is 0.62 → linear 0.2..0.8 gives 70; 72.5 → 66.38 is −6.12 and
    // leaves green; the pulse of 2026-01-15 is 16 + 28 + 31 = 75 days old, past its 60-day shelf life.
    expect(rows[2]).toMatchObject({
      id: 'acme', as_of: '2026-03-31', score: '66.38', band: 'amber',
      previous_as_of: '2026-02-28', score_delta: '-6.12', band_previous: 'green', band_changed: 'true',
      pulse: 'very_satisfied', pulse_age_days: '75', pulse_stale: 'true',
      seat_utilisation_value: '0.62', seat_utilisation_score: '70', seat_utilisation_band: 'amber',
      playbooks: 'pulse_stale;dropped_to_amber', override: '', owner: 'Dana Scott', value: '120000',
    });
    // An account's first snapshot has nothing to compare with; globex's override replaced 64 amber with green.
    expect(rows[0]).toMatchObject({ previous_as_of: '', score_delta: '', band_changed: '', usage_trend_value: '', usage_trend_score: '' });
    expect(rows[5]).toMatchObject({ id: 'globex', score: '64', band: 'green', override: 'active', override_reason: 'Renewal signed; usage data lags', score_computed: '64', band_computed: 'amber' });
  });

  test('NDJSON nests the same values: metrics, change, pulse and override objects (null when absent), valid against the schema', async () => {
    const rows = ndjson((await vitals(['score', ...LIFECYCLE, '--format', 'ndjson'])).stdout) as Record<string, unknown>[];
    for (const row of rows) expectValid('score-row', row);
    expect(rows[2]).toMatchObject({
      change: { previous_as_of: '2026-02-28', score_delta: -6.12, previous_band: 'green', band_changed: true },
      pulse: { value: 'very_satisfied', age_days: 75, stale: true },
      override: null,
      metrics: { seat_utilisation: { value: 0.62, score: 70, band: 'amber' }, usage_trend: { value: -20, score: 60, band: 'amber' } },
    });
    expect(rows[0]?.change).toBeNull();
  });

  test('--columns keeps only the columns named, in the order named; * matches any text', async () => {
    const csv = await vitals(['score', ...LIFECYCLE, '--format', 'csv', '--columns', 'id, score,band,*_trend_score']);
    expect(csv.stdout.split('\n').slice(0, 3)).toEqual(['id,score,band,usage_trend_score,ticket_trend_score', 'acme,93.5,green,,', 'acme,72.5,green,60,50']);
    const json = await vitals(['score', ...LIFECYCLE, '--format', 'json', '--columns', 'id,score_delta,csm_pulse_score']);
    const document = JSON.parse(json.stdout) as { rows: unknown[] };
    expect(document.rows.slice(0, 2)).toEqual([
      { id: 'acme', change: null, metrics: { csm_pulse: { score: 85 } } },
      { id: 'acme', change: { score_delta: -21 }, metrics: { csm_pulse: { score: 85 } } },
    ]);
  });

  test.each([
    [['--format', 'csv', '--columns', 'id,scor,seat_utilisation'], /^vitals: --columns: `scor` \(did you mean `score`\?\), `seat_utilisation` \(did you mean `seat_utilisation_\*`\?\) name no column of this model\nits columns: row, line, id,/],
    [['--format', 'csv', '--columns', 'nothing_*'], /^vitals: --columns: `nothing_\*` names no column of this model/],
    [['--columns', 'id,score'], /^vitals: --columns applies only to --format csv, ndjson or json/],
  ])('a --columns that names no column is refused before any row is read: %j', async (args, message) => {
    const run = await vitals(['score', ...LIFECYCLE, ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });
});
