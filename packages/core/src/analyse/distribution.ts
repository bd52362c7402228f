import type { Plan } from '../compile/plan.js';
import { bandOf } from '../evaluate/reference/score-metric.js';
import { UNSCORED_REASONS, type ScoreResult, type ScoreSummary, type UnscoredReason } from '../evaluate/result.js';

/** How a set of scores spreads: what a team looks at before rolling a model out. */
export interface DistributionSummary {
  readonly model: string;
  readonly count: number;
  readonly scored: number;
  readonly unscored: number;
  readonly invalid: number;
  readonly unscoredReasons: Readonly<Partial<Record<UnscoredReason, number>>>;
  /** Share of scored accounts in each band, worst band first. */
  readonly bands: readonly BandShare[];
  /** The band holding most scored accounts, when it holds more than `DOMINANT_BAND_SHARE` of them. */
  readonly dominantBand: BandShare | null;
  readonly histogram: readonly HistogramBin[];
  readonly stats: ScoreStats | null;
  readonly categories: readonly { readonly key: string; readonly title: string | null; readonly mean: number | null; readonly scored: number }[];
  readonly playbooks: readonly { readonly key: string; readonly title: string | null; readonly fired: number }[];
  readonly belowBenchmark: readonly { readonly stage: string; readonly segment: string | null; readonly below: number; readonly of: number }[];
  readonly pulses: { readonly present: number; readonly stale: number };
  /** `inverted`: overrides whose expiry is on or before the day they were set, so never applied — a data mistake someone should fix. */
  readonly overrides: { readonly active: number; readonly expired: number; readonly inverted: number };
}

export interface BandShare {
  readonly name: string;
  readonly title: string | null;
  readonly color: string | null;
  readonly count: number;
  readonly share: number;
}

/** [from, to) except the last bin, which includes the scale's maximum. */
export interface HistogramBin {
  readonly from: number;
  readonly to: number;
  /** The band of the bin's lower end (of every score in it, with `bandEdges`). */
  readonly band: string;
  readonly count: number;
}

export interface ScoreStats {
  readonly mean: number;
  readonly min: number;
  readonly p10: number;
  readonly p25: number;
  readonly median: number;
  readonly p75: number;
  readonly p90: number;
  readonly max: number;
}

/**
 * What a distribution reads of a result, without the per-metric detail: a result held until the
 * end of a stream (an account's latest snapshot) costs little.
 */
export function distributionView(result: ScoreResult): ScoreResult {
  return { ...result, metrics: {}, missing_inputs: [], playbooks: result.playbooks.map((p) => ({ ...p, why: [] })) };
}

/** A score where most accounts share one band is not actionable; above this share we say so. */
export const DOMINANT_BAND_SHARE = 0.6;

export interface DistributionAccumulator {
  /** A result or its summary: nothing of the explanation is read. */
  add(result: ScoreSummary): void;
  /** What has been added so far, as plain data: another accumulator of the same plan can `merge` it. */
  state(): DistributionState;
  /**
   * Adds the accounts of another accumulator of the same plan (its `state()`): the summary is then
   * exactly that of one accumulator given both sets of results, in any order — every tally is a
   * count or an integer sum, so a split never averages averages or reorders a float sum.
   */
  merge(part: DistributionState): void;
  summary(): DistributionSummary;
}

/**
 * The tallies of a distribution, plain data (posted between workers that each summarised a share
 * of the accounts). Sums of scores are integers in units of the model's precision (every score is
 * rounded to it), so they add exactly in any order.
 */
export interface DistributionState {
  /** The hash of the plan whose results these are: only the same plan's tallies merge. */
  readonly model_hash: string;
  /**
   * Each score seen (in units of 10^-precision) and how many accounts have it: typed arrays, as a
   * model of precision 2 has up to 10,000 distinct scores and this crosses to another thread.
   */
  readonly scores: { readonly keys: Float64Array; readonly counts: Float64Array };
  /** Accounts per band, in the plan's band order. */
  readonly bands: readonly number[];
  readonly reasons: Readonly<Partial<Record<UnscoredReason, number>>>;
  /** Per category, in the plan's order: the sum of its scores (units of 10^-precision) and how many. */
  readonly categories: readonly { readonly sum: number; readonly n: number }[];
  /** Accounts each playbook fired for, in the plan's order. */
  readonly playbooks: readonly number[];
  readonly belowBenchmark: readonly BenchmarkGroup[];
  readonly totals: Readonly<Totals>;
}

interface BenchmarkGroup {
  readonly stage: string;
  readonly segment: string | null;
  below: number;
  of: number;
}

interface Totals {
  count: number;
  scored: number;
  invalid: number;
  /** The sum of the scores, in units of 10^-precision. */
  sum: number;
  pulses: number;
  stale: number;
  active: number;
  expired: number;
  inverted: number;
}


