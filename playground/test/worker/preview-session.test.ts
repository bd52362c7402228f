import { readFileSync } from 'node:fs';
import { createScorer, compileModel } from '@vitals/core';
import { describe, expect, test } from 'vitest';
import { PreviewSession } from '../../src/worker/preview-session.js';
import { readData } from '../../src/worker/read-data.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const SAAS = read('../../../models/saas-seven-metrics/model.yaml');
const LIFECYCLE = read('../../../models/lifecycle-b2b/model.yaml');

function session(dataName: string, dataText: string | Uint8Array): PreviewSession {
  const s = new PreviewSession('compiled', () => 0);
  const { info, rows } = readData(dataName, dataText);
  s.setData(info, rows);
  return s;
}

describe('PreviewSession', () => {
  test('scores the data with the model: one summary, every account counted once', () => {
    const s = session('sample.csv', read('../../../models/saas-seven-metrics/sample.csv'));
    const { diagnostics, preview } = s.evaluate({ text: SAAS, file: 'model.yaml', asOf: null });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(preview?.counts.rows).toBe(40);
    expect(preview?.summary.count).toBe(40);
    expect(preview?.summary.bands.reduce((n, b) => n + b.count, 0)).toBe(preview?.summary.scored);
    expect(preview?.engine).toBe('compiled');
  });

  test('a model with an error gives its diagnostics at line and column, no preview, and keeps the last good one for the table', () => {
    const s = session('sample.csv', read('../../../models/saas-seven-metrics/sample.csv'));
    s.evaluate({ text: SAAS, file: 'model.yaml', asOf: null });
    const broken = SAAS.replace('value: monthly_active_users / purchased_seats', 'value: monthly_active_users / purchased_seat');
    const line = broken.split('\n').findIndex((l) => l.includes('/ purchased_seat')) + 1;
    const { diagnostics, preview } = s.evaluate({ text: broken, file: 'model.yaml', asOf: null });
    expect(preview).toBeNull();
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'unknown-name', line, column: (broken.split('\n')[line - 1] as string).indexOf('purchased_seat') + 1 }));
    expect(s.accounts()?.ids).toHaveLength(40);
  });

  test('the accounts table, scored when asked for, follows the latest model that compiled', () => {
    const s = session('sample.csv', read('../../../models/saas-seven-metrics/sample.csv'));
    const bandCounts = (table: ReturnType<PreviewSession['accounts']>) => [0, 1, 2].map((band) => table?.band.filter((b) => b === band).length);
    const first = s.evaluate({ text: SAAS, file: 'model.yaml', asOf: null }).preview;
    expect(bandCounts(s.accounts())).toEqual(first?.summary.bands.map((b) => b.count));
    // A numeric edit (the warm path): the table is scored again with the new threshold, not kept from the first model.
    const edited = s.evaluate({ text: SAAS.replace('name: amber, below: 70', 'name: amber, below: 85'), file: 'model.yaml', asOf: null }).preview;
    expect(edited?.summary.bands.map((b) => b.count)).not.toEqual(first?.summary.bands.map((b) => b.count));
    expect(bandCounts(s.accounts())).toEqual(edited?.summary.bands.map((b) => b.count));
    expect(s.accounts()?.ids).toHaveLength(40);
  });

  test('a bad row is listed with its row, line and field, and a column the model needs and the data lacks is named', () => {
    const s = session('accounts.csv', read('../fixtures/saas-bad-row-missing-column.csv'));
    const { preview } = s.evaluate({ text: SAAS, file: 'model.yaml', asOf: null });
    expect(preview?.missingColumns).toEqual([{ column: 'open_tickets', input: 'open_tickets', suggestion: null }]);
    expect(preview?.badRowCount).toBe(1);
    expect(preview?.badRows).toEqual([{ row: 2, line: 3, field: 'monthly_active_users', code: 'not-a-number', message: expect.stringContaining('not a number') }]);
    expect(preview?.counts).toMatchObject({ rows: 3, invalid: 1 });
  });

  test('a row that is not a record (wrong field count) is listed too, and the rest are scored', () => {
    const text = `${read('../../../models/saas-seven-metrics/sample.csv').split('\n').slice(0, 3).join('\n')}\nshort-row,1,2\n`;
    const { preview } = session('accounts.csv', text).evaluate({ text: SAAS, file: 'model.yaml', asOf: null });
    expect(preview?.badRows).toEqual([{ row: 3, line: 4, field: null, code: 'wrong-field-count', message: 'has 3 fields; the header has 14' }]);
    expect(preview?.summary.scored).toBe(2);
  });

  test('with snapshot history, each account counts once at its latest snapshot; the drill-down is the full run’s latest result', () => {
    const data = read('../../../models/lifecycle-b2b/sample.csv');
    const s = session('sample.csv', data);
    const { preview } = s.evaluate({ text: LIFECYCLE, file: 'model.yaml', asOf: null });
    const { rows } = readData('sample.csv', data);
    const accounts = new Set(rows.map((r) => r.record?.['account_id']));
    expect(preview?.counts.accounts).toBe(accounts.size);
    expect(preview?.summary.count).toBe(accounts.size);

    const model = compileModel(LIFECYCLE).model;
    const scorer = createScorer(model!.evaluator);
    const latest = new Map(rows.map((r) => [r.record?.['account_id'], scorer.score(r.record!)]));
    const explained = s.explain('acme');
    expect(explained?.history).toHaveLength(rows.filter((r) => r.record?.['account_id'] === 'acme').length);
    expect(explained?.result).toEqual(latest.get('acme'));
    expect(explained?.next_band.band).toBe(latest.get('acme')?.band);
  });

  // The data is read by @vitals/data, as the CLI reads it: these cases are the CLI's reading rules, seen from the playground.
  const csv = read('../../../models/saas-seven-metrics/sample.csv');
  const [header = '', ...body] = csv.trimEnd().split('\n');
  test.each([
    { name: 'a TSV file, by its name', file: 'accounts.tsv', content: csv.replaceAll(',', '\t'), rows: 40, error: null },
    { name: 'a JSON array', file: 'accounts.json', content: JSON.stringify(readData('a.csv', csv).rows.map((r) => r.record)), rows: 40, error: null },
    { name: 'CSV as bytes with a byte-order mark', file: 'accounts.csv', content: new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)]), rows: 40, error: null },
    { name: 'an unclosed quote: the rows before it are kept and scored', file: 'accounts.csv', content: `${header}\n${body.slice(0, 5).join('\n')}\n"unclosed,1,2\n`, rows: 5, error: /accounts\.csv:7:1: a quoted field starts here and is never closed/ },
    { name: 'a spreadsheet, told by its bytes', file: 'accounts.csv', content: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), rows: 0, error: /Excel 97–2003 workbook/ },
  ])('reads $name', ({ file, content, rows, error }) => {
    const { info } = readData(file, content);
    if (error === null) expect(info.error).toBeNull();
    else expect(info.error).toMatch(error);
    const s = session(file, content);
    expect(s.evaluate({ text: SAAS, file: 'model.yaml', asOf: null }).preview?.counts).toMatchObject({ rows, invalid: 0 });
  });

  test('a column the data spells differently is named with the header it most likely meant', () => {
    const text = csv.replace('purchased_seats', 'Purchased Seats');
    const { preview } = session('accounts.csv', text).evaluate({ text: SAAS, file: 'model.yaml', asOf: null });
    expect(preview?.missingColumns).toEqual([{ column: 'purchased_seats', input: 'purchased_seats', suggestion: 'Purchased Seats' }]);
  });

  test('a model without an as-of field is scored as of the date given', () => {
    const pulse = read('../../../models/csm-sentiment-pulse/model.yaml').replace(/\n\s*as_of: snapshot_date/, '').replace(/\n\s*cooldown: .*/g, '');
    const data = read('../../../models/csm-sentiment-pulse/sample.csv');
    const early = session('sample.csv', data).evaluate({ text: pulse, file: 'model.yaml', asOf: '2026-02-01' }).preview;
    const late = session('sample.csv', data).evaluate({ text: pulse, file: 'model.yaml', asOf: '2027-02-01' }).preview;
    expect(early?.summary.pulses.stale).toBeLessThan(late?.summary.pulses.stale ?? 0);
    expect(late?.summary.pulses.stale).toBe(late?.summary.pulses.present);
  });
});

