import type { ScoreResult } from '../evaluate/result.js';
import type { Check, Json } from './model-test-suite.js';
import type { Difference } from './model-test-report.js';

/** One check against one result: undefined when they agree, else the difference. */
export function compareCheck(check: Check, result: ScoreResult, pathPrefix = ''): Difference | undefined {
  const found = actualAt(result, check.segments);
  const actual = found.value;
  if (found.note === undefined && agrees(check, actual)) return undefined;
  return {
    path: pathPrefix + check.path,
    expected: check.expected,
    actual,
    ...(check.kind === 'number' || (check.kind === 'value' && typeof check.expected === 'number') ? { tolerance: check.tolerance } : {}),
    line: check.span.start.line,
    column: check.span.start.column,
    ...(found.note === undefined ? {} : { note: found.note }),
  };
}

function agrees(check: Check, actual: Json): boolean {
  const expected = check.expected;
  switch (check.kind) {
    case 'exact':
      return expected === actual || (expected === null && actual === null);
    case 'number':
    case 'value':
      return typeof expected === 'number' && typeof actual === 'number' ? withinTolerance(expected, actual, check.tolerance) : expected === actual;
    case 'list':
      return sameList(expected as readonly Json[], actual);
    case 'set':
    case 'issues':
      return sameList(sortedKeys(expected as readonly Json[]), Array.isArray(actual) ? sortedKeys(actual) : actual);
  }
}

/**
 * Tolerance 0 means exactly equal. A non-zero tolerance allows for the binary error of the
 * subtraction itself (40.02 − 40.01 is 0.0100000000000051), so a tolerance of 0.01 means 0.01.
 */
function withinTolerance(expected: number, actual: number, tolerance: number): boolean {
  if (tolerance === 0) return expected === actual;
  return Math.abs(actual - expected) <= tolerance + 1e-9 * Math.max(1, Math.abs(expected), Math.abs(actual));
}

function sameList(expected: readonly Json[], actual: Json): boolean {
  return Array.isArray(actual) && actual.length === expected.length && expected.every((item, i) => item === actual[i]);
}

function sortedKeys(items: readonly Json[]): string[] {
  return items.map((item) => (typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item))).sort();
}

/** The result's value at a path, in the form expectations are written (playbook keys, `{ field, code }` issues). */
function actualAt(result: ScoreResult, segments: readonly string[]): { value: Json; note?: string } {
  const [head] = segments;
  if (segments.length === 1 && head === 'playbooks') return { value: result.playbooks.map((p) => p.key) };
  if (segments.length === 1 && head === 'issues') return { value: result.issues.map((i) => ({ field: i.field, code: i.code })) };
  let node: unknown = result;
  for (let i = 0; i < segments.length; i++) {
    const key = segments[i] as string;
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) {
      const parent = segments.slice(0, i).join('.');
      return { value: null, note: node === null ? `\`${parent}\` is null in the result` : `the result has no \`${[...segments.slice(0, i), key].join('.')}\`` };
    }
    node = (node as Record<string, unknown>)[key];
  }
  return { value: node as Json };
}
