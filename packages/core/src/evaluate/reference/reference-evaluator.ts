import type { Slot } from '../../check/typed-expr.js';
import type { MetricPlan, Plan } from '../../compile/plan.js';
import { formatDay } from '../dates.js';
import type { Evaluator, StepOptions, StepOutput } from '../evaluator.js';
import { invalidResult } from '../invalid-result.js';
import { carriedHistory } from '../lifecycle/account-history.js';
import { benchmarkTable } from '../lifecycle/benchmark-table.js';
import { bandWithHysteresis } from '../lifecycle/hysteresis.js';
import { overrideReading } from '../lifecycle/override-reading.js';
import { pulseReading } from '../lifecycle/pulse-reading.js';
import { roundTo } from '../numbers.js';
import { historySites, planNeedsAsOf } from '../plan-facts.js';
import { readInput } from '../read-value.js';
import type { AccountState, FiredPlaybook, RecordIssue, ScoreResult } from '../result.js';
import { interpret, type Environment, type Value } from './interpret-expression.js';
import { belowBenchmark, categoryResultsWithBenchmarks, display, metricResults, overrideFields } from './result-parts.js';
import { rollUpCategory, rollUpOverall } from './roll-up.js';
import { bandOf, scoreMetric, type MetricScore } from './score-metric.js';
import { readSlot, type LateValues } from './slots.js';
import { summaryOf } from '../summary.js';

/**
 * The reference evaluator: the semantics of a plan, step by step, written to be obviously right
 * rather than fast. The compiled evaluator must agree with it on every record (test/conformance).
 * The pieces: `score-metric.ts` (one metric), `roll-up.ts` (categories, overall, coverage),
 * `slots.ts` (what names read), `result-parts.ts` (assembling the result).
 */
