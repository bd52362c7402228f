import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { editModel, editedModel, formatModel, parseEdit, type ModelEdit } from '@vitals/core';

const SAAS = readFileSync(new URL('../../../../models/saas-seven-metrics/model.yaml', import.meta.url), 'utf8');

function edit(text: string): ModelEdit {
  const { value, issues } = parseEdit(text);
  if (value === undefined) throw new Error(issues.map((i) => i.message).join('\n'));
  return value;
}

/** The lines an edit changed: [removed, added], so a test reads like the patch a reviewer sees. */
function changedLines(before: string, after: string): [string[], string[]] {
  const [a, b] = [before.split('\n'), after.split('\n')];
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return [a.slice(start, a.length - end), b.slice(start, b.length - end)];
}

describe('editModel: only the edited value changes, in place', () => {
  test.each<[string, string[], string[]]>([
    ['categories.product.weight=60', ['  product: { title: Product usage, weight: 50 }'], ['  product: { title: Product usage, weight: 60 }']],
    ['metrics.seat_utilisation.bands.red=35', ['      - { name: red, below: 50 }'], ['      - { name: red, below: 35 }']],
    ['bands.amber=65', ['  - { name: amber, below: 70, title: Watch, color: "#f9a825" }'], ['  - { name: amber, below: 65, title: Watch, color: "#f9a825" }']],
    ['bands.amber.below=65', ['  - { name: amber, below: 70, title: Watch, color: "#f9a825" }'], ['  - { name: amber, below: 65, title: Watch, color: "#f9a825" }']],
    ['bands.red.title=Danger, zone', ['  - { name: red, below: 40, title: At risk, color: "#c62828" }'], ['  - { name: red, below: 40, title: "Danger, zone", color: "#c62828" }']],
    ['metrics.data_ingested_trend.score.steps.1.below=-10', ['        - { below: -5, score: 45 }'], ['        - { below: -10, score: 45 }']],
    ['metrics.csm_rag.score={ map: { red: 10, amber: 50, green: 100 } }', ['    score: { map: { red: 15, amber: 55, green: 100 } }'], ['    score: { map: { red: 10, amber: 50, green: 100 } }']],
    ['missing.min_coverage=0.7', ['missing: { policy: exclude, min_coverage: 0.6 }'], ['missing: { policy: exclude, min_coverage: 0.7 }']],
    ['rollup=geometric', ['rollup: weighted_mean'], ['rollup: geometric']],
    // a field left to its default is added beside its siblings
    ['metrics.feature_adoption.weight=3', [], ['    weight: 3']],
    ['hysteresis=2', [], ['hysteresis: 2']],
    // a metric that inherits the model's bands gets its own copy, with the one threshold moved
    ['metrics.feature_adoption.bands.red=35', [], ['    bands: [{ name: red, below: 35, title: At risk, color: "#c62828" }, { name: amber, below: 70, title: Watch, color: "#f9a825" }, { name: green, title: Healthy, color: "#2e7d32" }]']],
    // a block scalar is replaced whole, and the line after it stays
    ['description=Short.', ['description: >', '  Product usage carries half the score, the relationship (engagement) 30% and the CSM\'s', '  own red/amber/green 20%. Missing data is left out and the other weights renormalised;', '  an account with less than 60% of the weight backed by data gets no score.'], ['description: Short.']],
  ])('%s', (text, removed, added) => {
    const result = editModel(SAAS, [edit(text)]);
    expect(result.issues).toEqual([]);
    expect(changedLines(SAAS, result.value as string)).toEqual([removed, added]);
  });

  test('fields added where `vitals fmt` puts them: the canonical layout of a formatted model survives', () => {
    const result = editModel(SAAS, ['metrics.feature_adoption.weight=3', 'hysteresis=2', 'metrics.outreach_vs_target.bands.red=35', 'categories.product.rollup=geometric'].map(edit)).value as string;
    expect(formatModel(SAAS).value).toBe(SAAS);
    expect(formatModel(result).value).toBe(result);
    expect(result).toContain('  feature_adoption:\n    title: Share of licensed features in use\n    category: product\n    value: features_adopted / features_available\n    score: { linear: { from: 0.1, to: 0.7 } }\n    weight: 3\n');
  });

  test('a value already as it should be leaves the file as it is', () => {
    const written = SAAS.replace('weight: 50 }', 'weight: 50.0 }');
    expect(editModel(written, [edit('categories.product.weight=50')]).value).toBe(written);
  });

  test('several edits in order, every comment kept', () => {
    const result = editModel(SAAS, [edit('categories.product.weight=60'), edit('bands.red=35'), edit('metrics.seat_utilisation.weight=3')]).value as string;
    const comments = (text: string) => text.split('\n').filter((l) => l.trimStart().startsWith('#'));
    expect(comments(result)).toEqual(comments(SAAS));
    expect(result).toContain('product: { title: Product usage, weight: 60 }');
    expect(result).toContain('{ name: red, below: 35, title: At risk');
    expect(result).toContain('    weight: 3\n');
  });
});

