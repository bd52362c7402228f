/**
 * Every diagnostic the core can report, with the parameters its message needs. The message and
 * hint for each live in `messages.ts`; `diagnostic()` is the one constructor. Adding a code here
 * without a message is a type error, and `test/diagnostics/registry.test.ts` fails until a fixture
 * raises it at a tested position.
 */
export interface DiagnosticParams {
  // load: bytes and YAML
  'file-not-utf8': { offset: number };
  'file-empty': Record<string, never>;
  'file-too-large': { bytes: number; limit: number };
  /** `reason` is the YAML parser's error code (`BAD_INDENT`, `MISSING_CHAR`, …), which picks the hint. */
  'yaml-syntax': { detail: string; reason?: string };
  'yaml-duplicate-key': { key: string };
  'yaml-multiple-documents': Record<string, never>;
  'yaml-unknown-alias': { name: string };
  'yaml-alias-limit': { limit: number };
  'yaml-too-deep': { limit: number };
  'yaml-complex-key': Record<string, never>;
  'yaml-unsupported-tag': { tag: string };
  'yaml-bad-number': { text: string };
  // schema: the shape of the file
  'not-a-mapping': Record<string, never>;
  'unsupported-version': { found: string; supported: number };
  'missing-field': { field: string; parent: string };
  'unknown-field': { field: string; suggestion?: string; allowed: string[] };
  /** `subject` names the place in words ("`weight` of category `support`"). */
  'wrong-type': { subject: string; expected: string; actual: string };
  'invalid-value': { actual: string; allowed: string[]; suggestion?: string };
  'out-of-range': { subject: string; relation: string; limit: number; actual: number };
  'invalid-name': { name: string };
  'invalid-format': { actual: string; expected: string; example: string };
  'schema-violation': { detail: string };
  'reserved-name': { name: string };
  // limits (each of `limits.ts` has its own code)
  'name-too-long': { name: string; length: number; limit: number };
  'text-too-long': { subject: string; length: number; limit: number };
  'too-many-entries': { subject: string; count: number; limit: number };
  // expressions
  'expr-empty': Record<string, never>;
  'expr-syntax': { detail: string };
  'expr-unknown-character': { char: string };
  'expr-foreign-operator': { found: string; use: string };
  'expr-bad-number': { text: string };
  'expr-too-long': { length: number; limit: number };
  'expr-too-deep': { limit: number };
  'expr-too-complex': { limit: number };
  'unknown-name': { name: string; suggestion?: string; context: string };
  'unknown-member': { member: string; of: string; suggestion?: string; allowed: string[] };
  'unknown-function': { name: string; suggestion?: string; allowed: string[] };
  'wrong-argument-count': { fn: string; expected: string; actual: number; usage: string };
  'operand-type': { op: string; expected: string; actual: string; operand: string };
  'argument-type': { fn: string; position: number; expected: string; actual: string };
  'incompatible-operands': { op: string; left: string; right: string };
  'unknown-enum-value': { value: string; type: string; allowed: string[]; suggestion?: string };
  'compare-with-null': { op: string };
  'in-list-null': { negated: boolean };
  'not-ordered': { type: string };
  'condition-not-boolean': { actual: string; where: string };
  'score-method-type': { method: string; expected: string; actual: string };
  'score-not-numeric': { actual: string };
  'needs-snapshots': { feature: string };
  // model structure
  'unknown-category': { name: string; suggestion?: string };
  'unknown-stage': { name: string; suggestion?: string; allowed: string[] };
  'unknown-segment': { name: string; suggestion?: string; allowed: string[] };
  'metric-cycle': { cycle: string[] };
  /** `owner` is what never gets a score: "the model", "category `support`". */
  'weights-all-zero': { scope: string; owner: string };
  'duplicate-name': { name: string; kind: string };
  'thresholds-unordered': { kind: string; name: string; value: number; previous: number };
  'thresholds-open-ended': { kind: string; name: string };
  'threshold-missing': { kind: string; name: string };
  'map-not-exhaustive': { missing: string[] };
  'map-unknown-key': { key: string; allowed: string[]; suggestion?: string };
  'scale-empty': { min: number; max: number };
  'geometric-needs-positive-scale': { min: number };
  /** `rounded`: what the bound becomes at the precision, the score that would then be off the scale. */
  'scale-off-precision': { bound: 'min' | 'max'; value: number; precision: number; rounded: number };
  'undeclared-field': { field: string; role: string; expected: string };
  'field-type-conflict': { field: string; role: string; expected: string; actual: string };
  'name-shadows-builtin': { name: string };
  // lint: legal but probably wrong
  'threshold-outside-scale': { kind: string; value: number; min: number; max: number };
  /** `own`: the band is the metric's own (not the model's), so the band itself can be moved. */
  'band-unreachable': { band: string; subject: string; low: number; high: number; own: boolean };
  'threshold-finer-than-precision': { value: number; precision: number };
  'weight-zero': { kind: string; name: string };
  'metric-unused': { name: string };
  'input-unused': { name: string };
  'column-read-twice': { column: string; input: string; other: string };
  'column-name-clash': { column: string; metric: string; other: string };
  'category-empty': { name: string };
  'linear-empty-range': { at: number };
  'too-many-metrics': { count: number; limit: number };
  'enum-value-spaces': { value: string };
  /** `key`: the loose key both values fold to (lower case, no spaces, `_` or `-`). */
  'enum-values-ambiguous': { first: string; second: string; key: string };
}

export type DiagnosticCode = keyof DiagnosticParams;
export type Severity = 'error' | 'warning';
