import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { compileModel, createScorer } from '@vitals/core';
import { describe, expect, test } from 'vitest';
import { withParsedNumbers } from '../../src/worker/parsed-records.js';
import { readData } from '../../src/worker/read-data.js';

const MODELS = new URL('../../../models/', import.meta.url);
const examples = readdirSync(MODELS).filter((name) => existsSync(new URL(`${name}/sample.csv`, MODELS)));
const read = (path: string) => readFileSync(new URL(path, MODELS), 'utf8');

/** Every result of the model over the rows, as the preview scores them. */
function scores(model: string, rows: ReturnType<typeof readData>['rows']) {
  const compiled = compileModel(model, { file: 'model.yaml' }).model;
  if (compiled === undefined) throw new Error('the model does not compile');
  const scorer = createScorer(compiled.evaluator, { asOf: 20_000 });
  return rows.map((row) => (row.record === null ? null : scorer.score(row.record)));
}

describe('withParsedNumbers', () => {
  test.each(examples)('%s: the same results, to the field, from parsed records as from the text', (name) => {
    const { rows } = readData('sample.csv', read(`${name}/sample.csv`));
    expect(scores(read(`${name}/model.yaml`), withParsedNumbers(rows))).toEqual(scores(read(`${name}/model.yaml`), rows));
  });

  // Texts a number input, an id (string), an enum and a count read differently from a plain number, each in a bad-value message too.
  test.each(['012', '1.50', '+4', '1e3', '.5', '-0', 'NaN', 'Infinity', '9007199254740993', '12345678901234567890', ' 7', '7 ', '0x10', '-3.25', '40', '0'])(
    '%s reads as its text does, in every column',
    (text) => {
      const csv = read('saas-seven-metrics/sample.csv').trimEnd().split('\n');
      const header = (csv[0] as string).split(',');
      const rows = header.map((_, column) => csv.slice(1, 3).map((line) => line.split(',').map((cell, i) => (i === column ? (/[ ,]/.test(text) ? `"${text}"` : text) : cell)).join(',')).join('\n'));
      const data = readData('edge.csv', `${csv[0]}\n${rows.join('\n')}\n`).rows;
      expect(scores(read('saas-seven-metrics/model.yaml'), withParsedNumbers(data))).toEqual(scores(read('saas-seven-metrics/model.yaml'), data));
    },
  );

  test('numbers are parsed, other texts kept as written, and a field no column has reads as absent', () => {
    const [row] = withParsedNumbers(readData('a.csv', 'id,n,x\n007,1.5,1.50\n').rows);
    expect(row?.record).toEqual({ id: '007', n: 1.5, x: '1.50' });
    expect(row?.record?.['toString']).toBeUndefined();
  });
});
