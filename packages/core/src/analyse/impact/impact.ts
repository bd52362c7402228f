import type { BandShare, HistogramBin, ScoreStats } from '../distribution.js';
import type { UnscoredReason } from '../../evaluate/result.js';

/**
 * The impact of a model change: what changed in meaning (`change`) and what that does to the same
 * accounts (`data`). Plain JSON-shaped data, snake_case like every result the core gives, so the
 * CLI can print it as it is and a browser worker can post it.
 */
export interface Impact {
  readonly change: ModelDiff;
  readonly data: DataImpact;
}

/** Which model a side of the comparison is. */
export interface ModelIdentity {
  readonly model: string;
  readonly title: string | null;
  /** The plan's content hash: equal hashes mean the same meaning, whatever the comments and layout. */
  readonly hash: string;
}

/** The semantic change from one plan to another, computed on the plans (stable keys), never on text. */
export interface ModelDiff {
  readonly base: ModelIdentity;
  readonly head: ModelIdentity;
  /** No change of meaning: layout, comments or the way a formula is written at most. */
  readonly unchanged: boolean;
  /** Every change, in model order: settings, bands, inputs, categories, metrics, pulse, overrides, benchmarks, playbooks. */
  readonly changes: readonly ModelChange[];
  /** Each metric's share of the overall score with every metric present, before and after (null where it does not exist). */
  readonly weights: readonly WeightShare[];
  /** Each category's share of the overall score, before and after. */
  readonly category_weights: readonly WeightShare[];
}

export type ChangeSection =
  | 'model'
  | 'bands'
  | 'data'
  | 'inputs'
  | 'categories'
  | 'metrics'
  | 'pulse'
  | 'overrides'
  | 'benchmarks'
  | 'playbooks';

/** A value before or after a change, as the model writes it (expressions as their text, durations as `30d`). */
export type ChangeValue = null | number | string | boolean | readonly ChangeValue[] | { readonly [key: string]: ChangeValue };

/**
 * One change. `added`/`removed`/`renamed` are whole entries (a metric, a band, a playbook …);
 * `changed` is one field of an entry or one model setting. A renamed entry whose definition also
 * changed gives a `renamed` change and then a `changed` one per field.
 */
export interface ModelChange {
  readonly section: ChangeSection;
  readonly kind: 'added' | 'removed' | 'renamed' | 'changed';
  /** The entry's key (HEAD's key; BASE's for a removed entry); null for a model-level setting. */
  readonly key: string | null;
  /** The field that changed, as the model file names it (`weight`, `score`, `bands.red`, `missing`); null for a whole entry. */
  readonly field: string | null;
  /** Where, as `vitals simulate --set` addresses it: `metrics.seat_utilisation.weight`, `bands.red`, `missing.min_coverage`. */
  readonly path: string;
  /** For `renamed`, the old and new keys; for `added`/`removed`, the entry's definition on its side (null on the other). */
  readonly before: ChangeValue;
  readonly after: ChangeValue;
}

/** A metric's or category's share (0–1) of the overall score with every metric present. */
export interface WeightShare {
  readonly key: string;
  /** The metric's category (HEAD's, else BASE's); null for a category's own share. */
  readonly category: string | null;
  readonly before: number | null;
  readonly after: number | null;
}

/** An account as the data names it: its id, or the row it came from when the model names no id. */
export interface AccountRef {
  readonly id: string | null;
  readonly row: number | null;
}

/** How many accounts, and the first few of them (in data order) so a reviewer can look one up. */
export interface AccountSample {
  readonly count: number;
  readonly accounts: readonly AccountRef[];
}

/** What a row or column of the transition matrix stands for: a band, or no score at all. */
export interface MatrixState {
  readonly status: 'scored' | 'unscored' | 'invalid';
  /** The band for `scored`; null otherwise. */
  readonly band: string | null;
}

/** `counts[i][j]`: accounts in state `from[i]` under BASE and `to[j]` under HEAD. */
export interface TransitionMatrix {
  readonly from: readonly MatrixState[];
  readonly to: readonly MatrixState[];
  readonly counts: readonly (readonly number[])[];
}

