import type { HealthModel } from '../../api/compile-model.js';
import type { Plan } from '../../compile/plan.js';
import type { ScoreResult } from '../../evaluate/result.js';
import { distributionView } from '../distribution.js';
import { diffPlans } from './diff-plans.js';
import type { Impact, ImpactOptions, ModelDiff, MoverCause } from './impact.js';
import { ImpactTally, type Pair, type PlaybookLink } from './impact-tally.js';
import { WorkloadCollector } from './playbook-workload.js';

/** Both models over the same records, one record at a time (a stream of any length). */
export interface ImpactAccumulator {
  /** The semantic diff of the two plans (known before any record is added). */
  readonly change: ModelDiff;
  /**
   * Evaluates one record with both models, each carrying its own account history, and folds it in.
   * `row` (1-based) names the account in lists when the model names no id field.
   */
  add(record: Readonly<Record<string, unknown>>, row?: number): { readonly base: ScoreResult; readonly head: ScoreResult };
  /** The impact of every record added so far. */
  result(): Impact;
}

/**
 * The impact of a model change on real accounts: BASE and HEAD evaluate every record in the same
 * pass (each with its own scorer, so history, hysteresis and cooldowns follow each model), and the
 * pairs are folded into a transition matrix, both distributions, the movers, playbooks started
 * and stopped, benchmark crossings and coverage changes. With history, each account counts once,
 * at its latest snapshot (option `unit: 'snapshot'` counts every snapshot); the playbook workload
 * is always over every snapshot.
 */
export function createImpact(base: HealthModel, head: HealthModel, options: ImpactOptions = {}): ImpactAccumulator {
  const change = diffPlans(base.plan, head.plan);
  const scoring = options.asOf === undefined ? {} : { asOf: options.asOf };
  const scorers = [base.scorer(scoring), head.scorer(scoring)] as const;
  const history = readsHistory(base.plan) || readsHistory(head.plan);
  const latestOnly = history && options.unit !== 'snapshot';
  const tally = new ImpactTally(base.plan, head.plan, playbookLinks(base.plan, head.plan, change), {
    movers: options.movers ?? 10,
    sample: options.sample ?? 10,
    bins: options.bins ?? 10,
  });
  const workloads = { base: new WorkloadCollector(base.plan), head: new WorkloadCollector(head.plan) };
  const metricPairs = pairMetrics(base.plan, head.plan, renamed(change, 'metrics'));
  const latest = new Map<string, Pair>();
  let records = 0;
  let folded: Impact | undefined;

  return {
    change,
    add(record, row) {
      if (folded !== undefined) throw new Error('createImpact: add() after result()');
      records++;
      const [b, h] = [scorers[0].score(record), scorers[1].score(record)];
      const account = { id: h.id ?? b.id, row: row ?? null };
      workloads.base.add(account, b);
      workloads.head.add(account, h);
      const cause = b.status === 'scored' && h.status === 'scored' && b.score !== h.score ? moverCause(b, h, metricPairs) : null;
      if (!latestOnly) tally.add({ account, base: b, head: h, cause });
      else if (b.status === 'invalid' && h.status === 'invalid') return { base: b, head: h };
      else if (account.id === null) tally.add({ account, base: b, head: h, cause });
      else latest.set(account.id, { account, base: distributionView(b), head: distributionView(h), cause });
      return { base: b, head: h };
    },
    result() {
      if (folded === undefined) {
        for (const pair of latest.values()) tally.add(pair);
        latest.clear();
        folded = { change, data: { unit: history && !latestOnly ? 'snapshot' : 'account', records, ...tally.value(workloads) } };
      }
      return folded;
    },
  };
}

/** `createImpact` over a list of records (row numbers count from 1): the form a browser worker uses. */
export function analyseImpact(base: HealthModel, head: HealthModel, records: Iterable<Readonly<Record<string, unknown>>>, options: ImpactOptions = {}): Impact {
  const impact = createImpact(base, head, options);
  let row = 0;
  for (const record of records) impact.add(record, ++row);
  return impact.result();
}

function readsHistory(plan: Plan): boolean {
  return plan.data.id !== null && plan.data.asOf !== null;
}

/** HEAD key → BASE key of each renamed entry of a section, from the diff. */
function renamed(change: ModelDiff, section: 'metrics' | 'playbooks'): Map<string, string> {
  return new Map(change.changes.filter((c) => c.section === section && c.kind === 'renamed').map((c) => [c.after as string, c.before as string]));
}

/** Every playbook of either model with its key on each side, HEAD's order first, then the ones HEAD removed. */
function playbookLinks(base: Plan, head: Plan, change: ModelDiff): PlaybookLink[] {
  const renames = renamed(change, 'playbooks');
  const changed = new Set(change.changes.filter((c) => c.section === 'playbooks' && c.kind === 'changed').map((c) => c.key));
  const baseKeys = new Set(base.playbooks.map((p) => p.key));
  const links: PlaybookLink[] = head.playbooks.map((p) => {
    const baseKey = renames.get(p.key) ?? (baseKeys.has(p.key) ? p.key : null);
    const status = baseKey === null ? 'added' : changed.has(p.key) ? 'changed' : renames.has(p.key) ? 'renamed' : 'unchanged';
    return { key: p.key, title: p.title, status, baseKey, headKey: p.key };
  });
  const linked = new Set(links.map((l) => l.baseKey));
  for (const p of base.playbooks) if (!linked.has(p.key)) links.push({ key: p.key, title: p.title, status: 'removed', baseKey: p.key, headKey: null });
  return links;
}

interface MetricPair {
  readonly metric: string;
  readonly baseKey: string | null;
  readonly headKey: string | null;
}

function pairMetrics(base: Plan, head: Plan, renames: ReadonlyMap<string, string>): MetricPair[] {
  const baseKeys = new Set(base.metrics.map((m) => m.key));
  const pairs: MetricPair[] = head.metrics.map((m) => {
    const baseKey = renames.get(m.key) ?? m.key;
    return { metric: m.key, baseKey: baseKeys.has(baseKey) ? baseKey : null, headKey: m.key };
  });
  const paired = new Set(pairs.map((p) => p.baseKey));
  for (const m of base.metrics) if (!paired.has(m.key)) pairs.push({ metric: m.key, baseKey: m.key, headKey: null });
  return pairs;
}

/** The metric whose contribution (points of the overall score) changed most; null when none changed. */
function moverCause(base: ScoreResult, head: ScoreResult, pairs: readonly MetricPair[]): MoverCause | null {
  let best: MetricPair | undefined;
  // Contributions are products of rounded numbers: a difference of a billionth is arithmetic, not a cause.
  let largest = 1e-9;
  for (const pair of pairs) {
    const before = pair.baseKey === null ? 0 : (base.metrics[pair.baseKey]?.contribution ?? 0);
    const after = pair.headKey === null ? 0 : (head.metrics[pair.headKey]?.contribution ?? 0);
    const change = Math.abs(after - before);
    if (change > largest) [largest, best] = [change, pair];
  }
  if (best === undefined) return null;
  const before = best.baseKey === null ? undefined : base.metrics[best.baseKey];
  const after = best.headKey === null ? undefined : head.metrics[best.headKey];
  return {
    metric: best.metric,
    contribution_before: before?.contribution ?? null,
    contribution_after: after?.contribution ?? null,
    score_before: before?.score ?? null,
    score_after: after?.score ?? null,
    weight_before: before?.weight ?? null,
    weight_after: after?.weight ?? null,
  };
}
