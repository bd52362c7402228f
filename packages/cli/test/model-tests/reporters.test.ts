import type { ModelTestReport, UntestedItem } from '@vitals/core';
import { describe, expect, test } from 'vitest';
import { attr, text } from '../../src/model-tests/reporters/test-junit.js';
import { renderTestsJunit } from '../../src/model-tests/reporters/test-junit.js';
import { untestedByModel, type TestFileOutcome } from '../../src/model-tests/test-outcome.js';

const band = (name: string): UntestedItem => ({ kind: 'band', subject: 'overall', key: null, band: name });
const fires = (playbook: string): UntestedItem => ({ kind: 'playbook-never-fires', playbook });

function outcome(file: string, model: string, untested: UntestedItem[], failed = 0): TestFileOutcome {
  const report: ModelTestReport = {
    file,
    model: 'm',
    passed: 1,
    failed,
    untested,
    cases: [
      { name: 'ok <1>', line: 3, passed: true, differences: [], problems: [], results: [] },
      ...(failed > 0 ? [{ name: 'bad & wrong', line: 9, passed: false, differences: [{ path: 'band', expected: 'green', actual: 'red', line: 11, column: 7 }], problems: [], results: [] }] : []),
    ],
  };
  return { file, model, diagnostics: [], sources: {}, report, milliseconds: 12 };
}

describe('what the cases leave untested, per model', () => {
  test('a model tested by several files leaves untested only what none of them tests', () => {
    const coverage = untestedByModel([
      outcome('a.test.yaml', 'm.yaml', [band('red'), band('amber'), fires('p')]),
      outcome('b.test.yaml', 'm.yaml', [band('amber'), fires('p'), band('green')]),
      outcome('c.test.yaml', 'other.yaml', [band('red')]),
    ]);
    expect(coverage).toEqual([
      { model: 'm.yaml', files: ['a.test.yaml', 'b.test.yaml'], untested: [band('amber'), fires('p')] },
      { model: 'other.yaml', files: ['c.test.yaml'], untested: [band('red')] },
    ]);
  });
});

describe('JUnit XML', () => {
  test.each([
    ['a < b & c > d', 'a &lt; b &amp; c &gt; d'],
    ['bell \u0007 and NUL \u0000', 'bell \uFFFD and NUL \uFFFD'],
  ])('text(%j): escaped, and characters XML cannot hold replaced', (value, expected) => {
    expect(text(value)).toBe(expected);
  });

  test('attributes also escape quotes and line breaks', () => {
    expect(attr('say "hi"\nnow')).toBe('say &quot;hi&quot;&#10;now');
  });

  test('a suite per file, a case per case, the failure with its differences, untested items in system-out', () => {
    const xml = renderTestsJunit([outcome('a.test.yaml', 'm.yaml', [band('red')], 1)]);
    expect(xml.split('\n')).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="vitals test" tests="2" failures="1" errors="0">',
      '  <testsuite name="a.test.yaml" tests="2" failures="1" errors="0" time="0.012">',
      '    <testcase name="ok &lt;1&gt;" classname="a.test.yaml" file="a.test.yaml" line="3"/>',
      '    <testcase name="bad &amp; wrong" classname="a.test.yaml" file="a.test.yaml" line="9">',
      '      <failure message="line 11: band: expected green, got red" type="mismatch">line 11: band: expected green, got red</failure>',
      '    </testcase>',
      '    <system-out>What the cases of m.yaml leave untested:\n- no case reaches the overall band `red`</system-out>',
      '  </testsuite>',
      '</testsuites>',
      '',
    ].join('\n').split('\n'));
  });
});