export function referenceEvaluator(plan: Plan): Evaluator {
  const needsAsOf = planNeedsAsOf(plan);
  const sites = historySites(plan);
  const benchmarks = benchmarkTable(plan.benchmarks);
  const metricsByKey = new Map(plan.metrics.map((m) => [m.key, m]));

  function step(record: Readonly<Record<string, unknown>>, previous: AccountState | undefined, options: StepOptions = {}): StepOutput {
    const issues: RecordIssue[] = [];
    const inputs = new Map<string, Value>();
    for (const input of plan.inputs) inputs.set(input.name, readInput(record, input, issues));
    const asOf = plan.data.asOf === null ? (options.asOf ?? null) : (inputs.get(plan.data.asOf) as number | null);
    if (issues.length === 0 && needsAsOf && asOf === null) {
      issues.push({ field: plan.data.asOf ?? 'as_of', code: 'no-as-of', message: 'the model needs the snapshot date: give the as-of field, or an as-of date for the run' });
    }
    const id = plan.data.id === null ? null : inputs.get(plan.data.id) ?? null;
    const base = { id: id === null ? null : String(id), asOf, segment: field(inputs, plan.data.segment), stage: field(inputs, plan.data.stage) };
    if (issues.length > 0) return { result: invalidResult(plan, base, issues), state: previous };

    const pulse = plan.pulse === null ? null : pulseReading(plan.pulse, inputs.get(plan.pulse.field) as string | null, inputs.get(plan.pulse.recordedAt) as number | null, asOf, plan.precision);
    const metricValues = new Map<string, Value>();
    const metrics = new Map<string, MetricScore>();
    const slotValue = (slot: Slot, own: Value = null): Value => readSlot(slot, { inputs, metricValues, metrics, pulse, asOf, own, late });
    const late: LateValues = { categories: new Map(), score: null, band: null, coverage: 0, benchmark: null, gap: null, bandChanged: false, scoreChange: null };
    const env = (own: Value = null): Environment => ({ slot: (slot) => slotValue(slot, own), prev: (site) => (previous?.sites[site] ?? null) as Value });

    for (const key of plan.evaluationOrder) {
      const metric = metricsByKey.get(key) as MetricPlan;
      const value = interpret(metric.value, env());
      metricValues.set(key, value);
      metrics.set(key, scoreMetric(plan, metric, value, env(value)));
    }
    const categories = new Map(plan.categories.map((c) => [c.key, rollUpCategory(plan, c, metrics)]));
    const overall = rollUpOverall(plan, categories, metrics);

    let band = bandWithHysteresis(plan.bands, plan.hysteresis, overall.score, overall.band, previous?.computedBand ?? null);
    const computedBand = band;
    let score = overall.score;
    const override = plan.overrides === null ? null : overrideReading(overrideFields(plan, inputs), asOf, score, band);
    if (override?.status === 'active') {
      if (override.score !== null) score = roundTo(override.score, plan.precision);
      band = override.band ?? (override.score !== null ? bandOf(plan.bands, score) : band);
    }
    const status = score !== null ? 'scored' : overall.status;
    const benchmark = benchmarks.lookup(base.stage, base.segment, null);
    const gap = benchmark === null || score === null ? null : roundTo(score - benchmark, plan.precision);
    const change = previous === undefined || previous.scoredAsOf === null ? null : {
      previous_as_of: formatDay(previous.scoredAsOf),
      previous_score: previous.score,
      previous_band: previous.band,
      score: score === null || previous.score === null ? null : roundTo(score - previous.score, plan.precision),
      band_changed: band !== null && previous.band !== null && band !== previous.band,
    };
    Object.assign(late, { score, band, coverage: overall.coverage, benchmark, gap, bandChanged: change?.band_changed ?? false, scoreChange: change?.score ?? null });
    const scored = score !== null && overall.score !== null;
    const categoryResults = categoryResultsWithBenchmarks(plan, categories, base, benchmarks.lookup.bind(benchmarks), late, scored);

    const lastFired = [...(previous?.lastFired ?? plan.playbooks.map(() => null))];
    const playbooks: FiredPlaybook[] = [];
    plan.playbooks.forEach((playbook, i) => {
      if (interpret(playbook.when, env()) !== true) return;
      const last = lastFired[i] ?? null;
      if (playbook.cooldownDays !== null && last !== null && asOf !== null && asOf - last < playbook.cooldownDays) return;
      lastFired[i] = asOf;
      playbooks.push({
        key: playbook.key,
        title: playbook.title,
        priority: playbook.priority,
        owner: playbook.owner,
        action: playbook.action,
        why: playbook.explain.map((item) => ({ ref: item.text, value: display(interpret(item.expr, env()), item.expr) })),
      });
    });

    const result: ScoreResult = {
      model: plan.model,
      model_hash: plan.hash,
      id: base.id,
      as_of: asOf === null ? null : formatDay(asOf),
      status,
      reason: status === 'scored' ? null : overall.reason,
      score,
      band,
      coverage: overall.coverage,
      missing_inputs: plan.metricInputs.filter((name) => inputs.get(name) === null),
      categories: categoryResults,
      metrics: metricResults(plan, metrics, metricValues, categories, scored),
      segment: base.segment,
      stage: base.stage,
      benchmark,
      gap,
      below_benchmark: gap !== null && gap < 0 ? belowBenchmark(plan, metrics, categories, benchmark as number) : [],
      pulse,
      override,
      change,
      playbooks,
      issues: [],
    };
    const siteValues: unknown[] = [];
    for (const { site, operand, ownMetric, followsBand } of sites) {
      siteValues[site] = followsBand && band === null ? (previous?.sites[site] ?? null) : interpret(operand, env(ownMetric === null ? null : metricValues.get(ownMetric) ?? null));
    }
    const state: AccountState | undefined = asOf === null ? undefined : { asOf, ...carriedHistory(previous, asOf, { score, band }, computedBand), sites: siteValues, lastFired };
    return { result, state };
  }

  return {
    plan,
    engine: 'reference',
    step,
    stepSummary(record, previous, options) {
      const { result, state } = step(record, previous, options);
      return { result: summaryOf(result), state };
    },
  };
}

function field(inputs: Map<string, Value>, name: string | null): string | null {
  const value = name === null ? null : inputs.get(name) ?? null;
  return value === null ? null : String(value);
}
