import type { Plan } from '../compile/plan.js';
import { readInput } from './read-value.js';

/**
 * Which account a record is a snapshot of, as the scorer keys each account's history: its id
 * field read as the model reads it, as text. Undefined when the model has no snapshot history
 * (no id or no as-of field: every record stands alone) or the id cannot be read — such a record
 * carries nothing to or from any other, so it may be scored apart from the rest.
 */
export function accountKeyReader(plan: Plan): (record: Readonly<Record<string, unknown>>) => string | undefined {
  const { id: idField, asOf: asOfField } = plan.data;
  const input = plan.inputs.find((i) => i.name === idField);
  if (idField === null || asOfField === null || input === undefined) return () => undefined;
  return (record) => {
    const id = readInput(record, input, []);
    return id === null ? undefined : String(id);
  };
}
