import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, compileModel, ModelError, planModel } from '@vitals/core';
import { afterAll, describe, expect, test } from 'vitest';
import { at, describeDiagnostic, formatExpectation, type Expectation } from './expectations.js';
import { INVALID_FIXTURES_DIR, invalidFixtures } from './fixture-files.js';
import { chain, GENERATED_CASES, nested, VALID_MODEL, withValue } from './generated-cases.js';

/**
 * The model file is hostile input: whatever it holds, the core answers with diagnostics — never a
 * throw, a hang (each test has a timeout) or a changed prototype.
 */
const HANG_GUARD_MS = 20_000;

const OBJECT_PROTOTYPE = Object.getOwnPropertyNames(Object.prototype).sort();
const ARRAY_PROTOTYPE = Object.getOwnPropertyNames(Array.prototype).sort();
const expectPrototypesClean = () => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(OBJECT_PROTOTYPE);
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(ARRAY_PROTOTYPE);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
};
afterAll(expectPrototypesClean);

const replaceOnce = (text: string, from: string, to: string) => {
  if (!text.includes(from)) throw new Error(`${JSON.stringify(from)} is not in the model`);
  return text.replace(from, to);
};

/** Every diagnostic, in the fixtures' notation (with the quoted text). */
const report = (source: string) => compileModel(source).diagnostics.map((d) => describeDiagnostic(d, source, true));
const expectExactly = (source: string, expected: readonly Expectation[]) =>
  expect(report(source).sort()).toEqual(expected.map(formatExpectation).sort());

describe('every bad input gives diagnostics through every entry point, never a throw or a changed prototype', () => {
  const inputs: [string, () => string | Uint8Array][] = [
    ...invalidFixtures().map((path): [string, () => string] => [`fixture ${path}`, () => readFileSync(join(INVALID_FIXTURES_DIR, path), 'utf8')]),
    ...GENERATED_CASES.map((c): [string, () => string | Uint8Array] => [`generated: ${c.name}`, c.source]),
  ];
  test.each(inputs)('%s', (_, source) => {
    const input = source();
    const planned = planModel(input, 'hostile.yaml');
    const compiled = compileModel(input, { file: 'hostile.yaml', engine: 'reference' });
    expect(compiled.diagnostics).toEqual(planned.diagnostics);
    if (compiled.model === undefined) {
      expect(() => compile(input, { file: 'hostile.yaml' })).toThrow(ModelError);
      expect(planned.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    }
    expectPrototypesClean();
  }, HANG_GUARD_MS);
});

describe('prototype names as names, in every named place', () => {
  // `__proto__` is not an identifier (it starts with `_`); `constructor` and `prototype` are, and are reserved.
  const CODE: Record<string, string> = { __proto__: 'invalid-name', constructor: 'reserved-name', prototype: 'reserved-name' };
  const PLACES: [string, (name: string) => [model: string, after: string]][] = [
    ['an input', (name) => [replaceOnce(VALID_MODEL, '  plan: {', `  ${name}: { type: number }\n  plan: {`), 'inputs:']],
    ['a category', (name) => [replaceOnce(VALID_MODEL, '  support: {', `  ${name}: { weight: 10 }\n  support: {`), 'categories:']],
    ['a metric', (name) => [`${VALID_MODEL}  ${name}:\n    category: product\n    value: active_users\n    score: identity\n`, 'plan_tier:']],
    ['a playbook', (name) => [`${VALID_MODEL}playbooks:\n  ${name}:\n    when: band == "red"\n    action: Call the account\n`, 'playbooks:']],
    ['a band of the model', (name) => [replaceOnce(VALID_MODEL, '{ name: green }', `{ name: ${name} }`), 'bands:']],
    [
      "a category's own band",
      (name) => [replaceOnce(VALID_MODEL, '  product: { weight: 60 }', `  product: { weight: 60, bands: [{ name: low, below: 50 }, { name: ${name} }] }`), 'bands: [{ name: low, below: 50 }, { name: '],
    ],
    [
      "a metric's own band",
      (name) => [replaceOnce(VALID_MODEL, '    score: { linear: { from: 0.1, to: 0.9 } }\n', `    score: { linear: { from: 0.1, to: 0.9 } }\n    bands: [{ name: low, below: 50 }, { name: ${name} }]\n`), 'bands: [{ name: low, below: 50 }, { name: '],
    ],
  ];
  describe.each(Object.keys(CODE))('%s', (name) => {
    test.each(PLACES)('as %s', (_, build) => {
      const [model, after] = build(name);
      // Every other diagnostic a reserved name brings is a warning (an input or category it makes unused).
      const errors = compileModel(model).diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => describeDiagnostic(d, model, true))).toEqual([formatExpectation(at(model, CODE[name] as string, name, after))]);
      expectPrototypesClean();
    });
  });

  test.each(Object.keys(CODE))('%s as a key of a score map is not a value of the enum', (name) => {
    const model = replaceOnce(VALID_MODEL, '{ map: { basic: 30,', `{ map: { ${name}: 10, basic: 30,`);
    expectExactly(model, [at(model, 'map-unknown-key', name, '{ map: { ')]);
  });

  test.each(Object.keys(CODE))('%s as a top-level key is an unknown field', (name) => {
    const model = `${VALID_MODEL}${name}: { polluted: true }\n`;
    expectExactly(model, [at(model, 'unknown-field', name, 'plan_tier:')]);
  });

  test('__proto__ nested in a metric, with a value that would pollute a plain object', () => {
    const model = replaceOnce(VALID_MODEL, '    category: support\n', '    category: support\n    __proto__: { polluted: true }\n');
    expectExactly(model, [at(model, 'unknown-field', '__proto__', 'open_tickets:')]);
  });

  test('a YAML 1.1 merge key is an ordinary (unknown) key, not a merge', () => {
    const model = `${VALID_MODEL}defaults: &defaults { polluted: true }\n<<: *defaults\n`;
    expectExactly(model, [at(model, 'unknown-field', 'defaults', 'plan_tier:'), at(model, 'unknown-field', '<<', 'plan_tier:')]);
  });
});

