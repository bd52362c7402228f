import type { Diagnostic, ModelTestReport, TestFileDiagnostic, UntestedItem } from '@vitals/core';

/** What running one test file gave: its report, or why it could not run. */
export interface TestFileOutcome {
  readonly file: string;
  /** The model the file tests, as a path (relative to the working directory). */
  readonly model: string;
  /** Problems in the test file itself, or errors in the model it tests (the cases then do not run). */
  readonly diagnostics: readonly (TestFileDiagnostic | Diagnostic)[];
  /** The text of each file the diagnostics point into, for showing source lines. */
  readonly sources: Readonly<Record<string, string>>;
  readonly report: ModelTestReport | undefined;
  /** Set when the test file or its model cannot be read at all (exit 2). */
  readonly unreadable?: string;
  readonly milliseconds: number;
}

export interface TestTotals {
  readonly files: number;
  readonly passed: number;
  readonly failed: number;
  /** Files whose cases could not run (bad test file, model with errors, unreadable file). */
  readonly broken: number;
}

export function totals(outcomes: readonly TestFileOutcome[]): TestTotals {
  return {
    files: outcomes.length,
    passed: outcomes.reduce((n, o) => n + (o.report?.passed ?? 0), 0),
    failed: outcomes.reduce((n, o) => n + (o.report?.failed ?? 0), 0),
    broken: outcomes.filter((o) => o.report === undefined).length,
  };
}

/** What the cases of every test file of one model leave untested together. */
export interface ModelCoverage {
  readonly model: string;
  readonly files: readonly string[];
  readonly untested: readonly UntestedItem[];
}

/**
 * Each file's report lists what its own cases leave untested; a model tested by several files
 * leaves untested only what none of them tests: the items every one of its files lists.
 */
export function untestedByModel(outcomes: readonly TestFileOutcome[]): ModelCoverage[] {
  const byModel = new Map<string, TestFileOutcome[]>();
  for (const o of outcomes) if (o.report !== undefined) byModel.set(o.model, [...(byModel.get(o.model) ?? []), o]);
  return [...byModel].map(([model, files]) => {
    const lists = files.map((f) => new Set((f.report?.untested ?? []).map((item) => JSON.stringify(item))));
    const untested = (files[0]?.report?.untested ?? []).filter((item) => lists.every((list) => list.has(JSON.stringify(item))));
    return { model, files: files.map((f) => f.file), untested };
  });
}
