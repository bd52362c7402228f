import type { Diagnostic } from '@vitals/core';
import { expect, test } from 'vitest';
import { escapeData, escapeProperty, githubAnnotation } from '../../src/render/check-github.js';

const at = { file: 'models/a,b:c.yaml', line: 3, column: 5, endLine: 3, endColumn: 9, offset: 20, endOffset: 24 };

test.each([
  ['plain', 'plain', 'plain'],
  ['100% sure', '100%25 sure', '100%25 sure'],
  ['two\nlines\r', 'two%0Alines%0D', 'two\\nlines\\r'],
  ['::error::x\x1b', '::error::x\x1b', '\\u003a%3Aerror%3A%3Ax\\u001b'],
  ['a: b, c', 'a: b, c', 'a%3A b%2C c'],
])('escaping %j for a message and for a property', (text, data, property) => {
  expect(escapeData(text)).toBe(data);
  expect(escapeProperty(text)).toBe(property);
});

test('an error annotation carries the span, the code as title, and the hint on a second line', () => {
  const d: Diagnostic = { ...at, code: 'unknown-name', severity: 'error', message: 'unknown name `seets`', hint: 'did you mean `seats`?' };
  expect(githubAnnotation(d)).toBe('::error file=models/a%2Cb%3Ac.yaml,line=3,col=5,endLine=3,endColumn=9,title=unknown-name::unknown name `seets`%0Ahint: did you mean `seats`?');
});

test('a warning is a ::warning', () => {
  const d: Diagnostic = { ...at, file: 'm.yaml', code: 'band-unreachable', severity: 'warning', message: 'no score reaches band x' };
  expect(githubAnnotation(d)).toBe('::warning file=m.yaml,line=3,col=5,endLine=3,endColumn=9,title=band-unreachable::no score reaches band x');
});
