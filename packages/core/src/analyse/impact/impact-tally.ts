import type { Plan } from '../../compile/plan.js';
import { roundTo } from '../../evaluate/numbers.js';
import type { ScoreResult } from '../../evaluate/result.js';
import { createDistribution, type DistributionAccumulator, type DistributionSummary } from '../distribution.js';
import { SampleCollector } from './account-sample.js';
import type { AccountRef, BenchmarkCrossing, DataImpact, ImpactDistribution, MatrixState, MoverCause, PlaybookImpact, StatsShift } from './impact.js';
import { MoverCollector } from './movers.js';
import type { WorkloadCollector } from './playbook-workload.js';

/** One account (or snapshot) evaluated by both models. */
export interface Pair {
  readonly account: AccountRef;
  readonly base: ScoreResult;
  readonly head: ScoreResult;
  /** The metric that moved the score most (set when both scored and the score changed). */
  readonly cause: MoverCause | null;
}

/** A playbook of either model: its key on each side (null where it does not exist) and how it changed. */
export interface PlaybookLink {
  readonly key: string;
  readonly title: string | null;
  readonly status: PlaybookImpact['status'];
  readonly baseKey: string | null;
  readonly headKey: string | null;
}

export interface TallyOptions {
  readonly movers: number;
  readonly sample: number;
  readonly bins: number;
}

type Tallied = Omit<DataImpact, 'unit' | 'records'>;

/** Folds compared pairs into the data impact: everything but the unit and the per-snapshot workload. */
export class ImpactTally {
  private readonly distributions: readonly [DistributionAccumulator, DistributionAccumulator];
  private readonly states: readonly [MatrixState[], MatrixState[]];
  private readonly counts: number[][];
  private readonly changes = { bothScored: 0, changed: 0, up: 0, down: 0, sum: 0, bandChanged: 0, better: 0, worse: 0 };
  private readonly movers: MoverCollector;
  private readonly playbooks: { link: PlaybookLink; before: number; after: number; started: SampleCollector; stopped: SampleCollector }[];
  private readonly crossings: { fell: Crossing; rose: Crossing };
  private readonly coverage: { unscored: SampleCollector; scored: SampleCollector; reasons: Record<string, number>; sums: [number, number, number, number] };
  private readonly precision: number;
  private compared = 0;

  constructor(
    private readonly base: Plan,
    private readonly head: Plan,
    links: readonly PlaybookLink[],
    options: TallyOptions,
  ) {
    const scale = { min: Math.min(base.scale.min, head.scale.min), max: Math.max(base.scale.max, head.scale.max) };
    this.distributions = [createDistribution({ ...base, scale }, { bins: options.bins }), createDistribution({ ...head, scale }, { bins: options.bins })];
    this.states = [matrixStates(base), matrixStates(head)];
    this.counts = this.states[0].map(() => this.states[1].map(() => 0));
    this.movers = new MoverCollector(options.movers);
    const sample = () => new SampleCollector(options.sample);
    this.playbooks = links.map((link) => ({ link, before: 0, after: 0, started: sample(), stopped: sample() }));
    this.crossings = { fell: new Crossing(options.sample), rose: new Crossing(options.sample) };
    this.coverage = { unscored: sample(), scored: sample(), reasons: {}, sums: [0, 0, 0, 0] };
    this.precision = Math.max(base.precision, head.precision);
  }

  add(pair: Pair): void {
    const { base, head } = pair;
    this.compared++;
    this.distributions[0].add(base);
    this.distributions[1].add(head);
    const row = this.counts[stateIndex(this.base, base)] as number[];
    row[stateIndex(this.head, head)] = (row[stateIndex(this.head, head)] as number) + 1;
    if (base.status === 'scored' && head.status === 'scored') this.addScored(pair);
    if (base.playbooks.length > 0 || head.playbooks.length > 0) this.addPlaybooks(pair);
    this.addCrossings(pair);
    this.addCoverage(pair);
  }

  private addScored({ account, base, head, cause }: Pair): void {
    const c = this.changes;
    c.bothScored++;
    const change = roundTo((head.score as number) - (base.score as number), this.precision);
    c.sum += change;
    if (change !== 0) {
      c.changed++;
      if (change > 0) c.up++;
      else c.down++;
    }
    if (base.band !== head.band) {
      c.bandChanged++;
      if (this.head.bands.names.indexOf(head.band as string) > this.base.bands.names.indexOf(base.band as string)) c.better++;
      else c.worse++;
    }
    if (!this.movers.wants(change)) return;
    this.movers.add({
      ...account,
      stage: head.stage ?? base.stage,
      segment: head.segment ?? base.segment,
      before: { score: base.score as number, band: base.band },
      after: { score: head.score as number, band: head.band },
      change,
      moved_by: cause,
    });
  }

  private addPlaybooks({ account, base, head }: Pair): void {
    for (const entry of this.playbooks) {
      const { baseKey, headKey } = entry.link;
      const before = baseKey !== null && base.playbooks.some((p) => p.key === baseKey);
      const after = headKey !== null && head.playbooks.some((p) => p.key === headKey);
      if (before) entry.before++;
      if (after) entry.after++;
      if (after && !before) entry.started.add(account);
      if (before && !after) entry.stopped.add(account);
    }
  }

