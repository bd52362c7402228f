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
import { READERS } from '../read-value.js';
import { invalidResult } from '../invalid-result.js';
import type { AccountState } from '../result.js';
import { planToJs } from './plan-to-js.js';

/** The compiled evaluator, with the source it runs (for review and for tests that it really runs). */
export interface CompiledEvaluator extends Evaluator {
  readonly engine: 'compiled';
  readonly source: string;
  /** Counts steps when compiled with `instrument: true` (tests prove the generated code ran). */
  readonly stepsRun: () => number;
}

type Step = (record: Readonly<Record<string, unknown>>, previous: AccountState | undefined, options: StepOptions | undefined) => StepOutput;

/**
 * Plan → generated JavaScript → a function, created once per model. Environments that forbid
 * code generation (a strict Content-Security-Policy) get a clear error; callers then fall back
 * to the reference evaluator.
 */
export function compiledEvaluator(plan: Plan, options: { instrument?: boolean } = {}): CompiledEvaluator {
  const source = planToJs(plan, options);
  const runtime = {
    plan,
    readers: READERS,
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
    benchmarks: benchmarkTable(plan.benchmarks),
    stepsRun: 0,
  };
  const step = new Function('rt', source)(runtime) as Step;
  return {
    plan,
    engine: 'compiled',
    source,
    stepsRun: () => runtime.stepsRun,
    step: (record, previous, stepOptions) => step(record, previous, stepOptions),
  };
}