/** The effect of the change on the same accounts, both models evaluated over the data in one pass. */
export interface DataImpact {
  /** `account`: each account once, at its latest snapshot (history still shapes its score); `snapshot`: every row. */
  readonly unit: 'account' | 'snapshot';
  /** Records evaluated (every snapshot). */
  readonly records: number;
  /** Accounts (or snapshots) compared below. */
  readonly compared: number;
  readonly transitions: TransitionMatrix;
  /** Scored under both and in another band under HEAD; `better`/`worse` by the band's place, worst first. */
  readonly band_changes: { readonly changed: number; readonly better: number; readonly worse: number };
  /** Scored under both: how many scores moved, and by how much on average (null when none is scored under both). */
  readonly score_changes: { readonly changed: number; readonly up: number; readonly down: number; readonly mean_change: number | null; readonly both_scored: number };
  readonly distribution: { readonly base: ImpactDistribution; readonly head: ImpactDistribution; readonly shift: StatsShift | null };
  /** The accounts whose score moved most (either way), the largest move first. */
  readonly movers: readonly Mover[];
  /** Every playbook of either model, HEAD's order first. */
  readonly playbooks: readonly PlaybookImpact[];
  readonly benchmarks: { readonly fell_below: BenchmarkCrossing; readonly rose_above: BenchmarkCrossing };
  readonly coverage: CoverageChanges;
}

/** One side's distribution, on histogram bins shared by both sides. */
export interface ImpactDistribution {
  readonly count: number;
  readonly scored: number;
  readonly unscored: number;
  readonly invalid: number;
  readonly unscored_reasons: Readonly<Partial<Record<UnscoredReason, number>>>;
  readonly bands: readonly BandShare[];
  readonly histogram: readonly HistogramBin[];
  readonly stats: ScoreStats | null;
  readonly categories: readonly { readonly key: string; readonly title: string | null; readonly mean: number | null }[];
}

/** HEAD minus BASE for each statistic. */
export type StatsShift = { readonly [K in keyof ScoreStats]: number };

export interface Mover extends AccountRef {
  readonly stage: string | null;
  readonly segment: string | null;
  readonly before: { readonly score: number; readonly band: string | null };
  readonly after: { readonly score: number; readonly band: string | null };
  /** HEAD's score minus BASE's. */
  readonly change: number;
  /** The metric whose contribution to the score changed most; null when none did (a roll-up or override change). */
  readonly moved_by: MoverCause | null;
}

/** A metric's part in a mover's change: its contribution (points of the overall score), score and weight on each side. */
export interface MoverCause {
  readonly metric: string;
  readonly contribution_before: number | null;
  readonly contribution_after: number | null;
  readonly score_before: number | null;
  readonly score_after: number | null;
  readonly weight_before: number | null;
  readonly weight_after: number | null;
}

export interface PlaybookImpact {
  readonly key: string;
  readonly title: string | null;
  /** How the playbook itself changed: `unchanged` ones can still fire differently (their condition reads the score). */
  readonly status: 'unchanged' | 'changed' | 'added' | 'removed' | 'renamed';
  /** Accounts (or snapshots) it fires for, under each model. */
  readonly fired_before: number;
  readonly fired_after: number;
  /** Fires under HEAD and did not under BASE, and the other way. */
  readonly started: AccountSample;
  readonly stopped: AccountSample;
  /** The dry run over every snapshot (the whole history): the workload each version would have created. */
  readonly workload_before: PlaybookWorkload | null;
  readonly workload_after: PlaybookWorkload | null;
}

export interface PlaybookWorkload {
  /** Snapshots it fired on (cooldowns applied). */
  readonly fires: number;
  /** Distinct accounts it fired for. */
  readonly accounts: number;
  /** Fires on a snapshot where another playbook of the same model fired too: already somebody's task. */
  readonly covered: number;
}

export interface BenchmarkCrossing extends AccountSample {
  readonly by_stage: readonly { readonly stage: string; readonly segment: string | null; readonly count: number }[];
}

export interface CoverageChanges {
  /** Scored under BASE, not under HEAD; `reasons` says why (an unscored reason, or `invalid`). */
  readonly became_unscored: AccountSample & { readonly reasons: Readonly<Partial<Record<UnscoredReason | 'invalid', number>>> };
  /** Not scored under BASE, scored under HEAD. */
  readonly became_scored: AccountSample;
  /** Mean coverage (0–1) of the accounts that are not invalid, on each side. */
  readonly mean_before: number | null;
  readonly mean_after: number | null;
}

export interface ImpactOptions {
  /** For models without an as-of field: the date to score as of (YYYY-MM-DD). */
  readonly asOf?: string;
  /** Default: `account` when a model reads history (an id and an as-of field), else `snapshot` (each row is an account). */
  readonly unit?: 'account' | 'snapshot';
  /** How many movers to keep (default 10). */
  readonly movers?: number;
  /** How many accounts each list names (default 10); counts are always complete. */
  readonly sample?: number;
  /** Histogram bins (default 10). */
  readonly bins?: number;
}
