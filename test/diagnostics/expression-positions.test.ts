import { compileModel } from '@vitals/core';
import fc from 'fast-check';
import { stringify, type Scalar } from 'yaml';
import { describe, expect, test } from 'vitest';
import { at, describeDiagnostic, formatExpectation, textAt, type Expectation } from './expectations.js';
import { VALID_MODEL } from './generated-cases.js';

/**
 * A mistake inside an expression is reported where it is written in the YAML file, whatever the
 * scalar's style. Each case replaces the formula of `seat_utilisation` (`active_users /
 * purchased_seats`) and gives where the mistake is, found by searching the YAML text itself.
 */
const FORMULA = '    value: active_users / purchased_seats\n';
const withFormula = (yaml: string, target = FORMULA) => {
  if (!VALID_MODEL.includes(target)) throw new Error(`${JSON.stringify(target)} is not in the model`);
  return VALID_MODEL.replace(target, yaml);
};

interface PositionCase {
  readonly name: string;
  readonly yaml: string;
  /** `needle` is the text the diagnostic must cover, searched after `after` in the whole model. */
  readonly code: string;
  readonly needle: string;
  readonly after: string;
  /** Transforms the whole model (line endings). */
  readonly file?: (model: string) => string;
  /** The line(s) `yaml` replaces, when not the formula. */
  readonly target?: string;
}

const CASES: readonly PositionCase[] = [
  { name: 'plain', yaml: '    value: active_users / plan\n', code: 'operand-type', needle: 'plan', after: 'active_users / ' },
  { name: 'single-quoted', yaml: "    value: 'active_users / plan'\n", code: 'operand-type', needle: 'plan', after: 'active_users / ' },
  {
    name: "single-quoted, with '' before the error",
    yaml: "    value: 'if(plan == ''pro'', active_users, purchased_seats) / plan'\n",
    code: 'operand-type',
    needle: 'plan',
    after: ') / ',
  },
  {
    name: "single-quoted, the error's range ending on ''",
    yaml: "    value: 'active_users + (plan == ''pro'')'\n",
    code: 'operand-type',
    needle: "plan == ''pro''",
    after: 'active_users + (',
  },
  { name: 'double-quoted', yaml: '    value: "active_users / plan"\n', code: 'operand-type', needle: 'plan', after: 'active_users / ' },
  {
    name: 'double-quoted, with escapes before the error',
    yaml: '    value: "if(plan == \\"pro\\", active_users, purchased_seats)\\t/ plan"\n',
    code: 'operand-type',
    needle: 'plan',
    after: '\\t/ ',
  },
  {
    name: 'double-quoted, the error written as an escape',
    yaml: '    value: "active_users / \\u0070lan"\n',
    code: 'operand-type',
    needle: '\\u0070lan',
    after: 'active_users / ',
  },
  {
    name: 'double-quoted, an unknown character written as an escape',
    yaml: '    value: "active_users \\u00f7 purchased_seats"\n',
    code: 'expr-unknown-character',
    needle: '\\u00f7',
    after: 'active_users ',
  },
  {
    name: 'double-quoted over two lines',
    yaml: '    value: "active_users\n      / plan"\n',
    code: 'operand-type',
    needle: 'plan',
    after: '      / ',
  },
  {
    name: 'double-quoted, an escaped line break inside a name before the error',
    yaml: '    value: "active_\\\n      users / plan"\n',
    code: 'operand-type',
    needle: 'plan',
    after: 'users / ',
  },
  {
    name: 'single-quoted over two lines',
    yaml: "    value: 'active_users\n      / plan'\n",
    code: 'operand-type',
    needle: 'plan',
    after: '      / ',
  },
  {
    name: 'literal block |, the error on its second line',
    yaml: '    value: |\n      active_users\n        / plan\n',
    code: 'operand-type',
    needle: 'plan',
    after: '        / ',
  },
  {
    name: 'literal block |-, after an empty line',
    yaml: '    value: |-\n      active_users\n\n      / plan\n',
    code: 'operand-type',
    needle: 'plan',
    after: '      / ',
  },
  {
    name: 'literal block with a comment after its header',
    yaml: '    value: | # seats in use\n      active_users\n      / plan\n',
    code: 'operand-type',
    needle: 'plan',
    after: '      / ',
  },
  {
    name: 'folded block >, the error on its second line',
    yaml: '    value: >\n      active_users\n      / plan\n',
    code: 'operand-type',
    needle: 'plan',
    after: '      / ',
  },
  {
    name: 'folded block >, after an empty line',
    yaml: '    value: >\n      active_users\n\n      / plan\n',
    code: 'operand-type',
    needle: 'plan',
    after: '      / ',
  },
  {
    name: 'folded block >+ keeping its trailing lines',
    yaml: '    value: >+\n      active_users\n\n      / plan\n\n',
    code: 'operand-type',
    needle: 'plan',
    after: '      / ',
  },
  {
    name: 'folded block >-, with a more-indented line',
    yaml: '    value: >-\n      active_users\n        / purchased_seats\n      * plan\n',
    code: 'operand-type',
    needle: 'plan',
    after: '      * ',
  },
  {
    name: 'plain over two lines',
    yaml: '    value: active_users\n      / plan\n',
    code: 'operand-type',
    needle: 'plan',
    after: '      / ',
  },
  {
    name: 'plain over three lines with an empty one',
    yaml: '    value: active_users\n\n      /\n      plan\n',
    code: 'operand-type',
    needle: 'plan',
    after: '      /\n      ',
  },
  {
    name: 'literal block in a file with CRLF line endings',
    yaml: '    value: |\n      active_users\n        / plan\n',
    code: 'operand-type',
    needle: 'plan',
    after: '        / ',
    file: (model) => model.replace(/\n/g, '\r\n'),
  },
  {
    name: 'an unknown name on the second line of a folded block',
    yaml: '    value: >\n      active_users\n      / purchased_seat\n',
    code: 'unknown-name',
    needle: 'purchased_seat',
    after: '      / ',
  },
  {
    name: 'a missing ) at the end of a literal block (an empty range after the last character)',
    yaml: '    value: |\n      (active_users\n        / purchased_seats\n',
    code: 'expr-syntax',
    needle: '',
    after: '        / purchased_seats',
  },
  {
    name: 'a score expression inside a flow mapping',
    target: '    score: { linear: { from: 0.1, to: 0.9 } }\n',
    yaml: '    score: { expr: "value * plan" }\n',
    code: 'operand-type',
    needle: 'plan',
    after: 'value * ',
  },
];

