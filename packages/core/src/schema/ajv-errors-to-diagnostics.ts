import type { ErrorObject } from 'ajv';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/suggest.js';
import { childPointer } from '../load/source-document.js';
import { valueAt, type YamlValue } from '../load/source-document.js';
import type { Locator } from '../position/locator.js';
import { describePointer } from './describe-pointer.js';
import { EXPRESSION_SCHEMA, HEALTH_MODEL_SCHEMA, IDENTIFIER_SCHEMA } from './health-model-schema.js';

type SchemaNode = { properties?: Record<string, unknown>; pattern?: string; errorHint?: string; enum?: unknown[] };

/**
 * ajv's errors → our diagnostics: one per problem, worded for a model author, at the node's place.
 * Errors at a pointer `isReported` accepts are left out (after choosing among alternatives, so the
 * branch the author meant is still chosen).
 */
export function ajvErrorsToDiagnostics(errors: readonly ErrorObject[], root: YamlValue, locate: Locator, isReported: (pointer: string) => boolean = () => false): Diagnostic[] {
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const error of collapseAlternatives(errors).filter((e) => !isReported(e.instancePath))) {
    const d = errorToDiagnostic(withSchemaAndData(error, root), locate);
    const key = `${d.code}@${d.offset}:${d.message}`;
    if (!seen.has(key)) diagnostics.push(d);
    seen.add(key);
  }
  return diagnostics;
}

/**
 * An `anyOf` that fails reports every branch's errors. Keep the branch whose type matched the
 * value (that is the one the author meant); when none or several did, say what was expected once.
 */
function collapseAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  // A failed `propertyNames` repeats what its inner error (the pattern, the length) says of the key.
  let result = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if' && e.keyword !== 'propertyNames');
  const alternatives = errors
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const alternative of alternatives) {
    const prefix = `${alternative.schemaPath}/`;
    const inside = result.filter((e) => e.schemaPath.startsWith(prefix));
    if (inside.length === 0) continue;
    const branches = new Map<string, ErrorObject[]>();
    for (const e of inside) {
      const branch = e.schemaPath.slice(prefix.length).split('/')[0] as string;
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    const typeMatched = [...branches.values()].filter(
      (branch) => !branch.some((e) => e.keyword === 'type' && e.instancePath === alternative.instancePath),
    );
    const kept = typeMatched.length === 1 ? (typeMatched[0] as ErrorObject[]) : [alternative];
    result = [...result.filter((e) => !inside.includes(e)), ...kept];
  }
  return result;
}

/**
 * The validator is generated ahead of time without ajv's `verbose` option (which would copy the
 * schema into it many times), so the failing value and the schema around the keyword are looked
 * up here, from the instance path and the schema path.
 */
function withSchemaAndData(error: ErrorObject, root: YamlValue): ErrorObject {
  const propertyName = (error as { propertyName?: string }).propertyName;
  const data = propertyName ?? valueAt(root, error.instancePath);
  return { ...error, data, parentSchema: schemaAt(error.schemaPath.split('/').slice(1, -1)) };
}