  /** Only accounts compared with a benchmark on both sides cross it; one that loses its score is a coverage change. */
  private addCrossings({ account, base, head }: Pair): void {
    if (base.gap === null || head.gap === null) return;
    if (head.gap < 0 && base.gap >= 0) this.crossings.fell.add(account, head);
    if (base.gap < 0 && head.gap >= 0) this.crossings.rose.add(account, head);
  }

  private addCoverage({ account, base, head }: Pair): void {
    const { coverage } = this;
    if (base.status !== 'invalid') {
      coverage.sums[0] += base.coverage;
      coverage.sums[1]++;
    }
    if (head.status !== 'invalid') {
      coverage.sums[2] += head.coverage;
      coverage.sums[3]++;
    }
    if (base.status === 'scored' && head.status !== 'scored') {
      coverage.unscored.add(account);
      const reason = head.status === 'invalid' ? 'invalid' : (head.reason ?? 'no-data');
      coverage.reasons[reason] = (coverage.reasons[reason] ?? 0) + 1;
    }
    if (base.status !== 'scored' && head.status === 'scored') coverage.scored.add(account);
  }

  value(workloads: { readonly base: WorkloadCollector; readonly head: WorkloadCollector }): Tallied {
    const [base, head] = this.distributions.map((d) => d.summary()) as [DistributionSummary, DistributionSummary];
    const c = this.changes;
    const { sums } = this.coverage;
    return {
      compared: this.compared,
      transitions: { from: this.states[0], to: this.states[1], counts: this.counts },
      band_changes: { changed: c.bandChanged, better: c.better, worse: c.worse },
      score_changes: { changed: c.changed, up: c.up, down: c.down, mean_change: c.bothScored > 0 ? c.sum / c.bothScored : null, both_scored: c.bothScored },
      distribution: { base: impactDistribution(base), head: impactDistribution(head), shift: shift(base, head) },
      movers: this.movers.value(),
      playbooks: this.playbooks.map(({ link, before, after, started, stopped }) => ({
        key: link.key,
        title: link.title,
        status: link.status,
        fired_before: before,
        fired_after: after,
        started: started.value(),
        stopped: stopped.value(),
        workload_before: link.baseKey === null ? null : workloads.base.value(link.baseKey),
        workload_after: link.headKey === null ? null : workloads.head.value(link.headKey),
      })),
      benchmarks: { fell_below: this.crossings.fell.value(), rose_above: this.crossings.rose.value() },
      coverage: {
        became_unscored: { ...this.coverage.unscored.value(), reasons: this.coverage.reasons },
        became_scored: this.coverage.scored.value(),
        mean_before: sums[1] > 0 ? sums[0] / sums[1] : null,
        mean_after: sums[3] > 0 ? sums[2] / sums[3] : null,
      },
    };
  }
}

/** Accounts that crossed their stage benchmark one way, counted by stage and segment. */
class Crossing {
  private readonly sample: SampleCollector;
  private readonly groups = new Map<string, { stage: string; segment: string | null; count: number }>();

  constructor(limit: number) {
    this.sample = new SampleCollector(limit);
  }

  add(account: AccountRef, result: ScoreResult): void {
    this.sample.add(account);
    const stage = result.stage ?? '';
    const key = `${stage}\u0000${result.segment ?? ''}`;
    const group = this.groups.get(key) ?? { stage, segment: result.segment, count: 0 };
    group.count++;
    this.groups.set(key, group);
  }

  value(): BenchmarkCrossing {
    const byStage = [...this.groups.values()].sort((a, b) => a.stage.localeCompare(b.stage) || String(a.segment).localeCompare(String(b.segment)));
    return { ...this.sample.value(), by_stage: byStage };
  }
}

function matrixStates(plan: Plan): MatrixState[] {
  return [...plan.bands.names.map((band) => ({ status: 'scored' as const, band })), { status: 'unscored', band: null }, { status: 'invalid', band: null }];
}

function stateIndex(plan: Plan, result: ScoreResult): number {
  const bands = plan.bands.names.length;
  if (result.status === 'invalid') return bands + 1;
  const band = result.status === 'scored' ? plan.bands.names.indexOf(result.band as string) : -1;
  return band < 0 ? bands : band;
}

function impactDistribution(s: DistributionSummary): ImpactDistribution {
  return {
    count: s.count,
    scored: s.scored,
    unscored: s.unscored,
    invalid: s.invalid,
    unscored_reasons: s.unscoredReasons,
    bands: s.bands,
    histogram: s.histogram,
    stats: s.stats,
    categories: s.categories.map(({ key, title, mean }) => ({ key, title, mean })),
  };
}

function shift(base: DistributionSummary, head: DistributionSummary): StatsShift | null {
  const [a, b] = [base.stats, head.stats];
  if (a === null || b === null) return null;
  const keys = Object.keys(a) as (keyof StatsShift)[];
  return Object.fromEntries(keys.map((k) => [k, b[k] - a[k]])) as unknown as StatsShift;
}