describe('PreviewSession: the core impact analysis, as `vitals simulate` and `vitals diff` run it', () => {
  const data = read('../../../models/saas-seven-metrics/sample.csv');

  test('simulating a threshold moved up moves accounts to a worse band, and the matrix says which', () => {
    const s = session('sample.csv', data);
    s.evaluate({ text: SAAS, file: 'model.yaml', asOf: null });
    const none = s.simulate([{ path: 'bands.amber', value: 70 }]).impact?.data;
    expect(none?.band_changes.changed).toBe(0);
    const moved = s.simulate([{ path: 'bands.amber', value: 90 }]);
    expect(moved.problems).toEqual([]);
    expect(moved.text).toContain('below: 90');
    const d = moved.impact?.data;
    expect(d?.band_changes.changed).toBeGreaterThan(0);
    expect(d?.band_changes.better).toBe(0);
    const [from, to] = [d?.transitions.from ?? [], d?.transitions.to ?? []];
    const green = from.findIndex((state) => state.band === 'green');
    const amber = to.findIndex((state) => state.band === 'amber');
    expect(d?.transitions.counts[green]?.[amber]).toBe(d?.band_changes.changed);
  });

  test('a value the model refuses gives its problem, placed, and no impact', () => {
    const s = session('sample.csv', data);
    s.evaluate({ text: SAAS, file: 'model.yaml', asOf: null });
    const refused = s.simulate([{ path: 'metrics.no_such_metric.weight', value: 2 }]);
    expect(refused.impact).toBeNull();
    expect(refused.problems.join(' ')).toMatch(/no_such_metric/);
  });

  test('compare: the model as loaded against the model as edited, with the changes of meaning', () => {
    const s = session('sample.csv', data);
    s.evaluate({ text: SAAS.replace('name: amber, below: 70', 'name: amber, below: 80'), file: 'model.yaml', asOf: null });
    const impact = s.compare(SAAS).impact;
    expect(impact?.change.changes).toContainEqual(expect.objectContaining({ section: 'bands', path: 'bands.amber', before: 70, after: 80 }));
    expect(impact?.data.band_changes.worse).toBeGreaterThan(0);
  });

  test('compare: the model as loaded is compiled once per text, and a newly loaded text is compared, not the one before', () => {
    const s = session('sample.csv', data);
    const edited = SAAS.replace('name: amber, below: 70', 'name: amber, below: 80');
    s.evaluate({ text: edited, file: 'model.yaml', asOf: null });
    const bandChange = (base: string) => s.compare(base).impact?.change.changes.find((c) => c.path === 'bands.amber');
    expect(bandChange(SAAS)).toEqual(expect.objectContaining({ before: 70, after: 80 }));
    expect(bandChange(SAAS)).toEqual(expect.objectContaining({ before: 70, after: 80 }));
    // Another model loaded (amber below 75): compared afresh.
    expect(bandChange(SAAS.replace('name: amber, below: 70', 'name: amber, below: 75'))).toEqual(expect.objectContaining({ before: 75, after: 80 }));
    // The edited text loaded as is: nothing changed.
    expect(bandChange(edited)).toBeUndefined();
  });
});
