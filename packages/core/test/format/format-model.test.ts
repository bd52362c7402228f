import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Document, isCollection, isMap, isPair, isScalar, parseDocument, visit, type Pair } from 'yaml';
import { HEALTH_MODEL_SCHEMA, compile, formatModel, formatModelTests, planModel } from '@vitals/core';
import { comments } from '../../src/format/format-model.js';
import { modelArbitrary } from '../../../../test/support/model-arbitraries.js';

const MODELS = new URL('../../../../models/', import.meta.url).pathname;
const exampleModels = readdirSync(MODELS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(MODELS, d.name)).filter((f) => f.endsWith('.yaml') && !f.endsWith('.test.yaml')).map((f) => join(d.name, f)));

const format = (text: string) => {
  const result = formatModel(text, 'model.yaml');
  if (result.value === undefined) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
  return result.value;
};

const data = (text: string) => JSON.stringify(parseDocument(text).toJS(), (_k, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v));

/** The properties a formatted model must have, whatever it looked like before. */
function expectCanonical(original: string): string {
  const once = format(original);
  expect(format(once), 'formatting twice changes nothing').toBe(once);
  expect(data(once), 'the same data').toBe(data(original));
  expect(comments(once), 'every comment kept').toEqual(comments(original));
  const before = planModel(original);
  if (before.plan !== undefined) expect(planModel(once).plan?.hash, 'the same plan').toBe(before.plan.hash);
  return once;
}

describe('formatModel on the example models', () => {
  test.each(exampleModels)('%s: idempotent, same meaning and plan, every comment kept', (path) => {
    expectCanonical(readFileSync(join(MODELS, path), 'utf8'));
  });
});

test('the README\'s tour model is in the canonical layout, as people write YAML by hand', () => {
  const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
  const tour = /## A tour of the model format[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1] as string;
  expect(tour).toContain('bands:                         # worst first');
  expect(format(tour)).toBe(tour);
});

