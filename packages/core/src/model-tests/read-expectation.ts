import { suggest } from '../diagnostics/suggest.js';
import { childPointer, type YamlValue } from '../load/source-document.js';
import { RECORD_ISSUE_CODES, RESULT_FIELDS, type EntryKind, type FieldSpec, type FieldTable } from './expect-fields.js';
import type { Check, CheckKind, Json } from './model-test-suite.js';
import { checkKeys, describeValue, isMapping, listAt, mappingAt, report, type ParseContext, type YamlMapping } from './parse-context.js';

interface Place {
  readonly pointer: string;
  /** The path in the result, as differences show it: `metrics.seat_utilisation.score`. */
  readonly path: string;
  readonly segments: readonly string[];
  readonly entry?: Check['entry'];
}

/** An `expect:` mapping → one check per compared field. Problems become diagnostics. */
export function readExpectation(ctx: ParseContext, value: YamlValue | undefined, pointer: string, tolerance: number): Check[] {
  const map = mappingAt(ctx, value, pointer, '`expect`');
  return map === undefined ? [] : readFields(ctx, map, { pointer, path: '', segments: [] }, RESULT_FIELDS, tolerance, '`expect`');
}

function readFields(ctx: ParseContext, map: YamlMapping, at: Place, table: FieldTable, tolerance: number, where: string): Check[] {
  const checks: Check[] = [];
  const allowed = Object.keys(table);
  for (const [key, value] of Object.entries(map)) {
    const spec = Object.hasOwn(table, key) ? table[key] : undefined;
    const place: Place = { ...at, pointer: childPointer(at.pointer, key), path: at.path === '' ? key : `${at.path}.${key}`, segments: [...at.segments, key] };
    if (spec === undefined) {
      const suggestion = suggest(key, allowed);
      report(ctx, 'test-unknown-field', { field: key, where, allowed, ...(suggestion ? { suggestion } : {}) }, place.pointer, 'key');
      continue;
    }
    checks.push(...readField(ctx, value, place, spec, tolerance));
  }
  return checks;
}

function readField(ctx: ParseContext, value: YamlValue, at: Place, spec: FieldSpec, tolerance: number): Check[] {
  switch (spec.kind) {
    case 'text':
      return oneOrNone(readText(ctx, value, at, spec.allowed));
    case 'flag':
      return oneOrNone(typeof value === 'boolean' ? check(ctx, at, 'exact', value, 0) : wrongType(ctx, at, value, 'true or false'));
    case 'number':
      return oneOrNone(readNumber(ctx, value, at, tolerance, false));
    case 'value':
      return oneOrNone(readNumber(ctx, value, at, tolerance, true));
    case 'list':
    case 'set':
      return oneOrNone(readNames(ctx, value, at, spec.kind));
    case 'issues':
      return oneOrNone(readIssues(ctx, value, at));
    case 'entries':
      return readEntries(ctx, value, at, spec.entry, spec.fields, tolerance);
    case 'object':
      if (value === null) return [check(ctx, at, 'exact', null, 0)];
      return isMapping(value) ? readFields(ctx, value, at, spec.fields, tolerance, `\`${at.path}\``) : oneOrNone(wrongType(ctx, at, value, 'a mapping, or null'));
  }
}

function readEntries(ctx: ParseContext, value: YamlValue, at: Place, entry: EntryKind, fields: FieldTable, tolerance: number): Check[] {
  const map = mappingAt(ctx, value, at.pointer, `\`${at.path}\``);
  if (map === undefined) return [];
  return Object.entries(map).flatMap(([key, fieldsValue]) => {
    const place: Place = { pointer: childPointer(at.pointer, key), path: `${at.path}.${key}`, segments: [...at.segments, key], entry: { kind: entry, key, span: ctx.locate.key(childPointer(at.pointer, key)) } };
    const entryMap = mappingAt(ctx, fieldsValue, place.pointer, `\`${place.path}\``);
    return entryMap === undefined ? [] : readFields(ctx, entryMap, place, fields, tolerance, `\`${place.path}\``);
  });
}

