import type { HealthModel } from '../../api/compile-model.js';
import type { BandPlan, Plan } from '../../compile/plan.js';
import type { ScoreResult } from '../../evaluate/result.js';
import type { BandShare } from '../distribution.js';

/** Which band a variant is judged by: the overall band, or one metric's or category's (for a threshold of theirs). */
export type BandWatch = { readonly kind: 'overall' } | { readonly kind: 'metric'; readonly key: string } | { readonly kind: 'category'; readonly key: string };

export interface Variant {
  readonly label: string;
  readonly model: HealthModel;
  /** Default: the overall band. */
  readonly watch?: BandWatch;
}

/** One variant over the data, against BASE. */
export interface VariantOutcome {
  readonly label: string;
  readonly scored: number;
  readonly unscored: number;
  readonly invalid: number;
  /** Shares of the variant's overall bands among its scored accounts, worst band first. */
  readonly bands: readonly BandShare[];
  readonly mean: number | null;
  /** Accounts banded under both whose watched band differs from BASE's; `better`/`worse` by the band's place. */
  readonly changed_band: number;
  readonly better: number;
  readonly worse: number;
}

export interface VariantRunResult {
  readonly unit: 'account' | 'snapshot';
  readonly records: number;
  readonly base: VariantOutcome;
  readonly variants: readonly VariantOutcome[];
  /** BASE's overall scores of the accounts compared, ascending (what a threshold search reads). */
  readonly baseScores: Float64Array;
}

export interface VariantRun {
  /** Scores one record with BASE and every variant; returns BASE's result (which says what is wrong with a bad row). */
  add(record: Readonly<Record<string, unknown>>): ScoreResult;
  result(): VariantRunResult;
}

const SCORED = 0;
const UNSCORED = 1;
const INVALID = 2;
/** Per model, per account: status, score, overall band, watched band (the variant's), watched band (BASE's under this watch). */
const SLOTS = 5;
/** Records are scored a chunk at a time, one model after another: a model's generated code and state stay hot. */
const CHUNK = 256;

/**
 * Many variants of one model over the same records in one pass: a sweep of a weight, the ±
 * moves of every knob for a sensitivity ranking. Each variant keeps its own history; with history
 * each account counts once, at its latest snapshot, held as a few numbers per variant (not whole
 * results), so 20 variants over 100,000 accounts stay small.
 */
export function createVariantRun(base: HealthModel, variants: readonly Variant[], options: { asOf?: string; unit?: 'account' | 'snapshot' } = {}): VariantRun {
  const scoring = options.asOf === undefined ? {} : { asOf: options.asOf };
  const models = [{ label: 'base', model: base, watch: { kind: 'overall' } as BandWatch }, ...variants.map((v) => ({ ...v, watch: v.watch ?? ({ kind: 'overall' } as BandWatch) }))];
  const scorers = models.map((m) => m.model.scorer(scoring));
  const bandLists = models.map((m) => m.model.plan.bands.names);
  const watchLists = models.map((m) => watchedBands(m.model.plan, m.watch));
  const baseWatchLists = models.map((m) => watchedBands(base.plan, m.watch));
  const tallies = models.map((m) => new OutcomeTally(m.label, m.model.plan.bands));
  const history = base.plan.data.id !== null && base.plan.data.asOf !== null;
  const latestOnly = history && options.unit !== 'snapshot';
  const latest = new Map<string, Float64Array>();
  const scores: number[] = [];
  const chunk: { record: Readonly<Record<string, unknown>>; base: ScoreResult; state: Float64Array }[] = [];
  const spare: Float64Array[] = [];
  let records = 0;
  let done: VariantRunResult | undefined;

  const fold = (state: Float64Array) => {
    if (state[0] === SCORED) scores.push(state[1] as number);
    for (let i = 0; i < tallies.length; i++) (tallies[i] as OutcomeTally).add(state, i, watchLists[i] as readonly string[], baseWatchLists[i] as readonly string[]);
  };

  /** Writes model i's result into an account's state. */
  const write = (state: Float64Array, i: number, result: ScoreResult, baseResult: ScoreResult) => {
    const at = i * SLOTS;
    const watch = (models[i] as (typeof models)[number]).watch;
    state[at] = result.status === 'scored' ? SCORED : result.status === 'unscored' ? UNSCORED : INVALID;
    state[at + 1] = result.score ?? NaN;
    state[at + 2] = indexOf(bandLists[i] as readonly string[], result.band);
    state[at + 3] = indexOf(watchLists[i] as readonly string[], watchedBand(result, watch));
    state[at + 4] = indexOf(baseWatchLists[i] as readonly string[], watchedBand(baseResult, watch));
  };

  const flush = () => {
    for (let i = 1; i < models.length; i++) {
      const scorer = scorers[i] as (typeof scorers)[number];
      for (const entry of chunk) write(entry.state, i, scorer.score(entry.record), entry.base);
    }
    for (const { base: baseResult, state } of chunk) {
      if (!latestOnly || baseResult.id === null) {
        fold(state);
        spare.push(state);
        continue;
      }
      let anyValid = false;
      for (let i = 0; i < models.length; i++) anyValid ||= state[i * SLOTS] !== INVALID;
      const kept = latest.get(baseResult.id);
      if (!anyValid) spare.push(state);
      else if (kept === undefined) latest.set(baseResult.id, state);
      else {
        kept.set(state);
        spare.push(state);
      }
    }
    chunk.length = 0;
  };

  return {
    add(record) {
      if (done !== undefined) throw new Error('createVariantRun: add() after result()');
      records++;
      const baseResult = (scorers[0] as (typeof scorers)[number]).score(record);
      const state = spare.pop() ?? new Float64Array(models.length * SLOTS);
      write(state, 0, baseResult, baseResult);
      chunk.push({ record, base: baseResult, state });
      if (chunk.length === CHUNK) flush();
      return baseResult;
    },
    result() {
      if (done === undefined) {
        flush();
        for (const state of latest.values()) fold(state);
        latest.clear();
        const outcomes = tallies.map((t) => t.value());
        done = { unit: history && !latestOnly ? 'snapshot' : 'account', records, base: outcomes[0] as VariantOutcome, variants: outcomes.slice(1), baseScores: Float64Array.from(scores).sort() };
      }
      return done;
    },
  };
}