describe('a valid model whose strings are prototype names scores them like any other string', () => {
  const MODEL = readFileSync(new URL('../fixtures/valid/prototype-strings.yaml', import.meta.url), 'utf8');
  // tier_score is the map's score of `tier`; owner_named is 100 when the owner is __proto__ or
  // constructor, else 50; the overall is their mean (weights 1 and 1), red below 40.
  const RECORDS: [string, Record<string, unknown>, { tier: number; owner: number; score: number; playbooks: string[] }][] = [
    ['constructor / __proto__', { tier: 'constructor', owner: '__proto__' }, { tier: 20, owner: 100, score: 60, playbooks: ['proto_owner'] }],
    ['toString / x', { tier: 'toString', owner: 'x' }, { tier: 40, owner: 50, score: 45, playbooks: [] }],
    [
      'a JSON record with an own "__proto__" key',
      JSON.parse('{"tier":"__proto__","owner":"constructor","__proto__":{"polluted":1}}') as Record<string, unknown>,
      { tier: 10, owner: 100, score: 55, playbooks: [] },
    ],
    ['valueOf / hasOwnProperty', { tier: 'valueOf', owner: 'hasOwnProperty' }, { tier: 60, owner: 50, score: 55, playbooks: [] }],
    ['prototype / missing owner', { tier: 'prototype' }, { tier: 30, owner: 50, score: 40, playbooks: [] }],
  ];
  describe.each(['reference', 'compiled'] as const)('%s evaluator', (engine) => {
    test('compiles without a diagnostic', () => {
      expect(compileModel(MODEL, { engine }).diagnostics).toEqual([]);
    });
    test.each(RECORDS)('%s', (_, record, expected) => {
      const model = compile(MODEL, { engine });
      const result = model.evaluate(record);
      expect(result.status).toBe('scored');
      expect(result.metrics['tier_score']?.score).toBe(expected.tier);
      expect(result.metrics['owner_named']?.score).toBe(expected.owner);
      expect(result.score).toBe(expected.score);
      expect(result.playbooks.map((p) => p.key)).toEqual(expected.playbooks);
      expect(Object.getPrototypeOf(result.metrics)).not.toHaveProperty('polluted');
      expectPrototypesClean();
    });
  });
});

