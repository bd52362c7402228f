import type { Plan } from '../../compile/plan.js';
import { formatDay } from '../dates.js';
import type { Evaluator, StepOptions, StepOutput } from '../evaluator.js';
import { carriedHistory } from '../lifecycle/account-history.js';
import { benchmarkTable } from '../lifecycle/benchmark-table.js';
import { bandWithHysteresis } from '../lifecycle/hysteresis.js';
import { overrideReading } from '../lifecycle/override-reading.js';
import { pulseReading } from '../lifecycle/pulse-reading.js';
import { rankShortfalls } from '../lifecycle/shortfall.js';
import { compareNumbers, finite, roundTo } from '../numbers.js';
import { plainDecimalValue, READERS } from '../read-value.js';
import { invalidResult } from '../invalid-result.js';
import type { AccountState, ScoreResult, ScoreSummary } from '../result.js';
import { summaryOf } from '../summary.js';
import { planToJs, type ResultDetail } from './plan-to-js.js';

/** The compiled evaluator, with the source it runs (for review and for tests that it really runs). */
export interface CompiledEvaluator extends Evaluator {
  readonly engine: 'compiled';
  readonly source: string;
  /** Counts steps when compiled with `instrument: true` (tests prove the generated code ran). */
  readonly stepsRun: () => number;
  /** Likewise for `stepSummary`: its own generated function, made on first use. */
  readonly summaryStepsRun: () => number;
}

type Step<R extends ScoreSummary> = (record: Readonly<Record<string, unknown>>, previous: AccountState | undefined, options: StepOptions | undefined) => StepOutput<R>;

/**
 * Plan → generated JavaScript → a function, created once per model (and a second one, building
 * only the summary, when `stepSummary` is first called). Environments that forbid code generation
 * (a strict Content-Security-Policy) get a clear error; callers then fall back to the reference
 * evaluator.
 */
export function compiledEvaluator(plan: Plan, options: { instrument?: boolean } = {}): CompiledEvaluator {
  const runtime = {
    plan,
    readers: READERS,
    plainDecimalValue,
    roundTo,
    finite,
    compareNumbers,
    formatDay,
    pulseReading,
    overrideReading,
    bandWithHysteresis,
    carriedHistory,
    rankShortfalls,
    invalidResult,
    summaryOf,
    benchmarks: benchmarkTable(plan.benchmarks),
    stepsRun: 0,
    summaryStepsRun: 0,
  };
  const generate = <R extends ScoreSummary>(detail: ResultDetail) => {
    const source = planToJs(plan, { ...options, detail });
    return { source, step: new Function('rt', source)(runtime) as Step<R> };
  };
  const full = generate<ScoreResult>('full');
  let summary: Step<ScoreSummary> | undefined;
  return {
    plan,
    engine: 'compiled',
    source: full.source,
    stepsRun: () => runtime.stepsRun,
    summaryStepsRun: () => runtime.summaryStepsRun,
    step: (record, previous, stepOptions) => full.step(record, previous, stepOptions),
    stepSummary: (record, previous, stepOptions) => {
      summary ??= generate<ScoreSummary>('summary').step;
      return summary(record, previous, stepOptions);
    },
  };
}
