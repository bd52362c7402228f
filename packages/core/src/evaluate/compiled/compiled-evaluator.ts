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
  /** The step function was made for an earlier model with the same source (an edit of numbers only, or with `numbers: 'data'` of formulas) and is reused. */
  readonly reused: boolean;
  /** How many functions were made for this model's step: the step's own (unless `reused`) and, with `numbers: 'data'`, its expressions' that no recent model had. */
  readonly made: number;
}

export interface CompiledEvaluatorOptions {
  /** Count the steps run (`stepsRun`), so tests can prove the generated code ran. */
  readonly instrument?: boolean;
  /**
   * `data`: the plan's numbers are read at run time and each expression is a function of its own,
   * so a model edited only in its numbers reuses the step function an earlier one made, already
   * optimised, and one edited in a formula reuses it too, with only that formula's function new
   * (the playground, which scores every account on every keystroke). `inline` (the default): one
   * function with the numbers written in, which runs faster.
   */
  readonly numbers?: NumbersIn;
  /** Reuse functions made for the same source (the default); false makes new ones (a test's fresh compile). */
  readonly reuse?: boolean;
}

type Step<R extends ScoreSummary> = (ctx: StepContext, record: Readonly<Record<string, unknown>>, previous: AccountState | undefined, options: StepOptions | undefined) => StepOutput<R>;

/**
 * What one model's step reads besides the record: its plan, the plan's numbers, its counter, its
 * expressions' functions and their numbers (`numbers: 'data'`; `X` and `N` in the step), and
 * the parts of the plan it reads on every record as fields of its own (the plan stays for the rare
 * paths). One class, and its arrays made here, so every model's context has the same shape and a
 * shared step stays optimised for all: read through the plan, they deoptimised the step ("wrong
 * map") over a session's first keystrokes.
 */
class StepContext {
  readonly expressions: readonly ExpressionFn[];
  readonly expressionNumbers: readonly Float64Array[];
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
    expressions: readonly { readonly fn: ExpressionFn; readonly numbers: readonly number[] }[],
  ) {
    this.expressions = expressions.map((e) => e.fn);
    this.expressionNumbers = expressions.map((e) => Float64Array.from(e.numbers));
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

/** An expression's function (`ExpressionFunctions`): its numbers, the previous sites, the locals it reads. */
type ExpressionFn = (...args: never[]) => unknown;

/**
 * Functions made from generated source (steps, and with `numbers: 'data'` expressions), by their
 * source. With `numbers: 'data'` a model edited only in its numbers generates the same sources, and
 * one edited in a formula the same step and the same other expressions, so it gets the functions
 * already made and already optimised by the engine (with the new numbers in its context), instead
 * of new code that starts cold on every edit (the playground scores 50,000 accounts per
 * keystroke). Everything else a function depends on is in its source, so equal source is equal
 * behaviour. A function is kept while one of the `MODELS_KEPT` most recent models uses it.
 */
const MADE = new Map<string, { readonly fn: unknown; model: number }>();
const MODELS_KEPT = 8;
let models = 0;

function madeFrom<F>(source: string, model: number, reuse: boolean): { fn: F; reused: boolean } {
  const kept = reuse ? MADE.get(source) : undefined;
  if (kept !== undefined) {
    kept.model = Math.max(kept.model, model);
    return { fn: kept.fn as F, reused: true };
  }
  const fn = new Function('rt', source)(RUNTIME) as F;
  if (reuse) MADE.set(source, { fn, model });
  return { fn, reused: false };
}

/** A new model: what no one of the `MODELS_KEPT` most recent ones used is let go. */
function nextModel(): number {
  models++;
  for (const [source, kept] of MADE) if (kept.model <= models - MODELS_KEPT) MADE.delete(source);
  return models;
}

/**
 * Plan → generated JavaScript → a function (made once per distinct source, see `MADE`), and a
 * second one building only the summary when `stepSummary` is first called. Environments that
 * forbid code generation (a strict Content-Security-Policy) get a clear error; callers then fall
 * back to the reference evaluator.
 */
export function compiledEvaluator(plan: Plan, options: CompiledEvaluatorOptions = {}): CompiledEvaluator {
  const model = nextModel();
  const reuse = options.reuse !== false;
  const generate = <R extends ScoreSummary>(detail: ResultDetail) => {
    const { source, numbers, expressions } = planToJs(plan, { instrument: options.instrument === true, detail, numbers: options.numbers ?? 'inline' });
    const made = expressions.map((e) => ({ ...madeFrom<ExpressionFn>(e.source, model, reuse), numbers: e.numbers }));
    const { fn: step, reused } = madeFrom<Step<R>>(source, model, reuse);
    return {
      source: [source, ...expressions.map((e, k) => `// X[${k}]\n${e.source}`)].join('\n'),
      ctx: new StepContext(plan, Float64Array.from(numbers), made),
      step,
      reused,
      made: made.filter((e) => !e.reused).length + (reused ? 0 : 1),
    };
  };
  const full = generate<ScoreResult>('full');
  let summary: ReturnType<typeof generate<ScoreSummary>> | undefined;
  return {
    plan,
    engine: 'compiled',
    source: full.source,
    reused: full.reused,
    made: full.made,
    stepsRun: () => full.ctx.stepsRun,
    summaryStepsRun: () => summary?.ctx.stepsRun ?? 0,
    step: (record, previous, stepOptions) => full.step(full.ctx, record, previous, stepOptions),
    stepSummary: (record, previous, stepOptions) => {
      summary ??= generate<ScoreSummary>('summary');
      return summary.step(summary.ctx, record, previous, stepOptions);
    },
  };
}
