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

  test('lines split as the core counts them: \\n ends a line, a \\r before it is dropped', () => {
    expect(splitLines('a\r\nb\nc\rd')).toEqual(['a', 'b', 'c\rd']);
  });
});
