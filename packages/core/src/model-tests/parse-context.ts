import { suggest } from '../diagnostics/suggest.js';
import { childPointer, type YamlValue } from '../load/source-document.js';
import type { Locator } from '../position/locator.js';
import { testDiagnostic, type TestDiagnosticCode, type TestDiagnosticParams, type TestFileDiagnostic } from './test-diagnostics.js';

export type YamlMapping = { readonly [key: string]: YamlValue };

/** What reading one test file carries along: where things are, and the problems found so far. */
export interface ParseContext {
  readonly locate: Locator;
  readonly diagnostics: TestFileDiagnostic[];
}

export function report<C extends TestDiagnosticCode>(ctx: ParseContext, code: C, params: TestDiagnosticParams[C], pointer: string, at: 'key' | 'value' = 'value'): void {
  ctx.diagnostics.push(testDiagnostic(code, params, at === 'key' ? ctx.locate.key(pointer) : ctx.locate.value(pointer)));
}

export function isMapping(value: YamlValue | undefined): value is YamlMapping {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The value as a mapping, or a diagnostic and undefined. */
export function mappingAt(ctx: ParseContext, value: YamlValue | undefined, pointer: string, what: string): YamlMapping | undefined {
  if (isMapping(value)) return value;
  report(ctx, 'test-wrong-type', { what, expected: 'a mapping', actual: describeValue(value) }, pointer);
  return undefined;
}

export function listAt(ctx: ParseContext, value: YamlValue | undefined, pointer: string, what: string): readonly YamlValue[] | undefined {
  if (Array.isArray(value)) return value;
  report(ctx, 'test-wrong-type', { what, expected: 'a list', actual: describeValue(value) }, pointer);
  return undefined;
}

/** Reports keys outside `allowed` and absent `required` keys; true when the mapping has neither problem. */
export function checkKeys(ctx: ParseContext, map: YamlMapping, pointer: string, where: string, allowed: readonly string[], required: readonly string[] = []): boolean {
  let ok = true;
  for (const key of Object.keys(map)) {
    if (allowed.includes(key)) continue;
    const suggestion = suggest(key, allowed);
    report(ctx, 'test-unknown-field', { field: key, where, allowed, ...(suggestion ? { suggestion } : {}) }, childPointer(pointer, key), 'key');
    ok = false;
  }
  for (const key of required) {
    if (Object.hasOwn(map, key)) continue;
    report(ctx, 'test-missing-field', { field: key, where }, pointer, 'key');
    ok = false;
  }
  return ok;
}

export function describeValue(value: YamlValue | undefined): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text \`${value.length > 40 ? `${value.slice(0, 40)}…` : value}\``;
  return typeof value === 'number' ? `the number \`${value}\`` : `\`${String(value)}\``;
}
