import { compiledEvaluator, planModel } from '@vitals/core';
import { median } from './statistics.js';

export interface CompileTime {
  readonly model: string;
  readonly metrics: number;
  /** Model text → checked plan (YAML, schema, expressions, checks, plan and its hash), ms, median. */
  readonly planMs: number;
  /** Plan → generated JavaScript → function, ms, median. */
  readonly codegenMs: number;
  /** The whole `compileModel`, measured as the sum per run, ms, median. */
  readonly totalMs: number;
  readonly sourceChars: number;
}

/** Times parse + check + compile of a model `runs` times, after as many unmeasured runs (and at least a second of them). */
export function measureCompileTime(model: string, text: string, runs: number): CompileTime {
  const once = () => {
    const started = performance.now();
    const { plan, diagnostics } = planModel(text);
    const planned = performance.now();
    if (plan === undefined) throw new Error(`${model} does not compile: ${diagnostics.map((d) => d.message).join('; ')}`);
    const evaluator = compiledEvaluator(plan);
    const done = performance.now();
    return { plan: planned - started, codegen: done - planned, total: done - started, metrics: plan.metrics.length, chars: evaluator.source.length };
  };
  // Warm-up: until the JIT has settled on the compiler's code (at least a second of compiling).
  const warmupStarted = performance.now();
  for (let i = 0; i < runs || performance.now() - warmupStarted < 1_000; i++) once();
  const results = Array.from({ length: runs }, once);
  return {
    model,
    metrics: results[0]?.metrics ?? 0,
    planMs: median(results.map((r) => r.plan)),
    codegenMs: median(results.map((r) => r.codegen)),
    totalMs: median(results.map((r) => r.total)),
    sourceChars: results[0]?.chars ?? 0,
  };
}
