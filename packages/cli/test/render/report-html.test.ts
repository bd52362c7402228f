import { expect, test } from 'vitest';
import { esc, jsonForScript } from '../../src/render/chart-page.js';
import { md } from '../../src/render/report-markdown.js';

test.each([
  ['<script>alert("x")</script>', '&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;'],
  ["Tom & Jerry's", 'Tom &#38; Jerry&#39;s'],
])('esc(%j): nothing HTML can read as markup', (text, expected) => {
  expect(esc(text)).toBe(expected);
});

test('JSON in a script element cannot end the element or open a comment, and parses back the same', () => {
  const value = { title: '</script><script>alert(1)</script>', note: '<!-- x -->', line: 'a\u2028b' };
  const text = jsonForScript(value);
  expect(text).not.toMatch(/<\/?script|<!--/i);
  expect(JSON.parse(text)).toEqual(value);
});

test.each([
  ['a|b', 'a\\|b'],
  ['*bold* _it_ `code`', '\\*bold\\* \\_it\\_ \\`code\\`'],
  ['<b>', '\\<b\\>'],
  ['two\nlines', 'two\\\\nlines'],
  ['red\x1b[31m ##[error]x', 'red\\\\u001b\\[31m \\\\u0023#\\[error\\]x'],
])('md(%j) is inert in a Markdown table cell', (text, expected) => {
  expect(md(text)).toBe(expected);
});