describe('formatModel: the canonical layout', () => {
  test.each([
    ['keys in schema order at the top', 'model: m\nvitals: 1\n', 'vitals: 1\nmodel: m\n'],
    ['keys in schema order inside a metric', 'metrics:\n  a:\n    score: identity\n    value: x\n    category: c\n', 'metrics:\n  a:\n    category: c\n    value: x\n    score: identity\n'],
    ['named entries keep the author\'s order', 'inputs:\n  zeta: { type: number }\n  alpha: { type: number }\n', 'inputs:\n  zeta: { type: number }\n  alpha: { type: number }\n'],
    ['unknown keys after the known ones, in their order', 'zz: 1\nmodel: m\naa: 2\n', 'model: m\nzz: 1\naa: 2\n'],
    ['quotes only where needed; double by default', "title: 'Health'\ncolor: '#c62828'\nx: \"it's\"\n", 'title: Health\ncolor: "#c62828"\nx: it\'s\n'],
    ['a string that would read as a number or boolean stays quoted', "title: '1.0'\ndescription: 'true'\n", 'title: "1.0"\ndescription: "true"\n'],
    ['YAML 1.1\'s boolean words stay quoted, for the tools that read YAML 1.1', "values: ['Yes', \"No\", 'y', Off, Maybe]\nmap: { 'on': 1, \"Nope\": 2 }\n", 'values: ["Yes", "No", y, "Off", Maybe]\nmap: { "on": 1, Nope: 2 }\n'],
    ['numbers, booleans and nulls as written', 'precision: 2\nhysteresis: 1.50\nscale: { min: 0x0, max: 1e2 }\nx: [True, ~, +5]\n', 'scale: { min: 0x0, max: 1e2 }\nprecision: 2\nhysteresis: 1.50\nx: [True, ~, +5]\n'],
    ['keys that read as numbers or null stay as written: they are names', 'map: { 1.0: 90, 1e3: 80, 0x10: 70, ~: 60, default: 10 }\n', 'map: { 1.0: 90, 1e3: 80, 0x10: 70, ~: 60, default: 10 }\n'],
    ['an empty value stays empty', 'title:\nmodel: m\n', 'model: m\ntitle:\n'],
    ['lists without padding, mappings with', 'x: [ a, b ]\ny: {a: 1}\nz: [ {a: 1}, [ b ] ]\n', 'x: [a, b]\ny: { a: 1 }\nz: [{ a: 1 }, [b]]\n'],
    ['a list inside a string is not touched', 'title: "[ a ]"\n', 'title: "[ a ]"\n'],
    ['a comment on the line of a key whose block follows stays on that line', 'bands:   # worst first\n  - { name: red }\n', 'bands:   # worst first\n  - { name: red }\n'],
    ['a comment on a line of its own below the key stays there', 'bands:\n  # worst first\n  - { name: red }\n', 'bands:\n  # worst first\n  - { name: red }\n'],
    ['aligned comments stay aligned', 'vitals: 1      # the version\nmodel: m       # the key\n', 'vitals: 1      # the version\nmodel: m       # the key\n'],
    ['a comment keeps its column when its line gets shorter', "vitals: 1 # v\nmodel: 'm'   # k\n", 'vitals: 1 # v\nmodel: m     # k\n'],
    ['a comment pushed by a longer line follows one space after it', 'y: {a: 1} # c\n', 'y: { a: 1 } # c\n'],
    ['two-space indentation, indented sequences', 'bands:\n- name: red\n  below: 40\n- name: green\n', 'bands:\n  - name: red\n    below: 40\n  - name: green\n'],
    ['four-space indentation becomes two', 'data:\n    id: account\n', 'data:\n  id: account\n'],
    ['no folding of long lines', `description: ${'word '.repeat(40).trim()}\n`, `description: ${'word '.repeat(40).trim()}\n`],
    ['a folded block keeps its line breaks', 'description: >\n    short line\n    and another\ntitle: T\n', 'title: T\ndescription: >\n  short line\n  and another\n'],
    ['a literal block in a metric is re-indented', 'metrics:\n  a:\n    value: |\n          x + y\n    category: c\n', 'metrics:\n  a:\n    category: c\n    value: |\n      x + y\n'],
    ['comments move with their key', 'model: m # the name\n# the version\nvitals: 1\n', '# the version\nvitals: 1\nmodel: m # the name\n'],
    ['a comment above the first key stays at the top', '# about this model\nmodel: m\nvitals: 1\n', '# about this model\nvitals: 1\nmodel: m\n'],
    ['flow style is kept', 'scale: { max: 100, min: 1 }\n', 'scale: { min: 1, max: 100 }\n'],
    ['one trailing newline', 'vitals: 1\n\n\n', 'vitals: 1\n'],
    ['an alias moved before its anchor swaps with it', 'inputs:\n  x: &n { min: 0, max: 1 }\n  y: *n\nscale: *n\n', 'scale: &n { min: 0, max: 1 }\ninputs:\n  x: *n\n  y: *n\n'],
  ])('%s', (_name, input, expected) => {
    expect(expectCanonical(input)).toBe(expected);
  });

  test('the issue\'s map over enum values `1` and `1.0`: formatted, it still scores each as before', () => {
    const model = readFileSync(new URL('../../../../test/fixtures/valid/b2b-saas.yaml', import.meta.url), 'utf8')
      .replace('plan: { type: enum, values: [basic, pro, enterprise] }', 'plan: { type: enum, values: ["1", "1.0"] }')
      .replace('{ map: { basic: 30, pro: 70, enterprise: 100 } }', '{ map: { 1.0: 90, default: 10 } }');
    const formatted = expectCanonical(model);
    for (const text of [model, formatted]) {
      const scored = compile(text);
      expect(scored.evaluate({ active_users: 1, purchased_seats: 2, open_tickets: 0, plan: '1.0' }).metrics['plan_tier']?.score).toBe(90);
      expect(scored.evaluate({ active_users: 1, purchased_seats: 2, open_tickets: 0, plan: '1' }).metrics['plan_tier']?.score).toBe(10);
    }
  });

  test.each([
    ['an alias bomb', `vitals: 1\ndescription:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n${'bcdefghi'.split('').map((n, i) => `  ${n}: &${n} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(', ')}]`).join('\n')}\n`, 'yaml-alias-limit'],
    ['nesting 100 deep', `vitals: 1\ndescription: ${'['.repeat(100)}${']'.repeat(100)}\n`, 'yaml-too-deep'],
    ['a duplicate key', 'vitals: 1\nmodel: a\nmodel: b\n', 'yaml-duplicate-key'],
    ['a file over 1 MB', `vitals: 1\ndescription: ${'x'.repeat(1_000_000)}\n`, 'file-too-large'],
  ])('%s is not formatted: the loader refuses it as check does', (_, text, code) => {
    const result = formatModel(text, 'hostile.yaml');
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual([code]);
  });

  test('a test file is laid out as a test file: its own key order, records and expectations as written', () => {
    const messy = [
      'cases:',
      '  - expect: { score: 50, band: amber }   # worked out by hand',
      '    record: { z: 1, a: 2 }',
      '    name: one',
      'model: model.yaml',
      '',
    ].join('\n');
    const once = formatModelTests(messy, 'a.test.yaml').value;
    expect(once).toBe(['model: model.yaml', 'cases:', '  - name: one', '    record: { z: 1, a: 2 }', '    expect: { score: 50, band: amber }   # worked out by hand', ''].join('\n'));
    expect(formatModelTests(once as string, 'a.test.yaml').value).toBe(once);
  });

  test('text that is not YAML is not formatted: the load stage says why', () => {
    const result = formatModel('model: [unclosed\n', 'bad.yaml');
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.file])).toEqual([['yaml-syntax', 'bad.yaml']]);
  });
});

