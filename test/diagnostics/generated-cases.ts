import { readFileSync } from 'node:fs';
import { at, type Expectation } from './expectations.js';

/**
 * Bad models a committed fixture can't carry (an empty file, bytes that are not UTF-8, 10 MB, an
 * alias bomb, nesting thousands deep), built in code. Each lists every diagnostic it must give,
 * in the fixtures' notation; `text` is left out where the range is one character of a huge line.
 */
export interface GeneratedCase {
  readonly name: string;
  readonly code: string;
  readonly source: () => string | Uint8Array;
  /** Every diagnostic, as `# expect:` notation without the `# expect: ` (or built with `at`). */
  readonly expect: (source: string) => readonly (string | Expectation)[];
}

export const VALID_MODEL = readFileSync(new URL('../fixtures/valid/b2b-saas.yaml', import.meta.url), 'utf8');

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...utf8(part)] : part)));
const MB = 1_000_000;

/** Nine anchors, each a list of nine aliases of the one before: 9^9 strings if expanded. */
const BILLION_LAUGHS = [
  'description:',
  '  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  '  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  '  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  '  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  '  e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
  '  f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
  '  g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]',
  '  h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]',
  '  i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]',
].join('\n');

export const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/** The base model with the value of `seat_utilisation` replaced (double-quoted). */
export const withValue = (expression: string) => VALID_MODEL.replace('value: active_users / purchased_seats', `value: "${expression}"`);
/** Where that value's text starts: line 21, after `    value: "`. */
const VALUE_LINE = 21;
const VALUE_COLUMN = '    value: "'.length + 1;
/** The expectation for one character of the value, `offset` characters into it. */
const inValue = (code: string, offset: number, text?: string) =>
  `${code} at ${VALUE_LINE}:${VALUE_COLUMN + offset}-${VALUE_LINE}:${VALUE_COLUMN + offset + (text?.length ?? 1)}${text === undefined ? '' : ` ${JSON.stringify(text)}`}`;
/** The expectation for the whole double-quoted value of `length` characters (quotes included: the schema points at the scalar). */
const wholeValue = (code: string, length: number) => `${code} at ${VALUE_LINE}:${VALUE_COLUMN - 1}-${VALUE_LINE}:${VALUE_COLUMN + length + 1}`;
/** A chain of `n` operands: `active_users + active_users + …`, one level deeper per operator. */
export const chain = (n: number, operand = 'active_users', op = ' + ') => Array.from({ length: n }, () => operand).join(op);

