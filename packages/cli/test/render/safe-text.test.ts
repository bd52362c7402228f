import fc from 'fast-check';
import { expect, test } from 'vitest';
import { quoted, safeText } from '../../src/render/safe-text.js';

/** What must never reach a terminal raw: C0 (but the newlines a renderer writes itself), DEL, C1, bidi controls, separators, invisible characters. */
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

test.each([
  ['plain text', 'Acme Logistics — café 東京 👩‍👩‍👧', 'Acme Logistics — café 東京 👩‍👩‍👧'],
  ['quotes and backslashes stay', 'C:\\models\\"a"', 'C:\\models\\"a"'],
  ['an ANSI colour', 'red\x1b[31m', 'red\\u001b[31m'],
  ['a newline that would forge a line', 'acme\nvitals: all good', 'acme\\nvitals: all good'],
  ['CR, tab, NUL, backspace, form feed', '\r\t\0\b\f', '\\r\\t\\u0000\\b\\f'],
  ['DEL and the C1 CSI', '\x7f\x9b31m', '\\u007f\\u009b31m'],
  ['a bidi override (Trojan Source)', 'invoice\u202Efdp.exe', 'invoice\\u202efdp.exe'],
  ['bidi isolates and marks', '\u2066a\u2069\u200e\u200f\u061c', '\\u2066a\\u2069\\u200e\\u200f\\u061c'],
  ['line and paragraph separators', 'a\u2028b\u2029c', 'a\\u2028b\\u2029c'],
  ['invisible characters that make two ids print alike', 'acme\u200b \ufeffacme ac\u00adme a\u2060cme', 'acme\\u200b \\ufeffacme ac\\u00adme a\\u2060cme'],
  ['a workflow command at the start', '::error::forged', '\\u003a:error::forged'],
  ['a workflow command after spaces', '  \u00a0::add-mask::x', '  \u00a0\\u003a:add-mask::x'],
  ['a workflow command after an escaped separator', ' \u2028::warning::x', ' \\u2028\\u003a:warning::x'],
  ['`::` inside text is harmless and stays', 'a::b', 'a::b'],
  ['the old command syntax anywhere', 'title ##[error]forged', 'title \\u0023#[error]forged'],
])('%s', (_name, text, expected) => {
  expect(safeText(text)).toBe(expected);
});

test('quoted() quotes as JSON does and escapes what JSON leaves raw', () => {
  expect(quoted('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
  expect(quoted('a\u202eb\x9b')).toBe('"a\\u202eb\\u009b"');
});

test('whatever the text: no raw control character, no command marker, and escaping twice changes nothing', () => {
  const hostile = fc.string({ unit: fc.constantFrom('a', ' ', ':', '#', '[', '\n', '\r', '\t', '\x1b', '\x9b', '\u202e', '\u2028', '\u00a0', '\u0085', '\\') });
  fc.assert(
    fc.property(fc.oneof(hostile, fc.string({ unit: fc.nat(0xffff).map((code) => String.fromCharCode(code)) })), (text) => {
      const safe = safeText(text);
      return !RAW_CONTROL.test(safe) && !safe.includes('##[') && !safe.trimStart().startsWith('::') && safeText(safe) === safe;
    }),
  );
});