/** A small deterministic random source, so one fast-check integer drives every layout choice. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The same model written the way people write YAML: keys shuffled, strings quoted either way,
 * collections in flow or block style, comments above keys and after values, blank lines, four
 * spaces or two, sequences indented or not.
 */
function messUp(text: string, seed: number): string {
  const next = random(seed);
  // Without the generator's aliases: shuffling keys would put an alias before its anchor (the
  // formatter handles that; the table above tests it).
  const doc: Document = new Document(parseDocument(text).toJS(), { aliasDuplicateObjects: false });
  let n = 0;
  visit(doc, {
    Map(_key, map) {
      for (let i = map.items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [map.items[i], map.items[j]] = [map.items[j] as Pair, map.items[i] as Pair];
      }
    },
    Pair(_key, pair) {
      const roll = next();
      if (isScalar(pair.key) && roll < 0.15) pair.key.commentBefore = ` note ${n++}`;
      if (isScalar(pair.value) && roll > 0.9) pair.value.comment = ` why ${n++}`;
      if (isScalar(pair.key) && next() < 0.1) pair.key.spaceBefore = true;
    },
    Scalar(_key, node) {
      if (typeof node.value === 'string') node.type = (['PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE'] as const)[Math.floor(next() * 3)];
    },
  });
  visit(doc, {
    Node(_key, node) {
      if (isCollection(node) && (isMap(node) ? node.items.length > 0 : true) && !hasComments(node)) node.flow = next() < 0.4;
    },
  });
  doc.commentBefore = ' generated model';
  return doc.toString({ indent: next() < 0.5 ? 2 : 4, indentSeq: next() < 0.5, lineWidth: 0 });
}

