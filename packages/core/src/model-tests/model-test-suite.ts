import type { Span } from '../position/span.js';
import type { EntryKind } from './expect-fields.js';

/**
 * A `*.test.yaml` file once read: plain data (no closures), so a CLI, a test or a worker can hold
 * it, print it or post it. Every case, record field and expectation keeps its place in the file.
 */
export interface ModelTestSuite {
  readonly file: string;
  /** The model file, relative to the test file, as written (default `model.yaml`). */
  readonly model: string;
  /** The as-of date (YYYY-MM-DD) for models without an as-of field; null to give none. */
  readonly asOf: string | null;
  /** The allowed difference for every number that names no tolerance of its own. */
  readonly tolerance: number;
  readonly cases: readonly TestCase[];
}

/** One named case: a single record, or snapshots of one account scored in order with history. */
export interface TestCase {
  readonly name: string;
  readonly line: number;
  readonly span: Span;
  readonly kind: 'record' | 'snapshots';
  /** One step for a `record` case; one per snapshot otherwise. */
  readonly steps: readonly TestStep[];
}

export interface TestStep {
  readonly record: Readonly<Record<string, RecordValue>>;
  /** Where each field of the record is written, for "the model has no such input". */
  readonly fields: readonly { readonly name: string; readonly span: Span }[];
  readonly checks: readonly Check[];
}

export type RecordValue = null | boolean | number | string;

/** JSON-shaped values: what an expectation holds and what a difference shows. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/**
 * How an expected value is compared with the result:
 * `exact` equal (text, flags, null); `number` within tolerance (null must be null); `value` a
 * number within tolerance when the expected value is a number, else exact; `list` an equal list in
 * order; `set` the same members in any order; `issues` the same `{ field, code }` pairs in any order.
 */
export type CheckKind = 'exact' | 'number' | 'value' | 'list' | 'set' | 'issues';

/** One compared field: `metrics.seat_utilisation.score`, `playbooks`, `pulse` (for `pulse: null`). */
export interface Check {
  readonly path: string;
  /** The path as keys into the result (a key may hold a dot, the path can't say so). */
  readonly segments: readonly string[];
  readonly kind: CheckKind;
  readonly expected: Json;
  readonly tolerance: number;
  readonly span: Span;
  /** The model entry the field belongs to (`metrics.<key>.…`), to check the model has it. */
  readonly entry?: { readonly kind: EntryKind; readonly key: string; readonly span: Span };
}
