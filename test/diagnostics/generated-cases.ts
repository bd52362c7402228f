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
  {
    name: 'an alias that nests an anchored list below the limit',
    code: 'yaml-too-deep',
    source: () => `${VALID_MODEL}x-deep: &deep ${nested(40)}\nx-deeper: ${'['.repeat(30)}*deep${']'.repeat(30)}\n`,
    expect: (s) => [at(s, 'unknown-field', 'x-deep', 'metrics:'), at(s, 'unknown-field', 'x-deeper', 'metrics:'), at(s, 'yaml-too-deep', '*deep', 'x-deeper:')],
  },
];
