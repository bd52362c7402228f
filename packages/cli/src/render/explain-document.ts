import type { NextBand, Plan, ScoreResult } from '@vitals/core';

/** Version of `score --explain --format json` (packages/cli/schema/explain.schema.json). */
export const EXPLAIN_FORMAT_VERSION = 1;

/** Everything `score --explain` says about one account: its snapshots, the latest result in full, and the what-if. */
export interface Explanation {
  readonly account: string;
  readonly file: string;
  /** Each snapshot of the account in the file, in order (the last one is explained). */
  readonly history: readonly { readonly row: number; readonly as_of: string | null; readonly status: ScoreResult['status']; readonly score: number | null; readonly band: string | null }[];
  readonly row: number;
  readonly line: number | null;
  readonly result: ScoreResult;
  readonly next_band: NextBand;
}

export function renderExplainJson(explanation: Explanation, plan: Plan): string {
  return `${JSON.stringify({ format_version: EXPLAIN_FORMAT_VERSION, model: plan.model, ...explanation }, null, 2)}\n`;
}
