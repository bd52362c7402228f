import type { InputDeclaration } from '../check/resolve-inputs.js';
import type { Plan } from '../compile/plan.js';
import { readInput } from './read-value.js';

type Record_ = Readonly<Record<string, unknown>>;

/**
 * Readers of the `data: { value, owner }` fields of a record — the account's value (ARR, MRR) and
 * its owner (the CSM) — read as the evaluators read every input: `" 12000 "` is 12000, and a value
 * that is not a number is missing here (it made the record invalid there). Scoring never reads
 * them; they weigh and group results in reports. Without the role, a reader gives null.
 */
export interface AccountFacts {
  readonly value: (record: Record_) => number | null;
  readonly owner: (record: Record_) => string | null;
}

export function accountFacts(plan: Plan): AccountFacts {
  const value = inputNamed(plan, plan.data.value);
  const owner = inputNamed(plan, plan.data.owner);
  return {
    value: (record) => {
      const amount = value === undefined ? null : readInput(record, value, []);
      return typeof amount === 'number' ? amount : null;
    },
    owner: (record) => {
      const name = owner === undefined ? null : readInput(record, owner, []);
      return name === null ? null : String(name);
    },
  };
}

function inputNamed(plan: Plan, name: string | null): InputDeclaration | undefined {
  return name === null ? undefined : plan.inputs.find((input) => input.name === name);
}
