import type { BandPlan, Diagnostic, DistributionState, DistributionSummary, Impact, ModelEdit, NextBand, Plan, ScoreResult } from '@vitals/core';
import type { DataFormat } from '@vitals/data';
import type { Part } from './account-parts.js';

/**
 * The messages between the page and the preview worker. Everything is plain data (structured
 * clone); the page never scores, it renders what the worker says. `seq` ties an answer to its
 * request, so an answer to an older request can be told apart from the current one.
 */
export type ToWorker =
  /** Score `part` of the accounts (each worker of a split preview one part; one worker the whole). */
  | { readonly type: 'model'; readonly seq: number; readonly text: string; readonly file: string; readonly asOf: string | null; readonly part: Part }
  | { readonly type: 'data'; readonly seq: number; readonly name: string; readonly content: string | Uint8Array }
  | { readonly type: 'accounts'; readonly seq: number }
  | { readonly type: 'explain'; readonly seq: number; readonly account: string }
  /** The current model with these values changed (`vitals simulate --set`), against the current model. */
  | { readonly type: 'simulate'; readonly seq: number; readonly edits: readonly ModelEdit[] }
  /** The model as loaded (`base`) against the current model (`vitals diff`). */
  | { readonly type: 'compare'; readonly seq: number; readonly base: string };

export type FromWorker =
  | { readonly type: 'ready'; readonly engine: Engine }
  | { readonly type: 'evaluated'; readonly seq: number; readonly diagnostics: readonly Diagnostic[]; readonly preview: PreviewPart | null }
  | { readonly type: 'data-read'; readonly seq: number; readonly data: DataInfo }
  | { readonly type: 'accounts'; readonly seq: number; readonly table: AccountsTable | null }
  | { readonly type: 'explained'; readonly seq: number; readonly explanation: AccountExplanation | null }
  | { readonly type: 'simulated'; readonly seq: number; readonly simulation: Simulation }
  | { readonly type: 'compared'; readonly seq: number; readonly comparison: Comparison }
  | { readonly type: 'failed'; readonly seq: number; readonly message: string };

/** `compiled` generates JavaScript (`new Function`); `reference` interprets, where a CSP forbids generated code. */
export type Engine = 'compiled' | 'reference';

/** What the loaded data file held, before any model reads it. */
export interface DataInfo {
  readonly name: string;
  readonly format: DataFormat;
  readonly rows: number;
  readonly columns: readonly string[];
  /** Rows that are not records at all (a wrong field count, bad JSON), listed, not fatal. */
  readonly unreadable: readonly BadRow[];
  /** What stopped the reading (an unclosed quote, no header, a spreadsheet), with its place; the rows before it are scored. */
  readonly error: string | null;
}

/** A row the model could not score: its number, the file line it starts on, the field and why. */
export interface BadRow {
  readonly row: number;
  readonly line: number | null;
  readonly field: string | null;
  readonly code: string;
  readonly message: string;
}

/** The score distribution of the current model on the current data, and what it took. */
export interface Preview {
  readonly plan: Plan;
  readonly engine: Engine;
  /** The date the data was scored as of, for a model that needs one and has no as-of field; null otherwise. */
  readonly asOf: string | null;
  /** Rows read; `accounts` counted once each, at the latest snapshot of a model with history. */
  readonly counts: { readonly rows: number; readonly accounts: number; readonly scored: number; readonly unscored: number; readonly invalid: number };
  readonly summary: DistributionSummary;
  /** The first bad rows (at most `BAD_ROWS_SHOWN`), and how many there are. */
  readonly badRows: readonly BadRow[];
  readonly badRowCount: number;
  /** Columns the model reads that the data lacks (every row reads them as missing), with the likely meant one. */
  readonly missingColumns: readonly MissingColumnNote[];
  /** Milliseconds, in the worker (the slowest, when several each scored a share): compiling the model, and scoring and summarising the data. */
  readonly timings: { readonly compile: number; readonly score: number };
  /** How many workers scored it, each a share of the accounts. */
  readonly workers: number;
}

/** One worker's share of a preview: the tallies of its accounts, which the page merges (`mergePreviewParts`). */
export interface PreviewPart extends Omit<Preview, 'summary' | 'workers'> {
  readonly part: Part;
  readonly distribution: DistributionState;
}

export const BAD_ROWS_SHOWN = 100;

/** A column the model reads and the data lacks: the input that reads it, and the header name it most likely meant. */
export interface MissingColumnNote {
  readonly column: string;
  readonly input: string;
  readonly suggestion: string | null;
}

/** What moving the sliders does: the core's impact of the edited model against the current one, on the loaded data. */
export interface Simulation {
  readonly edits: readonly ModelEdit[];
  /** The model's text with the edits applied in place (what "Apply to the model" puts in the editor); null when an edit could not be applied. */
  readonly text: string | null;
  readonly impact: Impact | null;
  /** The simulated model's bands: the colours and titles of the "after" side. */
  readonly bands: BandPlan | null;
  /** Why there is no impact: an edit that could not be applied, or an error the values caused. */
  readonly problems: readonly string[];
}

/** The model as loaded against the model as edited (the last that compiled), on the loaded data. */
export interface Comparison {
  readonly impact: Impact | null;
  readonly bands: BandPlan | null;
  readonly problems: readonly string[];
}

/** One row per account (its latest snapshot), column by column, for a table of 100,000 rows. */
export interface AccountsTable {
  readonly ids: readonly string[];
  /** NaN where there is no score or gap. */
  readonly score: Float64Array;
  /** Index into the plan's bands; -1 for none. */
  readonly band: Int8Array;
  /** 0 scored, 1 unscored, 2 invalid. */
  readonly status: Uint8Array;
  readonly stage: readonly (string | null)[];
  readonly segment: readonly (string | null)[];
  readonly gap: Float64Array;
  /** Pulse age in days; NaN without a dated pulse. */
  readonly pulseAge: Float64Array;
  readonly stale: Uint8Array;
  readonly playbooks: Uint16Array;
}

export const STATUS_CODES = ['scored', 'unscored', 'invalid'] as const;

/** The drill-down of one account: what `vitals score --explain` prints. */
export interface AccountExplanation {
  readonly account: string;
  readonly history: readonly { readonly row: number; readonly as_of: string | null; readonly status: ScoreResult['status']; readonly score: number | null; readonly band: string | null }[];
  readonly row: number;
  readonly line: number | null;
  readonly result: ScoreResult;
  readonly next_band: NextBand;
}
