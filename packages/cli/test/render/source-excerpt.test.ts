import { describe, expect, test } from 'vitest';
import { sourceExcerpt, splitLines } from '../../src/render/source-excerpt.js';

describe('sourceExcerpt: the line and a caret under the span', () => {
  test.each([
    ['a span inside the line', ['value: users / seets'], [1, 16, 1, 21], ['  1 | value: users / seets', '    |                ^^^^^']],
    ['an empty span still gets one caret', ['model: x'], [1, 8, 1, 8], ['  1 | model: x', '    |        ^']],
    ['a span running past the line ends at its end', ['a: b'], [1, 4, 3, 2], ['  1 | a: b', '    |    ^']],
    ['a caret at the end of the line (a missing value)', ['key:'], [1, 5, 1, 5], ['  1 | key:', '    |     ^']],
    ['tabs are one column, as the core counts them', ['\tx: 1'], [1, 2, 1, 3], ['  1 |  x: 1', '    |  ^']],
    ['the gutter widens with the line number', ['', '', '', '', '', '', '', '', '', 'tenth'], [10, 1, 10, 6], ['  10 | tenth', '     | ^^^^^']],
    ['a line past the end of the file shows nothing', ['only'], [3, 1, 3, 2], []],
    ['a control character is shown escaped and the caret moves with it', ['t: "\x1b[2J" + bad'], [1, 13, 1, 16], ['  1 | t: "\\u001b[2J" + bad', '    | ' + ' '.repeat(17) + '^^^']],
    ['a CR inside a line cannot overwrite the frame', ['a: 1\rforged'], [1, 1, 1, 2], ['  1 | a: 1\\rforged', '    | ^']],
    ['a span over an escaped character covers its escape', ['k: \u202e'], [1, 4, 1, 5], ['  1 | k: \\u202e', '    |    ^^^^^^']],
    ['a workflow command in a comment is not one in the log', ['# ##[error]x'], [1, 1, 1, 2], ['  1 | # \\u0023#[error]x', '    | ^']],
  ])('%s', (_name, lines, [line, column, endLine, endColumn], expected) => {
    expect(sourceExcerpt(lines, line as number, column as number, endLine as number, endColumn as number)).toEqual(expected);
  });

  test('lines split as the core counts them: \\n, \\r\\n and a lone \\r (old Mac files) each end a line', () => {
    expect(splitLines('a\r\nb\nc\rd\r\re')).toEqual(['a', 'b', 'c', 'd', '', 'e']);
  });
});

describe('sourceExcerpt: a long line is shown as a window around the column', () => {
  const long = `${'x'.repeat(500_000)}value: users / seets${'y'.repeat(490_000)}`;
  const column = 500_000 + 'value: users / '.length + 1;

  test('a 990 KB line with a mistake in the middle: 30 columns before it, the rest of 100 after, `…` at both cuts', () => {
    const [source, caret] = sourceExcerpt([long], 1, column, 1, column + 5);
    expect(source).toBe(`  1 | …${'x'.repeat(15)}value: users / seets${'y'.repeat(65)}…`);
    expect(caret).toBe(`    | ${' '.repeat(31)}^^^^^`);
    expect(source?.charAt(6 + 31)).toBe('s');
  });

  test.each([
    ['at the start', 1, `  1 | ${'a'.repeat(100)}…`, '    | ^'],
    ['at the end', 1000, `  1 | …${'a'.repeat(100)}`, `    | ${' '.repeat(100)}^`],
  ])('a mistake %s of a long line', (_, col, source, caret) => {
    expect(sourceExcerpt(['a'.repeat(1000)], 1, col, 1, col + 1)).toEqual([source, caret]);
  });

  test('a span longer than the window ends its caret at the window', () => {
    const [, caret] = sourceExcerpt(['b'.repeat(1000)], 1, 500, 1, 900);
    expect(caret).toBe(`    | ${' '.repeat(31)}${'^'.repeat(70)}`);
  });

  test('a window never cuts a surrogate pair in half', () => {
    const [source] = sourceExcerpt([`${'😀'.repeat(200)}`], 1, 201, 1, 203);
    expect(source?.slice(7, -1)).toMatch(/^(?:😀)+$/u);
  });
});