describe.each(CASES)('$name', ({ yaml, code, needle, after, file, target }) => {
  test(`reports ${code} exactly at the mistake`, () => {
    const model = (file ?? ((m: string) => m))(withFormula(yaml, target));
    const { diagnostics } = compileModel(model);
    const expected: Expectation = at(model, code, needle, after);
    expect(diagnostics.map((d) => describeDiagnostic(d, model, true))).toEqual([formatExpectation(expected)]);
  });
});

test('columns count UTF-16 code units: an emoji before the mistake counts two', () => {
  const model = withFormula('    value: if(region == "Zürich 😀", active_users, purchased_seats) / plan\n').replace(
    '  plan: {',
    '  region: { type: string }\n  plan: {',
  );
  const { diagnostics } = compileModel(model);
  expect(diagnostics.map((d) => describeDiagnostic(d, model, true))).toEqual([formatExpectation(at(model, 'operand-type', 'plan', ') / '))]);
  // Worked out by hand: 11 characters of indentation and `value: `, then `plan` is at index 59 of
  // the formula, counting 😀 as two units: column 12 + 59 = 71.
  expect(diagnostics[0]).toMatchObject({ column: 71, endColumn: 75 });
});

/**
 * Property: whatever the layout of a formula (spaces, line breaks) and whatever style yaml's own
 * writer picks for it (plain, quoted, literal or folded, folded at any width), a type error in it
 * points exactly at the offending operand.
 */
test('a formula in any YAML style and layout: the error covers exactly the operand', () => {
  const operand = fc.constantFrom('active_users', 'purchased_seats', 'open_tickets', '2', '(active_users + 1)');
  const operator = fc.constantFrom('+', '-', '*', '/');
  const space = fc.constantFrom(' ', '  ', '\n', ' \n  ', '\t', '\n\n');
  const style = fc.constantFrom('PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED') as fc.Arbitrary<Scalar.Type>;
  const layout = fc.record({
    before: fc.array(fc.tuple(operand, space, operator, space), { maxLength: 4 }),
    after: fc.array(fc.tuple(space, operator, space, operand), { minLength: 1, maxLength: 4 }),
    lead: fc.constantFrom('', ' ', '\n'),
    style,
    width: fc.integer({ min: 20, max: 80 }),
  });
  fc.assert(
    fc.property(layout, ({ before, after, lead, style: type, width }) => {
      const formula = `${lead}${before.map((t) => t.join('')).join('')}plan${after.map((t) => t.join('')).join('')}`;
      const value = stringify({ value: formula }, { defaultStringType: type, defaultKeyType: 'PLAIN', lineWidth: width, minContentWidth: 0 });
      const model = VALID_MODEL.replace(FORMULA, value.replace(/^/gm, '    ').replace(/ +$/gm, '').replace(/\n*$/, '\n'));
      const { diagnostics } = compileModel(model);
      const errors = diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => d.code)).toEqual(['operand-type']);
      const error = errors[0] as (typeof errors)[number];
      // In double quotes yaml's writer may break even a word with an escaped line break (`p\⏎  lan`):
      // the range then covers that break too, and nothing else.
      const covered = textAt(model, error.line, error.column, error.endLine, error.endColumn);
      expect(covered.replace(/\\\r?\n[ \t]*/g, '')).toBe('plan');
      expect(model.slice(error.offset, error.endOffset)).toBe(covered);
    }),
    { numRuns: 300 },
  );
});