function readText(ctx: ParseContext, value: YamlValue, at: Place, allowed: readonly string[] | undefined): Check | undefined {
  if (value !== null && typeof value !== 'string') return wrongType(ctx, at, value, 'text or null');
  if (allowed !== undefined && value !== null && !allowed.includes(value)) {
    const suggestion = suggest(value, allowed);
    report(ctx, 'test-invalid-value', { what: `\`${at.path}\``, actual: value, allowed, ...(suggestion ? { suggestion } : {}) }, at.pointer);
    return undefined;
  }
  return check(ctx, at, 'exact', value, 0);
}

/** A number, null, or `{ value, tolerance }`; with `anyValue`, text and true/false too (a metric's value). */
function readNumber(ctx: ParseContext, value: YamlValue, at: Place, tolerance: number, anyValue: boolean): Check | undefined {
  if (value === null || typeof value === 'number') return check(ctx, at, 'number', value, tolerance);
  if (anyValue && (typeof value === 'string' || typeof value === 'boolean')) return check(ctx, at, 'exact', value, 0);
  if (!isMapping(value)) return wrongType(ctx, at, value, anyValue ? 'a value, or { value, tolerance }' : 'a number, null, or { value, tolerance }');
  if (!checkKeys(ctx, value, at.pointer, `\`${at.path}\``, ['value', 'tolerance'], ['value'])) return undefined;
  const expected = value['value'] as YamlValue;
  const own = value['tolerance'];
  if (expected !== null && typeof expected !== 'number') return wrongType(ctx, { ...at, pointer: childPointer(at.pointer, 'value'), path: `${at.path}.value` }, expected, 'a number or null');
  if (own !== undefined && (typeof own !== 'number' || own < 0)) {
    return wrongType(ctx, { ...at, pointer: childPointer(at.pointer, 'tolerance'), path: `${at.path}.tolerance` }, own, 'a number, 0 or more');
  }
  return check(ctx, at, 'number', expected, own ?? tolerance);
}

function readNames(ctx: ParseContext, value: YamlValue, at: Place, kind: 'list' | 'set'): Check | undefined {
  const items = listAt(ctx, value, at.pointer, `\`${at.path}\``);
  if (items === undefined) return undefined;
  const bad = items.findIndex((item) => typeof item !== 'string');
  if (bad >= 0) return wrongType(ctx, { ...at, pointer: childPointer(at.pointer, bad) }, items[bad] as YamlValue, 'a name');
  return check(ctx, at, kind, items as string[], 0);
}

function readIssues(ctx: ParseContext, value: YamlValue, at: Place): Check | undefined {
  const items = listAt(ctx, value, at.pointer, '`issues`');
  if (items === undefined) return undefined;
  const issues: { field: string; code: string }[] = [];
  items.forEach((item, i) => {
    const pointer = childPointer(at.pointer, i);
    const map = mappingAt(ctx, item, pointer, 'an issue');
    if (map === undefined || !checkKeys(ctx, map, pointer, 'an issue', ['field', 'code'], ['field', 'code'])) return;
    const { field, code } = map as { field: YamlValue; code: YamlValue };
    if (typeof field !== 'string') return void wrongType(ctx, { ...at, pointer: childPointer(pointer, 'field') }, field, 'a field name');
    if (typeof code !== 'string' || !RECORD_ISSUE_CODES.includes(code)) {
      const actual = typeof code === 'string' ? code : describeValue(code);
      const suggestion = suggest(actual, RECORD_ISSUE_CODES);
      return void report(ctx, 'test-invalid-value', { what: 'issue code', actual, allowed: RECORD_ISSUE_CODES, ...(suggestion ? { suggestion } : {}) }, childPointer(pointer, 'code'));
    }
    issues.push({ field, code });
  });
  return issues.length === items.length ? check(ctx, at, 'issues', issues, 0) : undefined;
}

function check(ctx: ParseContext, at: Place, kind: CheckKind, expected: Json, tolerance: number): Check {
  return { path: at.path, segments: at.segments, kind, expected, tolerance, span: ctx.locate.key(at.pointer), ...(at.entry ? { entry: at.entry } : {}) };
}

function wrongType(ctx: ParseContext, at: Place, value: YamlValue, expected: string): undefined {
  report(ctx, 'test-wrong-type', { what: `\`${at.path}\``, expected, actual: describeValue(value) }, at.pointer);
  return undefined;
}

function oneOrNone(c: Check | undefined): Check[] {
  return c === undefined ? [] : [c];
}