/**
 * Accumulates results one at a time in memory bounded by the number of distinct scores (scores
 * are rounded to the model's precision), so a stream of millions of rows summarises exactly.
 */
export interface DistributionOptions {
  /** About how many histogram bins. */
  readonly bins?: number;
  /**
   * Make the band thresholds bin edges (`vitals report`), so no bin straddles two bands. Off, the
   * bins are equal and the same for any bands: what a before/after comparison by bin needs when a
   * threshold moves (the playground).
   */
  readonly bandEdges?: boolean;
}

export function createDistribution(plan: Plan, options: DistributionOptions = {}): DistributionAccumulator {
  const bins = options.bins ?? 10;
  const edgeBands = options.bandEdges === true ? plan.bands.thresholds : [];
  const factor = 10 ** plan.precision;
  const counts = new Map<number, number>();
  const bandCounts = new Map(plan.bands.names.map((name) => [name, 0]));
  const reasons: Partial<Record<UnscoredReason, number>> = {};
  // Called once per account (50,000 per keystroke in the playground): plain loops, no closures per result.
  const categoryKeys = plan.categories.map((category) => category.key);
  const categorySums = plan.categories.map(() => ({ sum: 0, n: 0 }));
  const fired = new Map(plan.playbooks.map((p) => [p.key, 0]));
  const benchmarkGroups = new Map<string, Map<string | null, BenchmarkGroup>>();
  const totals: Totals = { count: 0, scored: 0, invalid: 0, sum: 0, pulses: 0, stale: 0, active: 0, expired: 0, inverted: 0 };
  const benchmarkGroup = (stage: string, segment: string | null): BenchmarkGroup => {
    let bySegment = benchmarkGroups.get(stage);
    if (bySegment === undefined) benchmarkGroups.set(stage, (bySegment = new Map()));
    let group = bySegment.get(segment);
    if (group === undefined) bySegment.set(segment, (group = { stage, segment, below: 0, of: 0 }));
    return group;
  };

  const add = (result: ScoreSummary) => {
    totals.count++;
    if (result.status === 'invalid') {
      totals.invalid++;
      return;
    }
    if (result.reason !== null) reasons[result.reason] = (reasons[result.reason] ?? 0) + 1;
    for (let i = 0; i < categoryKeys.length; i++) {
      const score = result.categories[categoryKeys[i] as string]?.score ?? null;
      if (score !== null) {
        const sums = categorySums[i] as { sum: number; n: number };
        sums.sum += Math.round(score * factor);
        sums.n++;
      }
    }
    for (const playbook of result.playbooks) fired.set(playbook.key, (fired.get(playbook.key) ?? 0) + 1);
    if (result.pulse !== null) {
      totals.pulses++;
      if (result.pulse.stale) totals.stale++;
    }
    if (result.override?.status === 'active') totals.active++;
    if (result.override?.status === 'expired') totals.expired++;
    if (result.override?.status === 'inverted') totals.inverted++;
    if (result.benchmark !== null && result.stage !== null) {
      const group = benchmarkGroup(result.stage, result.segment);
      group.of++;
      if (result.gap !== null && result.gap < 0) group.below++;
    }
    if (result.score === null) return;
    const key = Math.round(result.score * factor);
    totals.scored++;
    totals.sum += key;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (result.band !== null) bandCounts.set(result.band, (bandCounts.get(result.band) ?? 0) + 1);
  };

  const groupsCopied = (): BenchmarkGroup[] => [...benchmarkGroups.values()].flatMap((bySegment) => [...bySegment.values()]).map((group) => ({ ...group }));

  const state = (): DistributionState => ({
    model_hash: plan.hash,
    scores: { keys: Float64Array.from(counts.keys()), counts: Float64Array.from(counts.values()) },
    bands: plan.bands.names.map((name) => bandCounts.get(name) ?? 0),
    reasons: { ...reasons },
    categories: categorySums.map((sums) => ({ ...sums })),
    playbooks: plan.playbooks.map((p) => fired.get(p.key) ?? 0),
    belowBenchmark: groupsCopied(),
    totals: { ...totals },
  });

  const merge = (part: DistributionState) => {
    if (part.model_hash !== plan.hash) throw new Error(`bug: merging the distribution of model ${part.model_hash} into one of ${plan.hash}`);
    const { keys, counts: accounts } = part.scores;
    for (let i = 0; i < keys.length; i++) counts.set(keys[i] as number, (counts.get(keys[i] as number) ?? 0) + (accounts[i] as number));
    plan.bands.names.forEach((name, i) => bandCounts.set(name, (bandCounts.get(name) ?? 0) + (part.bands[i] ?? 0)));
    for (const reason of UNSCORED_REASONS) if (part.reasons[reason] !== undefined) reasons[reason] = (reasons[reason] ?? 0) + part.reasons[reason];
    part.categories.forEach(({ sum, n }, i) => {
      const sums = categorySums[i] as { sum: number; n: number };
      sums.sum += sum;
      sums.n += n;
    });
    plan.playbooks.forEach((p, i) => fired.set(p.key, (fired.get(p.key) ?? 0) + (part.playbooks[i] ?? 0)));
    for (const { stage, segment, below, of } of part.belowBenchmark) {
      const group = benchmarkGroup(stage, segment);
      group.below += below;
      group.of += of;
    }
    for (const key of Object.keys(totals) as (keyof Totals)[]) totals[key] += part.totals[key];
  };

  const summary = (): DistributionSummary => {
    const bands = plan.bands.names.map((name, i) => {
      const count = bandCounts.get(name) ?? 0;
      return { name, title: plan.bands.titles[i] ?? null, color: plan.bands.colors[i] ?? null, count, share: totals.scored > 0 ? count / totals.scored : 0 };
    });
    const top = [...bands].sort((a, b) => b.count - a.count)[0];
    return {
      model: plan.model,
      count: totals.count,
      scored: totals.scored,
      unscored: totals.count - totals.scored - totals.invalid,
      invalid: totals.invalid,
      unscoredReasons: Object.fromEntries(UNSCORED_REASONS.flatMap((reason) => (reasons[reason] === undefined ? [] : [[reason, reasons[reason]]]))),
      bands,
      dominantBand: top !== undefined && top.share > DOMINANT_BAND_SHARE ? top : null,
      histogram: histogram(counts, factor, plan, bins, edgeBands),
      stats: stats(counts, factor, totals.scored, totals.sum / factor),
      categories: plan.categories.map((category, i) => {
        const { sum, n } = categorySums[i] as { sum: number; n: number };
        return { key: category.key, title: category.title, mean: n > 0 ? sum / factor / n : null, scored: n };
      }),
      playbooks: plan.playbooks.map((p) => ({ key: p.key, title: p.title, fired: fired.get(p.key) ?? 0 })),
      belowBenchmark: groupsCopied().sort((a, b) => a.stage.localeCompare(b.stage) || String(a.segment).localeCompare(String(b.segment))),
      pulses: { present: totals.pulses, stale: totals.stale },
      overrides: { active: totals.active, expired: totals.expired, inverted: totals.inverted },
    };
  };
  return { add, state, merge, summary };
}

