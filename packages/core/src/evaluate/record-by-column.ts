import type { Plan } from '../compile/plan.js';

/**
 * A record written with the inputs' keys (as a `*.test.yaml` case writes it) → the record an
 * evaluator reads, keyed by each input's column. Test cases name inputs, not columns, so a
 * renamed column in the export changes one `column:` line, not every case. A field that is not
 * an input's key keeps its name (the test runner reports it).
 */
export function recordByColumn(plan: Plan, record: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  if (plan.inputs.every((input) => input.column === input.name)) return record;
  const byColumn = Object.create(null) as Record<string, unknown>;
  const columns = new Map(plan.inputs.map((input) => [input.name, input.column]));
  for (const [key, value] of Object.entries(record)) byColumn[columns.get(key) ?? key] = value;
  return byColumn;
}