describe('numbers a double cannot hold', () => {
  test.each(['1e400', '-1e400', '.inf', '-.inf', '.nan', '1152921504606846976', '9007199254740993'])('weight: %s', (number) => {
    const model = replaceOnce(VALID_MODEL, '{ weight: 40 }', `{ weight: ${number} }`);
    expectExactly(model, [at(model, 'yaml-bad-number', number, 'support: { weight: ')]);
  });

  test('1e15 itself is a number like any other (here too large for a weight)', () => {
    const model = replaceOnce(VALID_MODEL, '{ weight: 40 }', '{ weight: 1e15 }');
    expect(report(model).map((d) => d.split(' ')[0])).toEqual(['out-of-range']);
  });

  test.each(['1e400', '1e16', '99999999999999999999'])('%s in a formula', (number) => {
    const model = replaceOnce(VALID_MODEL, 'active_users / purchased_seats', `active_users / purchased_seats * ${number}`);
    expectExactly(model, [at(model, 'expr-bad-number', number, 'purchased_seats * ')]);
  });
});

describe('YAML tags: model text never becomes code or objects', () => {
  test.each([
    '!!js/function "function () { return process.exit(1) }"',
    '!!js/undefined ""',
    '!!js/regexp /x/',
    '!!python/object/apply:os.system ["rm -rf /"]',
    '!custom value',
    '!!binary aGVsbG8=',
    '!!timestamp 2026-01-01',
  ])('title: %s', (tagged) => {
    const model = replaceOnce(VALID_MODEL, 'title: B2B SaaS health', `title: ${tagged}`);
    const diagnostics = compileModel(model).diagnostics;
    expect(diagnostics.map((d) => d.code)).toContain('yaml-unsupported-tag');
    expect(diagnostics.filter((d) => d.code === 'yaml-unsupported-tag')).toHaveLength(1);
    expectPrototypesClean();
  });

  test.each(['!!set { a, b }', '!!omap [ a: 1 ]', '!!pairs [ a: 1 ]'])('a collection tag: description: %s', (tagged) => {
    const model = `${VALID_MODEL}description: ${tagged}\n`;
    expect(compileModel(model).diagnostics.map((d) => d.code)).toContain('yaml-unsupported-tag');
  });

  test('the core tags are plain values', () => {
    const model = replaceOnce(VALID_MODEL, 'title: B2B SaaS health', 'title: !!str 2026');
    expect(compileModel(model).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('duplicate keys', () => {
  test.each([
    ['at the top', 'model', (m: string) => `${m}model: other\n`, 'plan_tier:'],
    ['in inputs', 'plan', (m: string) => replaceOnce(m, '\ncategories:', '\n  plan: { type: number }\ncategories:'), 'enterprise] }\n'],
    ['inside a flow mapping', 'pro', (m: string) => replaceOnce(m, 'pro: 70,', 'pro: 70, pro: 75,'), 'pro: 70, '],
  ])('%s', (_, key, build, after) => {
    const model = build(VALID_MODEL);
    expectExactly(model, [at(model, 'yaml-duplicate-key', key, after)]);
  });
});

describe('files that are not one model', () => {
  test('a list', () => expectExactly('- seat_utilisation\n- plan_tier\n', [at('- seat_utilisation\n', 'not-a-mapping', '- seat_utilisation')]));
  test('a scalar', () => expectExactly('just some text\n', [at('just some text\n', 'not-a-mapping', 'just some text')]));
  test('a number', () => expectExactly('42\n', [at('42\n', 'not-a-mapping', '42')]));
  test('only comments', () => expectExactly('# vitals: 1\n# model: draft\n', [{ code: 'file-empty', line: 1, column: 1, endLine: 1, endColumn: 1, text: '' }]));
  test('two documents', () => {
    const model = `${VALID_MODEL}---\n${VALID_MODEL}`;
    expectExactly(model, [at(model, 'yaml-multiple-documents', '---', 'plan_tier:')]);
  });
  test('one document between --- and ... is one model', () => {
    expect(compileModel(`%YAML 1.2\n---\n${VALID_MODEL}...\n`).diagnostics).toEqual([]);
  });
});

describe('nesting', () => {
  test('64 levels below the root is the limit itself, and accepted', () => {
    const model = `${VALID_MODEL}x-nested: ${nested(64)}\n`;
    expectExactly(model, [at(model, 'unknown-field', 'x-nested', 'plan_tier:')]);
  });

  test('nested aliases past the limit are reported once, at the alias', () => {
    const model = `${VALID_MODEL}x-deep: &deep ${nested(40)}\nx-deeper: [*deep, *deep, *deep, ${'['.repeat(30)}*deep${']'.repeat(30)}]\n`;
    const tooDeep = compileModel(model).diagnostics.filter((d) => d.code === 'yaml-too-deep');
    expect(tooDeep.map((d) => describeDiagnostic(d, model, true))).toEqual([formatExpectation(at(model, 'yaml-too-deep', '*deep', `*deep, ${'['.repeat(30)}`))]);
  });
});

describe('expressions at their limits are accepted, and score on both evaluators', () => {
  /** `if(active_users in [1000, 1000, …], 0, active_users / purchased_seats)`, padded with spaces to exactly `length` characters. */
  const padded = (length: number) => {
    const tail = '], 0, active_users / purchased_seats)';
    const list = `1000${', 1000'.repeat(Math.floor((length - 20 - tail.length) / 6))}`;
    const head = `if(active_users in [${list}`;
    return `${head}${' '.repeat(length - head.length - tail.length)}${tail}`;
  };
  test.each([
    ['parentheses 32 deep', `${'('.repeat(32)}active_users / purchased_seats${')'.repeat(32)}`, 0.5],
    ['abs() 32 deep', `${'abs('.repeat(32)}active_users / purchased_seats${')'.repeat(32)}`, 0.5],
    ['a chain of 1,000 terms', chain(1000), 10_000],
    ['an expression of 20,000 characters', padded(20_000), 0.5],
  ])('%s', (_, expression, value) => {
    const model = withValue(expression);
    expect(compileModel(model).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const engine of ['compiled', 'reference'] as const) {
      const result = compile(model, { engine }).evaluate({ active_users: 10, purchased_seats: 20, open_tickets: 1, plan: 'pro' });
      expect(result.metrics['seat_utilisation']?.value).toBe(value);
    }
  });
});

describe('line ends: LF, CRLF and the old Mac CR are all YAML line breaks', () => {
  const lineEnds = [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR alone (old Mac)', '\r'],
  ] as const;
  const mistake = VALID_MODEL.replace('value: active_users / purchased_seats', 'value: active_user / purchased_seats');

  test.each(lineEnds)('%s: the same model, the same content hash', (_, end) => {
    const { model, diagnostics } = compileModel(VALID_MODEL.replace(/\n/g, end));
    expect(diagnostics).toEqual([]);
    expect(model?.plan.hash).toBe(compile(VALID_MODEL).plan.hash);
  });

  test.each(lineEnds)('%s: a mistake at the same line and column', (_, end) => {
    const [d] = compileModel(mistake.replace(/\n/g, end)).diagnostics;
    expect(d).toMatchObject({ code: 'unknown-name', line: 21, column: 12, endLine: 21, endColumn: 23 });
  });
});
