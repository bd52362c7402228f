import type { ScoreResult } from '../evaluate/result.js';
import type { Json } from './model-test-suite.js';
import type { TestFileDiagnostic } from './test-diagnostics.js';

/** What running a test file against a model gives. Plain data. */
export interface ModelTestReport {
  readonly file: string;
  readonly model: string;
  readonly passed: number;
  readonly failed: number;
  readonly cases: readonly CaseReport[];
  /** What the cases leave untested, in model order. */
  readonly untested: readonly UntestedItem[];
}

export interface CaseReport {
  readonly name: string;
  readonly line: number;
  readonly passed: boolean;
  readonly differences: readonly Difference[];
  /** Names in the case that the model does not have (a record field, a metric, a band, …): the case fails. */
  readonly problems: readonly TestFileDiagnostic[];
  /** The evaluator's results, one per record or snapshot, for showing what it did. */
  readonly results: readonly ScoreResult[];
}

/** One expected field that the result does not match, with the line the expectation is on. */
export interface Difference {
  /** `score`, `metrics.seat_utilisation.band`, `snapshots[1].playbooks` (snapshots count from 0). */
  readonly path: string;
  readonly expected: Json;
  readonly actual: Json;
  /** The allowed difference, when the field is a number compared with one. */
  readonly tolerance?: number;
  readonly line: number;
  readonly column: number;
  /** Why `actual` is null when the result has no such field at all. */
  readonly note?: string;
}

/**
 * Something no case checks. A band counts as reached when a case's result lands in it and the case
 * checks that score or band; a playbook when a case that checks `playbooks` sees it fire (or not
 * fire, on a valid record); a missing-value path when a metric is missing in a case that checks
 * that metric or the overall score, status, reason or coverage.
 */
export type UntestedItem =
  | { readonly kind: 'band'; readonly subject: 'overall' | 'category' | 'metric'; readonly key: string | null; readonly band: string }
  | { readonly kind: 'playbook-never-fires'; readonly playbook: string }
  | { readonly kind: 'playbook-always-fires'; readonly playbook: string }
  | { readonly kind: 'missing-value'; readonly metric: string };
