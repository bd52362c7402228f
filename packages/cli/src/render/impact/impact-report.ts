import type { BacktestReport, Impact, ModelEdit, Plan, ThresholdSearch } from '@vitals/core';
import type { RunCounts } from '../score-writers.js';

/** Version of `diff --format json` and `simulate --format json` (packages/cli/schema/diff.schema.json). */
export const DIFF_FORMAT_VERSION = 1;

/**
 * What `vitals diff` and `vitals simulate` report: the core's impact, and where it came from.
 * Every form (text, Markdown, JSON, HTML) renders this.
 */
export interface ImpactReport {
  readonly command: 'diff' | 'simulate';
  /** Where each model came from: a file, `REF:file` from git, or the file with the simulated edits. */
  readonly base: { readonly label: string; readonly plan: Plan };
  readonly head: { readonly label: string; readonly plan: Plan };
  /** The data file and how its rows read (statuses as HEAD scores them). */
  readonly data: { readonly file: string; readonly counts: RunCounts };
  readonly impact: Impact;
  /** `simulate --set` / `--target`: the edits and the patch that makes them in the model file. */
  readonly simulation?: { readonly edits: readonly ModelEdit[]; readonly patch: string };
  /** `simulate --target`: the shares aimed at and the thresholds found. */
  readonly target?: ThresholdSearch;
  /** `diff --outcome`: both models backtested on the same rows (BASE first), with their paired comparison. */
  readonly outcome?: BacktestReport;
}
