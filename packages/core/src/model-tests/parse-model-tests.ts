import { parseDay } from '../evaluate/dates.js';
import { childPointer, type YamlValue } from '../load/source-document.js';
import { yamlToDocument } from '../load/yaml-to-document.js';
import { createLocator } from '../position/locator.js';
import type { ModelTestSuite, RecordValue, TestCase, TestStep } from './model-test-suite.js';
import { checkKeys, describeValue, listAt, mappingAt, report, type ParseContext, type YamlMapping } from './parse-context.js';
import { readExpectation } from './read-expectation.js';
import { testDiagnostic, type TestFileDiagnostic } from './test-diagnostics.js';

export interface ParsedModelTests {
  /** The suite, when the file has no errors (warnings allowed). */
  readonly value: ModelTestSuite | undefined;
  readonly diagnostics: TestFileDiagnostic[];
}

/** The fields of a test file, of a case and of a snapshot, in the order `vitals fmt` writes them. */
export const SUITE_FIELDS = ['model', 'as_of', 'tolerance', 'cases'];
export const CASE_FIELDS = ['name', 'record', 'snapshots', 'expect'];
export const SNAPSHOT_FIELDS = ['record', 'expect'];

/**
 * A `*.test.yaml` text → the suite of cases, with the line of every case and expectation. Never
 * throws: a malformed file gives every problem found as diagnostics (file:line:column, a hint).
 */
export function parseModelTests(source: string | Uint8Array, file: string): ParsedModelTests {
  const loaded = yamlToDocument(source, file);
  if (loaded.value === undefined) return { value: undefined, diagnostics: loaded.diagnostics.map((d) => (d.code === 'file-empty' ? emptyFile(file) : d)) };
  const doc = loaded.value;
  const ctx: ParseContext = { locate: createLocator(doc), diagnostics: [...loaded.diagnostics] };
  const suite = readSuite(ctx, doc.root, file);
  const ok = ctx.diagnostics.every((d) => d.severity !== 'error');
  return { value: ok ? suite : undefined, diagnostics: ctx.diagnostics.sort((a, b) => a.offset - b.offset) };
}

function emptyFile(file: string): TestFileDiagnostic {
  const start = { offset: 0, line: 1, column: 1 };
  return testDiagnostic('test-file-empty', {}, { file, start, end: start });
}

function readSuite(ctx: ParseContext, root: YamlValue, file: string): ModelTestSuite | undefined {
  const map = mappingAt(ctx, root, '', 'a test file');
  if (map === undefined) return undefined;
  checkKeys(ctx, map, '', 'the test file', SUITE_FIELDS, ['cases']);
  const model = readText(ctx, map, '', 'model') ?? 'model.yaml';
  const asOf = readDate(ctx, map);
  const tolerance = readTolerance(ctx, map);
  const items = map['cases'] === undefined ? [] : (listAt(ctx, map['cases'], '/cases', '`cases`') ?? []);
  if (map['cases'] !== undefined && items.length === 0 && Array.isArray(map['cases'])) report(ctx, 'test-no-cases', {}, '/cases', 'key');
  const cases = items.map((item, i) => readCase(ctx, item, childPointer('/cases', i), tolerance));
  reportDuplicateNames(ctx, cases);
  return { file, model, asOf, tolerance, cases: cases.filter((c): c is TestCase => c !== undefined) };
}

function readText(ctx: ParseContext, map: YamlMapping, pointer: string, key: string): string | undefined {
  const value = map[key];
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.trim() !== '') return value;
  report(ctx, 'test-wrong-type', { what: `\`${key}\``, expected: 'text', actual: describeValue(value) }, childPointer(pointer, key));
  return undefined;
}

function readDate(ctx: ParseContext, map: YamlMapping): string | null {
  const value = map['as_of'];
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) && parseDay(value) !== undefined) return value.trim();
  report(ctx, 'test-bad-date', { text: typeof value === 'string' ? value : String(value) }, '/as_of');
  return null;
}

function readTolerance(ctx: ParseContext, map: YamlMapping): number {
  const value = map['tolerance'];
  if (value === undefined) return 0;
  if (typeof value === 'number' && value >= 0) return value;
  report(ctx, 'test-wrong-type', { what: '`tolerance`', expected: 'a number, 0 or more', actual: describeValue(value) }, '/tolerance');
  return 0;
}