/** The same text with every expression spaced another way and every number in another notation; comments and order kept. */
function rewriteNotation(text: string, seed: number): string {
  const next = random(seed ^ 0x5bd1e995);
  const doc = parseDocument(text);
  visit(doc, {
    Pair(_key, pair, path) {
      const value = pair.value;
      if (isScalar(pair.key) && EXPRESSION_KEYS.has(String(pair.key.value)) && !underPulse(path) && isScalar(value) && typeof value.value === 'string') value.value = respaced(value.value, next);
    },
    Scalar(_key, node) {
      if (typeof node.value === 'number') writeNumberAnotherWay(node, next);
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/** The keys whose values are expressions (formulas and conditions)... */
const EXPRESSION_KEYS = new Set(['value', 'when', 'expr']);

/** ...except `value` in the pulse scale, which is a level's name (`value: checked_in`), not a formula. */
function underPulse(path: readonly unknown[]): boolean {
  return path.some((node) => isPair(node) && isScalar(node.key) && node.key.value === 'pulse');
}

/**
 * The same expression laid out another way: spaces around operators and after commas dropped or
 * doubled, the whole wrapped in parentheses. Operators and commas inside the generator's string
 * literals (`"PRO-PLUS"`) have no spaces around them and are left alone, so the meaning stays.
 */
function respaced(expression: string, next: () => number): string {
  const spaced = expression.replace(/ ?(\+|-|\*|\/|==|!=|<=|>=|<|>|,) ?/g, (match, op: string) => {
    const roll = next();
    if (op === ',') return roll < 0.5 ? ',' : ',  ';
    if (op === '-' && !match.startsWith(' ')) return match;
    return roll < 0.4 ? op : roll < 0.7 ? `  ${op}  ` : ` ${op} `;
  });
  return next() < 0.3 ? `(${spaced})` : spaced;
}

/** `10` as `1e1` or `0xa`, `2.5` as `2.50`: the same number in another notation. */
function writeNumberAnotherWay(node: { value: unknown; format?: string; minFractionDigits?: number }, next: () => number): void {
  const value = node.value as number;
  const roll = next();
  if (Number.isInteger(value) && value > 0 && roll < 0.2) node.format = 'HEX';
  else if (value !== 0 && roll < 0.4) node.format = 'EXP';
  else if (roll < 0.6) node.minFractionDigits = (String(value).split('.')[1]?.length ?? 0) + 1;
}

/** Comments cannot live inside a flow collection's lines; only collections without them switch style. */
function hasComments(node: unknown): boolean {
  let found = false;
  visit(new Document(node), {
    Node(_key, inner) {
      found ||= Boolean((inner as { comment?: string }).comment || (inner as { commentBefore?: string }).commentBefore);
    },
  });
  return found;
}

test('a comment after a block list\'s last item, among keys to reorder, settles in one run of fmt (found by the property below)', () => {
  const messy = readFileSync(new URL('../../../../test/fixtures/format/comment-after-list.yaml', import.meta.url), 'utf8');
  expect(expectCanonical(messy)).toContain('      - basic\n');
});

describe('formatModel on generated models', () => {
  test('any layout of a valid model formats to a fixed point, with the same meaning, plan and comments', () => {
    fc.assert(
      fc.property(modelArbitrary(), fc.integer(), (model, seed) => {
        const shuffled = messUp(model.text, seed);
        const messy = rewriteNotation(shuffled, seed);
        // Layout — inside expressions too — and the notation of numbers never change the content hash.
        expect(planModel(messy).plan?.hash, 'expressions spaced and numbers written another way').toBe(planModel(shuffled).plan?.hash);
        const once = expectCanonical(messy);
        const parsed = parseDocument(once).toJS() as Record<string, Record<string, Record<string, unknown>>>;
        expect(Object.keys(parsed)).toEqual(schemaOrder(HEALTH_MODEL_SCHEMA, parsed));
        for (const metric of Object.values(parsed.metrics ?? {})) expect(Object.keys(metric)).toEqual(schemaOrder(HEALTH_MODEL_SCHEMA.properties.metrics.additionalProperties as { properties: Record<string, unknown> }, metric));
        return once.endsWith('\n');
      }),
      { numRuns: 25 },
    );
  });
});

describe('formatModel on names and numbers that read as other types', () => {
  /** Enum values a YAML reader would take for a number, null or boolean if they were written plain. */
  const TRICKY = ['1', '1.0', '1e3', '0x10', '010', '~', 'null', 'true', 'yes', '.5', '+1'];
  const BASE = readFileSync(new URL('../../../../test/fixtures/valid/b2b-saas.yaml', import.meta.url), 'utf8');

  test('map keys stay as written, formatting is idempotent, the hash and every score stay the same', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...TRICKY), { minLength: 2, maxLength: 6 }), fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 6, maxLength: 6 }), (values, scores) => {
        const keys = values.map((value, i) => `${value}: ${scores[i] as number}`).join(', ');
        const model = BASE.replace('plan: { type: enum, values: [basic, pro, enterprise] }', `plan: { type: enum, values: [${values.map((v) => JSON.stringify(v)).join(', ')}] }`)
          .replace('{ map: { basic: 30, pro: 70, enterprise: 100 } }', `{ map: { ${keys} } }`);
        const once = expectCanonical(model);
        for (const text of [model, once]) {
          const scored = compile(text);
          values.forEach((value, i) => {
            expect(scored.evaluate({ active_users: 1, purchased_seats: 2, open_tickets: 0, plan: value }).metrics['plan_tier']?.score).toBe(scores[i]);
          });
        }
      }),
      { numRuns: 20 },
    );
  });
});

/** The keys of `value` in the order a schema lists them. */
function schemaOrder(schema: { properties: Record<string, unknown> }, value: object): string[] {
  return Object.keys(schema.properties).filter((key) => key in value);
}
