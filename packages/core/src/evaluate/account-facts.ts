import type { InputDeclaration } from '../check/resolve-inputs.js';
import type { Plan } from '../compile/plan.js';
import { readInput } from './read-value.js';

/** What a report knows of an account besides its score: its value (ARR, MRR) and its owner (the CSM), when the model names them. */
export interface AccountFacts {
  readonly value: number | null;
  readonly owner: string | null;
}

const NO_FACTS: AccountFacts = Object.freeze({ value: null, owner: null });

/**
 * A reader of the `data: { value, owner }` fields of a record, read as the evaluators read every
 * input (so `"12000 "` is 12000 and a value that is not a number is missing here, and made the
 * record invalid there). Scoring never reads them: they only weigh and group results in reports.
 */
export function accountFactsReader(plan: Plan): (record: Readonly<Record<string, unknown>>) => AccountFacts {
  const value = inputNamed(plan, plan.data.value);
  const owner = inputNamed(plan, plan.data.owner);
  if (value === undefined && owner === undefined) return () => NO_FACTS;
  return (record) => {
    const amount = value === undefined ? null : readInput(record, value, []);
    const name = owner === undefined ? null : readInput(record, owner, []);
    return { value: typeof amount === 'number' ? amount : null, owner: name === null ? null : String(name) };
  };
}

function inputNamed(plan: Plan, name: string | null): InputDeclaration | undefined {
  return name === null ? undefined : plan.inputs.find((input) => input.name === name);
}
