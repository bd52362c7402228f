import type { ColumnGuess, DataGuess } from '@vitals/data';
import { inputKey } from '@vitals/data';

/** A weighted model with more metrics than this is linted (`too-many-metrics`). */
const MAX_METRICS = 8;
/** Numbers that are codes or places, not measures: never a starter metric. */
const NOT_A_MEASURE = /(^|_)(id|key|code|zip|zip_code|postal|postcode|lat|latitude|lon|lng|longitude|phone|year)$/;

/**
 * The text of a starter model for a real file: every column an input with the type its values
 * suggest (mapped with `column:` where the header is not a stable key), the id and as-of fields
 * guessed, and one metric per measure-like numeric column, scored linearly between its 10th and
 * 90th percentiles. Columns no metric reads are listed as commented-out inputs, so the model
 * checks without a warning and the next input is one uncommented line away.
 */
export function modelFromData(guess: DataGuess, file: string): string {
  const idKey = keyOf(guess, guess.id);
  const asOfKey = keyOf(guess, guess.asOf);
  const metrics = pickMetrics(guess);
  const used = new Set([guess.id, guess.asOf, ...metrics.map((m) => m.column)]);
  const declared = guess.columns.filter((c) => used.has(c.column));
  const others = guess.columns.filter((c) => !used.has(c.column));
  const name = inputKey(file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, ''));
  const lines = [
    `# A starter model for ${file}, written by \`vitals init --from\` from its ${guess.rows.toLocaleString('en-US')} rows.`,
    '# The types are guesses from the values; each metric scores a column linearly between its 10th and',
    '# 90th percentile, higher is better. Make it yours: decide what healthy means, then run',
    '#   vitals check model.yaml',
    `#   vitals score model.yaml --data ${file}`,
    'vitals: 1',
    `model: ${name}_health`,
    `title: ${scalar(`${titleOf(name)} health (starter)`)}`,
    'bands:',
    '  - { name: red, below: 40 }',
    '  - { name: amber, below: 70 }',
    '  - { name: green }',
    ...(idKey === null ? [] : ['', `data: { id: ${idKey}${asOfKey === null ? '' : `, as_of: ${asOfKey}`} }`]),
    '',
    '# `column:` is the header as the file writes it; the key before it is the stable name the model uses.',
    'inputs:',
    ...declared.map((c) => `  ${c.key}: ${inputEntry(c, c.column === guess.id)}`),
    ...(others.length === 0 ? [] : ['  # More columns of the file, with the type their values suggest. Uncomment one to use it', '  # in a metric or a playbook (an input nothing reads is a warning):']),
    ...others.map((c) => `  # ${c.key}: ${inputEntry(c, false)}`),
    '',
    'categories:',
    '  usage: { weight: 1 }',
    '',
    'metrics:',
    ...metrics.flatMap((c) => metricEntry(c)),
    '',
  ];
  return `${lines.join('\n')}\n`;
}

function keyOf(guess: DataGuess, column: string | null): string | null {
  return column === null ? null : (guess.columns.find((c) => c.column === column)?.key ?? null);
}

/** Numeric columns that vary, are not codes or the id, in file order; a boolean or enum when there are none. */
function pickMetrics(guess: DataGuess): ColumnGuess[] {
  const candidates = guess.columns.filter((c) => c.column !== guess.id && c.column !== guess.asOf);
  const measures = candidates.filter((c) => (c.type === 'number' || c.type === 'integer') && !NOT_A_MEASURE.test(c.key) && c.range !== undefined && c.range.max > c.range.min);
  if (measures.length > 0) return measures.slice(0, MAX_METRICS);
  const categorical = candidates.find((c) => c.type === 'boolean' || (c.type === 'enum' && (c.values?.length ?? 0) >= 2));
  return categorical === undefined ? [] : [categorical];
}

function inputEntry(c: ColumnGuess, id: boolean): string {
  // An id repeats over snapshots, but it is a name, not a list of values to keep up to date.
  const type = id && c.type === 'enum' ? 'string' : c.type;
  const parts = [`type: ${type}`];
  if (c.column !== c.key) parts.push(`column: ${scalar(c.column)}`);
  if (type === 'enum') parts.push(`values: [${(c.values ?? []).map(scalar).join(', ')}]`);
  if ((c.type === 'number' || c.type === 'integer') && c.range !== undefined && c.range.min >= 0 && !id) parts.push('min: 0');
  if (id) parts.push('required: true');
  return `{ ${parts.join(', ')} }`;
}

function metricEntry(c: ColumnGuess): string[] {
  const head = [`  ${c.key}:`, '    category: usage', `    value: ${c.key}`];
  if (c.type === 'boolean') return [...head, '    score: { map: { "true": 100, "false": 1 } }   # or the other way round'];
  if (c.type === 'enum') {
    const values = c.values ?? [];
    const step = values.length > 1 ? 99 / (values.length - 1) : 0;
    const entries = values.map((v, i) => `${scalar(v)}: ${Math.round(100 - i * step)}`);
    return [...head, `    score: { map: { ${entries.join(', ')} } }   # most frequent first: rescore them`];
  }
  const { p10, p90, min, max } = c.range as NonNullable<ColumnGuess['range']>;
  const [from, to] = p90 > p10 ? [p10, p90] : [min, max];
  return [...head, `    score: { linear: { from: ${number(from)}, to: ${number(to)} } }   # if lower is better, swap from and to`];
}

function number(value: number): string {
  return String(Number(value.toPrecision(6)));
}

function titleOf(key: string): string {
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A YAML scalar for flow style: plain when it reads back as the same text, else double-quoted. */
function scalar(text: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_ ./()+-]*$/.test(text) && !/ $|\s#|: /.test(text) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(text);
  return plain ? text : JSON.stringify(text);
}