/**
 * Equal bins over the scale; with `bandEdges`, the thresholds are edges too, so no bin straddles
 * two bands. A regular edge a quarter of a bin or less from a
 * threshold gives way to it (no slivers).
 */
function histogram(counts: Map<number, number>, factor: number, plan: Plan, bins: number, bandEdges: readonly number[]): HistogramBin[] {
  const { min, max } = plan.scale;
  const width = (max - min) / bins;
  const thresholds = bandEdges.filter((t) => t > min && t < max);
  const regular = Array.from({ length: bins - 1 }, (_, i) => min + (i + 1) * width).filter((edge) => thresholds.every((t) => Math.abs(edge - t) > width / 4));
  const edges = [min, ...[...regular, ...thresholds].sort((x, y) => x - y), max];
  const result = edges.slice(0, -1).map((from, i) => ({ from, to: edges[i + 1] as number, band: bandOf(plan.bands, from) as string, count: 0 }));
  for (const [key, count] of counts) {
    const score = key / factor;
    let index = result.findIndex((bin) => score < bin.to);
    if (index < 0) index = result.length - 1;
    (result[index] as { count: number }).count += count;
  }
  return result;
}

/** Quantiles by linear interpolation between closest ranks (the common "type 7" definition). */
function stats(counts: Map<number, number>, factor: number, n: number, sum: number): ScoreStats | null {
  if (n === 0) return null;
  const keys = [...counts.keys()].sort((a, b) => a - b);
  const cumulative: number[] = [];
  let running = 0;
  for (const key of keys) cumulative.push((running += counts.get(key) as number));
  const at = (rank: number): number => {
    let low = 0;
    while ((cumulative[low] as number) <= rank) low++;
    return (keys[low] as number) / factor;
  };
  const quantile = (q: number): number => {
    const position = (n - 1) * q;
    const below = Math.floor(position);
    const lower = at(below);
    const upper = at(Math.min(n - 1, below + 1));
    return lower + (upper - lower) * (position - below);
  };
  return {
    mean: sum / n,
    min: (keys[0] as number) / factor,
    p10: quantile(0.1),
    p25: quantile(0.25),
    median: quantile(0.5),
    p75: quantile(0.75),
    p90: quantile(0.9),
    max: (keys[keys.length - 1] as number) / factor,
  };
}