function readCase(ctx: ParseContext, item: YamlValue, pointer: string, tolerance: number): TestCase | undefined {
  const map = mappingAt(ctx, item, pointer, 'a case');
  if (map === undefined) return undefined;
  const name = readText(ctx, map, pointer, 'name');
  const hasRecord = Object.hasOwn(map, 'record');
  const hasSnapshots = Object.hasOwn(map, 'snapshots');
  const allowed = hasSnapshots ? ['name', 'snapshots'] : CASE_FIELDS.filter((f) => f !== 'snapshots');
  checkKeys(ctx, map, pointer, hasSnapshots ? 'a case with snapshots' : 'a case', hasRecord && hasSnapshots ? CASE_FIELDS : allowed, ['name']);
  if (hasRecord === hasSnapshots) report(ctx, 'test-case-input', { found: hasRecord ? 'both' : 'neither' }, pointer, 'key');
  const steps = hasSnapshots ? readSnapshots(ctx, map['snapshots'] as YamlValue, childPointer(pointer, 'snapshots'), tolerance) : [readStep(ctx, map, pointer, tolerance)];
  const span = ctx.locate.value(pointer);
  if (name !== undefined && hasRecord !== hasSnapshots && steps.every((s) => s === undefined || s.checks.length === 0) && !hasErrorsInside(ctx, span.start.offset, span.end.offset)) {
    report(ctx, 'test-expects-nothing', { name }, pointer, 'key');
  }
  if (name === undefined || steps.some((s) => s === undefined)) return undefined;
  return { name, line: span.start.line, span, kind: hasSnapshots ? 'snapshots' : 'record', steps: steps as TestStep[] };
}

function readSnapshots(ctx: ParseContext, value: YamlValue, pointer: string, tolerance: number): (TestStep | undefined)[] {
  const items = listAt(ctx, value, pointer, '`snapshots`');
  if (items === undefined) return [undefined];
  return items.map((item, i) => {
    const at = childPointer(pointer, i);
    const map = mappingAt(ctx, item, at, 'a snapshot');
    if (map === undefined || !checkKeys(ctx, map, at, 'a snapshot', SNAPSHOT_FIELDS, ['record'])) return undefined;
    return readStep(ctx, map, at, tolerance);
  });
}

function readStep(ctx: ParseContext, map: YamlMapping, pointer: string, tolerance: number): TestStep | undefined {
  const recordPointer = childPointer(pointer, 'record');
  const record = map['record'] === undefined ? undefined : readRecord(ctx, map['record'], recordPointer);
  const checks = map['expect'] === undefined ? [] : readExpectation(ctx, map['expect'], childPointer(pointer, 'expect'), tolerance);
  if (record === undefined) return undefined;
  const fields = Object.keys(record).map((name) => ({ name, span: ctx.locate.key(childPointer(recordPointer, name)) }));
  return { record, fields, checks };
}

function readRecord(ctx: ParseContext, value: YamlValue, pointer: string): Record<string, RecordValue> | undefined {
  const map = mappingAt(ctx, value, pointer, '`record`');
  if (map === undefined) return undefined;
  const record = Object.create(null) as Record<string, RecordValue>;
  let ok = true;
  for (const [key, field] of Object.entries(map)) {
    if (field !== null && typeof field === 'object') {
      report(ctx, 'test-wrong-type', { what: `record field \`${key}\``, expected: 'a single value', actual: describeValue(field) }, childPointer(pointer, key));
      ok = false;
    } else record[key] = field;
  }
  return ok ? record : undefined;
}

function hasErrorsInside(ctx: ParseContext, start: number, end: number): boolean {
  return ctx.diagnostics.some((d) => d.severity === 'error' && d.offset >= start && d.offset <= end);
}

function reportDuplicateNames(ctx: ParseContext, cases: readonly (TestCase | undefined)[]): void {
  const first = new Map<string, number>();
  for (const c of cases) {
    if (c === undefined) continue;
    const line = first.get(c.name);
    if (line === undefined) first.set(c.name, c.line);
    else ctx.diagnostics.push(testDiagnostic('test-duplicate-case', { name: c.name, firstLine: line }, c.span));
  }
}
