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
import type { NumbersIn } from './code-builder.js';
import { planToJs, type ResultDetail } from './plan-to-js.js';

/** The compiled evaluator, with the source it runs (for review and for tests that it really runs). */
export interface CompiledEvaluator extends Evaluator {
  readonly engine: 'compiled';
  readonly source: string;
  /** Counts steps when compiled with `instrument: true` (tests prove the generated code ran). */
  readonly stepsRun: () => number;
  /** Likewise for `stepSummary`: its own generated function, made on first use. */
  readonly summaryStepsRun: () => number;
  /** The step function was made for an earlier model with the same source (an edit of numbers only) and is reused. */
  readonly reused: boolean;
}

export interface CompiledEvaluatorOptions {
  /** Count the steps run (`stepsRun`), so tests can prove the generated code ran. */
  readonly instrument?: boolean;
  /**
   * `data`: the plan's numbers are read at run time, so a model edited only in its numbers reuses
   * the step function an earlier one made, already optimised (the playground, which scores every
   * account on every keystroke). `inline` (the default): written into the code, which runs faster.
   */
  readonly numbers?: NumbersIn;
  /** Reuse a step function made for the same source (the default); false makes new ones (a test's fresh compile). */
  readonly reuse?: boolean;
}

type Step<R extends ScoreSummary> = (ctx: StepContext, record: Readonly<Record<string, unknown>>, previous: AccountState | undefined, options: StepOptions | undefined) => StepOutput<R>;

/**
 * What one model's step reads besides the record: its plan, the plan's numbers, its counter, and
 * the parts of the plan it reads on every record as fields of its own (the plan stays for the rare
 * paths). One class, and its arrays made here, so every model's context has the same shape and a
 * shared step stays optimised for all: read through the plan, they deoptimised the step ("wrong
 * map") over a session's first keystrokes.
 */
class StepContext {
  readonly inputs: Plan['inputs'];
  readonly bands: Plan['bands'];
  readonly pulse: Plan['pulse'];
  readonly model: string;
  readonly hash: string;
  readonly benchmarks: ReturnType<typeof benchmarkTable>;
  stepsRun = 0;
  constructor(
    readonly plan: Plan,
    readonly numbers: Float64Array,
  ) {
    this.inputs = Array.from(plan.inputs);
    this.bands = plan.bands;
    this.pulse = plan.pulse;
    this.model = plan.model;
    this.hash = plan.hash;
    this.benchmarks = benchmarkTable(plan.benchmarks);
  }
}

/** The helpers generated code calls: the same for every model. */
const RUNTIME = {
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
};

/**
 * Step functions by their source. With `numbers: 'data'` a model edited only in its numbers
 * generates the same source, so it gets the function already made and already optimised by the
 * engine (with the new numbers in its context), instead of new code that starts cold on every
 * edit (the playground scores 50,000 accounts per keystroke). Everything else the step depends on
 * is in the source, so equal source is equal behaviour. A few are kept, the most recently used.
 */
const STEPS = new Map<string, Step<ScoreSummary>>();
const STEPS_KEPT = 8;

function stepOf<R extends ScoreSummary>(source: string, reuse: boolean): { step: Step<R>; reused: boolean } {
  const made = () => new Function('rt', source)(RUNTIME) as Step<ScoreSummary>;
  if (!reuse) return { step: made() as Step<R>, reused: false };
  const kept = STEPS.get(source);
  const step = kept ?? made();
  // Most recently used last: the first is the one to let go.
  STEPS.delete(source);
  if (STEPS.size >= STEPS_KEPT) STEPS.delete(STEPS.keys().next().value as string);
  STEPS.set(source, step);
  return { step: step as Step<R>, reused: kept !== undefined };
}

/**
 * Plan → generated JavaScript → a function (made once per distinct source, see `STEPS`), and a
 * second one building only the summary when `stepSummary` is first called. Environments that
 * forbid code generation (a strict Content-Security-Policy) get a clear error; callers then fall
 * back to the reference evaluator.
 */
export function compiledEvaluator(plan: Plan, options: CompiledEvaluatorOptions = {}): CompiledEvaluator {
  const generate = <R extends ScoreSummary>(detail: ResultDetail) => {
    const { source, numbers } = planToJs(plan, { instrument: options.instrument === true, detail, numbers: options.numbers ?? 'inline' });
    return { source, ctx: new StepContext(plan, Float64Array.from(numbers)), ...stepOf<R>(source, options.reuse !== false) };
  };
  const full = generate<ScoreResult>('full');
  let summary: ReturnType<typeof generate<ScoreSummary>> | undefined;
  return {
    plan,
    engine: 'compiled',
    source: full.source,
    reused: full.reused,
    stepsRun: () => full.ctx.stepsRun,
    summaryStepsRun: () => summary?.ctx.stepsRun ?? 0,
    step: (record, previous, stepOptions) => full.step(full.ctx, record, previous, stepOptions),
    stepSummary: (record, previous, stepOptions) => {
      summary ??= generate<ScoreSummary>('summary');
      return summary.step(summary.ctx, record, previous, stepOptions);
    },
  };
}