function schemaAt(path: readonly string[]): SchemaNode {
  let node: unknown = HEALTH_MODEL_SCHEMA;
  for (const segment of path) node = (node as Record<string, unknown> | undefined)?.[decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~')];
  return (node ?? {}) as SchemaNode;
}

function errorToDiagnostic(error: ErrorObject, locate: Locator): Diagnostic {
  const at = error.instancePath;
  const params = error.params as Record<string, unknown>;
  const parent = (error.parentSchema ?? {}) as SchemaNode;
  switch (error.keyword) {
    case 'required': {
      const field = String(params['missingProperty']);
      return diagnostic('missing-field', { field, parent: describePointer(at) }, locate.key(at));
    }
    case 'additionalProperties': {
      const field = String(params['additionalProperty']);
      const allowed = Object.keys(parent.properties ?? {});
      const suggestion = suggest(field, allowed);
      return diagnostic('unknown-field', { field, allowed, ...(suggestion ? { suggestion } : {}) }, locate.key(childPointer(at, field)));
    }
    case 'type':
      return diagnostic('wrong-type', { subject: describePointer(at), expected: describeType(String(params['type'])), actual: describeValue(error.data) }, locate.value(at));
    case 'enum':
    case 'const': {
      const allowed = (error.keyword === 'enum' ? (params['allowedValues'] as unknown[]) : [params['allowedValue']]).map(String);
      const actual = describeScalar(error.data);
      const suggestion = suggest(actual, allowed);
      return diagnostic('invalid-value', { actual, allowed, ...(suggestion ? { suggestion } : {}) }, locate.value(at));
    }
    case 'pattern':
      return patternDiagnostic(error, locate);
    case 'maxLength':
      return tooLong(error, locate);
    case 'maxItems':
    case 'maxProperties':
      return diagnostic('too-many-entries', { subject: describePointer(at), count: entryCount(error.data), limit: Number(params['limit']) }, locate.key(at));
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return diagnostic('out-of-range', { subject: describePointer(at), relation: RELATIONS[error.keyword] as string, limit: Number(params['limit']), actual: Number(error.data) }, locate.value(at));
    case 'anyOf':
    case 'oneOf':
      return diagnostic('wrong-type', { subject: describePointer(at), expected: parent.errorHint ?? 'another kind of value', actual: describeValue(error.data) }, locate.value(at));
    default:
      return diagnostic('schema-violation', { detail: `${describePointer(at)} ${sizeWording(error)}` }, locate.value(at));
  }
}

/** A value over its length limit: each kind of text has its own code (see `limits.ts`). */
function tooLong(error: ErrorObject, locate: Locator): Diagnostic {
  const limit = Number((error.params as { limit: number }).limit);
  const propertyName = (error as { propertyName?: string }).propertyName;
  const text = String(propertyName ?? error.data);
  const length = [...text].length;
  if (propertyName !== undefined) return diagnostic('name-too-long', { name: text, length, limit }, locate.key(childPointer(error.instancePath, propertyName)));
  const at = locate.value(error.instancePath);
  if (error.parentSchema === EXPRESSION_SCHEMA) return diagnostic('expr-too-long', { length, limit }, at);
  if (error.parentSchema === IDENTIFIER_SCHEMA) return diagnostic('name-too-long', { name: text, length, limit }, at);
  return diagnostic('text-too-long', { subject: describePointer(error.instancePath), length, limit }, at);
}

function entryCount(data: unknown): number {
  return Array.isArray(data) ? data.length : data !== null && typeof data === 'object' ? Object.keys(data).length : 0;
}

const RELATIONS: Readonly<Record<string, string>> = {
  minimum: 'at least',
  maximum: 'at most',
  exclusiveMinimum: 'above',
  exclusiveMaximum: 'below',
};

const PATTERN_FORMATS: readonly { test: RegExp; expected: string; example: string }[] = [
  { test: /\[dw\]/, expected: 'a duration in days or weeks', example: '30d' },
  { test: /\^#/, expected: 'a colour as #rrggbb', example: '#2e7d32' },
  { test: /\\S/, expected: 'a column name as the header writes it, without spaces at either end', example: 'Monthly Charges' },
];

function patternDiagnostic(error: ErrorObject, locate: Locator): Diagnostic {
  const pattern = String((error.params as { pattern?: string }).pattern);
  const propertyName = (error as { propertyName?: string }).propertyName;
  if (propertyName !== undefined) {
    return diagnostic('invalid-name', { name: propertyName }, locate.key(childPointer(error.instancePath, propertyName)));
  }
  const format = PATTERN_FORMATS.find((f) => f.test.test(pattern));
  if (format !== undefined) {
    return diagnostic('invalid-format', { actual: String(error.data), expected: format.expected, example: format.example }, locate.value(error.instancePath));
  }
  return diagnostic('invalid-name', { name: String(error.data) }, locate.value(error.instancePath));
}

function sizeWording(error: ErrorObject): string {
  const limit = (error.params as { limit?: number }).limit;
  switch (error.keyword) {
    case 'minItems':
      return `needs at least ${limit} item${limit === 1 ? '' : 's'}`;
    case 'maxItems':
      return `has more than ${limit} items`;
    case 'minProperties':
      return `needs at least ${limit} entr${limit === 1 ? 'y' : 'ies'}`;
    case 'maxProperties':
      return `has more than ${limit} entries`;
    case 'minLength':
      return 'must not be empty';
    case 'maxLength':
      return `is longer than ${limit} characters`;
    case 'uniqueItems': {
      const twice = (error.data as unknown[])[(error.params as { j: number }).j];
      return `lists \`${String(twice)}\` twice`;
    }
    default:
      return error.message ?? 'is not valid';
  }
}

function describeType(type: string): string {
  const names: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'text', number: 'a number', integer: 'a whole number', boolean: 'true or false' };
  return type
    .split(',')
    .map((t) => names[t] ?? t)
    .join(' or ');
}

function describeValue(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text \`${value.length > 40 ? `${value.slice(0, 40)}…` : value}\``;
  return `${typeof value === 'number' ? 'the number' : typeof value} \`${String(value)}\``;
}

function describeScalar(value: unknown): string {
  return typeof value === 'object' && value !== null ? (Array.isArray(value) ? '[…]' : '{…}') : String(value);
}
