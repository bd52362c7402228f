import { compiledEvaluator, planModel, referenceEvaluator, type Evaluator, type Plan } from '@vitals/core';

/** Every evaluator the conformance suite holds to the same cases. Later: SQL engines, with reasoned skips. */
export const ENGINES = [
  { name: 'reference', make: (plan: Plan): Evaluator => referenceEvaluator(plan) },
  { name: 'compiled', make: (plan: Plan): Evaluator => compiledEvaluator(plan) },
] as const;

/** Compiles model text to a plan, failing the test with every error diagnostic when it does not compile. */
export function planOf(text: string): Plan {
  const { plan, diagnostics } = planModel(text, 'test-model.yaml');
  if (plan === undefined) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    throw new Error(`model does not compile:\n${errors.map((d) => `  ${d.line}:${d.column} ${d.code} ${d.message}`).join('\n')}`);
  }
  return plan;
}