function indexOf(list: readonly string[], band: string | null): number {
  return band === null ? -1 : list.indexOf(band);
}

function watchedBands(plan: Plan, watch: BandWatch): readonly string[] {
  if (watch.kind === 'overall') return plan.bands.names;
  const owner = watch.kind === 'metric' ? plan.metrics.find((m) => m.key === watch.key) : plan.categories.find((c) => c.key === watch.key);
  return owner?.bands.names ?? [];
}

function watchedBand(result: ScoreResult, watch: BandWatch): string | null {
  if (watch.kind === 'overall') return result.band;
  if (watch.kind === 'metric') return result.metrics[watch.key]?.band ?? null;
  return result.categories[watch.key]?.band ?? null;
}

class OutcomeTally {
  private readonly counts = { scored: 0, unscored: 0, invalid: 0, sum: 0, changed: 0, better: 0, worse: 0 };
  private readonly bandCounts: number[];

  constructor(
    private readonly label: string,
    private readonly bands: BandPlan,
  ) {
    this.bandCounts = bands.names.map(() => 0);
  }

  add(state: Float64Array, i: number, watched: readonly string[], baseWatched: readonly string[]): void {
    const at = i * SLOTS;
    const c = this.counts;
    const status = state[at];
    if (status === INVALID) c.invalid++;
    else if (status === UNSCORED) c.unscored++;
    else {
      c.scored++;
      c.sum += state[at + 1] as number;
      const band = state[at + 2] as number;
      if (band >= 0) this.bandCounts[band] = (this.bandCounts[band] as number) + 1;
    }
    const [mine, theirs] = [state[at + 3] as number, state[at + 4] as number];
    if (mine < 0 || theirs < 0 || watched[mine] === baseWatched[theirs]) return;
    c.changed++;
    if (mine > theirs) c.better++;
    else c.worse++;
  }

  value(): VariantOutcome {
    const c = this.counts;
    const bands = this.bands.names.map((name, i) => {
      const count = this.bandCounts[i] as number;
      return { name, title: this.bands.titles[i] ?? null, color: this.bands.colors[i] ?? null, count, share: c.scored > 0 ? count / c.scored : 0 };
    });
    return { label: this.label, scored: c.scored, unscored: c.unscored, invalid: c.invalid, bands, mean: c.scored > 0 ? c.sum / c.scored : null, changed_band: c.changed, better: c.better, worse: c.worse };
  }
}