describe('a path that leads nowhere, or a value that is not YAML, is an issue with a hint — never an exception', () => {
  test.each<[string, string, string | undefined]>([
    ['categories.prodct.weight=60', 'the model has no category `prodct`', 'did you mean `product`?'],
    ['metrics.seat_utilsation.bands.red=35', 'the model has no metric `seat_utilsation`', 'did you mean `seat_utilisation`?'],
    ['metrics.seat_utilisation.bands.purple=35', 'the model has no band `purple`', 'expected one of `red`, `amber`, `green`'],
    ['bands.5=35', '`bands` has no field `5`', 'expected one of `0`, `1`, `2`'],
    ['metricz.seat_utilisation.weight=2', 'the model has no `metricz`', 'did you mean `metrics`?'],
    ['rollup.margin=5', '`rollup` is `weighted_mean`, so it has no `margin`', 'set `rollup` itself, e.g. `rollup={ … }`'],
    ['metrics.csm_rag=', '`metrics.csm_rag=` is not PATH=VALUE', 'write the path as the model file nests it, then `=` and the value: `categories.product.weight=60`, `metrics.seat_utilisation.bands.red=35`'],
    ['weight 60', '`weight 60` is not PATH=VALUE', 'write the path as the model file nests it, then `=` and the value: `categories.product.weight=60`, `metrics.seat_utilisation.bands.red=35`'],
    ['title=[unclosed', 'the value is not a YAML value: Flow sequence must end with a ]', 'quote text that holds YAML punctuation: `title="Health: B2B"`'],
  ])('%s', (text, message, hint) => {
    const parsed = parseEdit(text);
    const issue = parsed.value === undefined ? parsed.issues[0] : editModel(SAAS, [parsed.value]).issues[0];
    expect(issue?.message).toBe(message);
    expect(issue?.hint).toBe(hint);
    expect(issue?.edit).toBe(text);
  });

  test('a value that makes the model invalid: the model compiles to nothing and its diagnostics say why, in the edited text', () => {
    const result = editedModel(SAAS, [edit('categories.product.weight=-5')], { file: 'model.yaml' });
    expect(result.model).toBeUndefined();
    const error = result.diagnostics.find((d) => d.severity === 'error');
    expect(error).toMatchObject({ code: 'out-of-range', line: 39 });
    expect(result.text?.split('\n')[38]).toBe('  product: { title: Product usage, weight: -5 }');
  });

  test('a misspelt field name is added, and the schema names the field it meant', () => {
    const result = editedModel(SAAS, [edit('categories.product.weigth=60')]);
    expect(result.model).toBeUndefined();
    expect(result.diagnostics.find((d) => d.severity === 'error')).toMatchObject({ code: 'unknown-field', hint: 'did you mean `weight`?' });
  });
});