export const GENERATED_CASES: readonly GeneratedCase[] = [
  // The file itself
  { name: 'an empty string', code: 'file-empty', source: () => '', expect: () => ['file-empty at 1:1-1:1 ""'] },
  { name: 'zero bytes', code: 'file-empty', source: () => new Uint8Array(0), expect: () => ['file-empty at 1:1-1:1'] },
  { name: 'only a byte-order mark', code: 'file-empty', source: () => bytes([0xef, 0xbb, 0xbf]), expect: () => ['file-empty at 1:1-1:1'] },
  { name: 'only blank lines', code: 'file-empty', source: () => '\n  \n\t\n', expect: () => ['file-empty at 1:1-1:1 ""'] },
  { name: 'a document marker and nothing else', code: 'file-empty', source: () => '---\n...\n', expect: () => ['file-empty at 1:1-1:1 ""'] },
  { name: 'a document that is only null (~)', code: 'file-empty', source: () => '~\n', expect: () => ['file-empty at 1:1-1:1 ""'] },
  {
    name: 'Latin-1 é in a UTF-8 file',
    code: 'file-not-utf8',
    source: () => bytes('vitals: 1\nmodel: caf', [0xe9], '_health\n'),
    expect: () => ['file-not-utf8 at 2:11-2:12'],
  },
  { name: 'a UTF-16 file (Notepad "Unicode")', code: 'file-not-utf8', source: () => bytes([0xff, 0xfe, 0x76, 0x00, 0x69, 0x00]), expect: () => ['file-not-utf8 at 1:1-1:2'] },
  { name: 'an overlong encoding of "/"', code: 'file-not-utf8', source: () => bytes('title: a', [0xc0, 0xaf], 'b\n'), expect: () => ['file-not-utf8 at 1:9-1:10'] },
  { name: 'an encoded UTF-16 surrogate', code: 'file-not-utf8', source: () => bytes('title: ', [0xed, 0xa0, 0x80], '\n'), expect: () => ['file-not-utf8 at 1:8-1:9'] },
  { name: 'a multi-byte character cut off at the end', code: 'file-not-utf8', source: () => bytes('vitals: 1\ntitle: caf', [0xc3]), expect: () => ['file-not-utf8 at 2:11-2:12'] },
  { name: '10 MB of text', code: 'file-too-large', source: () => `description: "${'x'.repeat(10 * MB)}"\n`, expect: () => ['file-too-large at 1:1-1:1 ""'] },
  { name: '10 MB of bytes', code: 'file-too-large', source: () => utf8(`description: "${'x'.repeat(10 * MB)}"\n`), expect: () => ['file-too-large at 1:1-1:1'] },
  { name: 'one byte over the limit', code: 'file-too-large', source: () => `#${'x'.repeat(MB)}`, expect: () => ['file-too-large at 1:1-1:1 ""'] },
  { name: 'one byte over the limit, in two-byte characters', code: 'file-too-large', source: () => `#${'é'.repeat(MB / 2)}`, expect: () => ['file-too-large at 1:1-1:1 ""'] },
  // Aliases
  {
    name: 'a "billion laughs" alias bomb',
    code: 'yaml-alias-limit',
    source: () => `${VALID_MODEL}${BILLION_LAUGHS}\n`,
    // 9 + 81·… nodes fit the 10 000-node budget up to the lists of `d`; the first `*d` of `e` exceeds it.
    // The description is a mapping of lists, not text: that error stays, next to the bomb's.
    expect: (s) => [at(s, 'yaml-alias-limit', '*d', '  e: &e ['), at(s, 'wrong-type', `${BILLION_LAUGHS.slice('description:\n  '.length)}\n`, 'description:')],
  },
  // Nesting
  {
    name: 'a megabyte of [',
    code: 'yaml-too-deep',
    source: () => `vitals: 1\ndescription: ${'['.repeat(MB - 30)}`,
    // The 65th bracket is already 65 levels below the root mapping, but the fast lexer pass does not
    // know the root is a mapping: it counts 66 open collections, at least 65 levels, at the 66th.
    expect: () => [`yaml-too-deep at 2:${'description: '.length + 66}-2:${'description: '.length + 67} "["`],
  },
  // The root list is level 0, so the 66th dash opens level 65.
  { name: '400 000 "- " on one line', code: 'yaml-too-deep', source: () => `${'- '.repeat(400_000)}x\n`, expect: () => ['yaml-too-deep at 1:131-1:132 "-"'] },
  {
    name: 'a mapping nested by indentation 1 400 levels deep',
    code: 'yaml-too-deep',
    source: () => `${Array.from({ length: 1400 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`,
    expect: () => ['yaml-too-deep at 66:66-66:67 "k"'],
  },
  { name: '65 levels of [ ] under the root (one too many)', code: 'yaml-too-deep', source: () => `description: ${nested(65)}\n`, expect: () => [`yaml-too-deep at 1:78-1:79 "["`] },
  // Expressions: each limit has its own code, and nothing recurses past it
  ...(
    [
      // what, how deep (as deep as fits in the 20,000 characters of an expression), the text, where level 33 starts
      ['parentheses', 9_000, (n: number) => `${'('.repeat(n)}active_users${')'.repeat(n)}`, (n: number) => n - 1, '('],
      ['calls of abs()', 3_800, (n: number) => `${'abs('.repeat(n)}active_users${')'.repeat(n)}`, (n: number) => 4 * n - 1, '('],
      ['unary minus signs', 19_000, (n: number) => `${'-'.repeat(n)}active_users`, (n: number) => n - 1, '-'],
      ['`not`s', 4_500, (n: number) => `${'not '.repeat(n)}active_users > 1`, (n: number) => 4 * (n - 1), 'not'],
      ['lists in lists', 1_000, (n: number) => `${'active_users in ['.repeat(n)}1${']'.repeat(n)}`, (n: number) => 17 * n - 1, '['],
    ] as const
  ).map(([what, depth, build, offsetOf, text]): GeneratedCase => ({
    name: `${what} nested ${depth.toLocaleString('en-US')} deep (the limit is 32)`,
    code: 'expr-too-deep',
    source: () => withValue(build(depth)),
    expect: () => [inValue('expr-too-deep', offsetOf(33), text)],
  })),
  {
    name: 'parentheses nested 100,000 deep: over the length limit before anything is parsed',
    code: 'expr-too-long',
    source: () => withValue(`${'('.repeat(100_000)}active_users${')'.repeat(100_000)}`),
    expect: () => [wholeValue('expr-too-long', 200_012)],
  },
  {
    name: 'a sum of 1,990 terms (the limit is 1,000 levels)',
    code: 'expr-too-complex',
    source: () => withValue(chain(1990, 'a', '+')),
    expect: () => [inValue('expr-too-complex', 0, chain(1990, 'a', '+'))],
  },
  {
    name: 'an `or` of 1,001 conditions',
    code: 'expr-too-complex',
    source: () => withValue(`if(${chain(1001, 'plan == \\"pro\\"', ' or ')}, 1, 0)`),
    expect: () => [`expr-too-complex at ${VALUE_LINE}:${VALUE_COLUMN}-${VALUE_LINE}:${VALUE_COLUMN + `if(${chain(1001, 'plan == \\"pro\\"', ' or ')}, 1, 0)`.length}`],
  },
  // The model's texts and sections
  {
    name: 'a description of 20,001 characters',
    code: 'text-too-long',
    source: () => `${VALID_MODEL}description: ${'x'.repeat(20_001)}
`,
    expect: () => [`text-too-long at ${VALID_MODEL.split('\n').length}:14-${VALID_MODEL.split('\n').length}:20015`],
  },
  {
    name: '1,001 metrics',
    code: 'too-many-entries',
    source: () => `${VALID_MODEL}${Array.from({ length: 998 }, (_, i) => `  extra_${i}: { category: product, value: active_users, score: identity, weight: 0 }\n`).join('')}`,
    expect: (s) => [at(s, 'too-many-entries', 'metrics', 'support: { weight: 40 }')],
  },
  {
    name: 'an alias that nests an anchored list below the limit',
    code: 'yaml-too-deep',
    source: () => `${VALID_MODEL}x-deep: &deep ${nested(40)}\nx-deeper: ${'['.repeat(30)}*deep${']'.repeat(30)}\n`,
    expect: (s) => [at(s, 'unknown-field', 'x-deep', 'metrics:'), at(s, 'unknown-field', 'x-deeper', 'metrics:'), at(s, 'yaml-too-deep', '*deep', 'x-deeper:')],
  },
];
