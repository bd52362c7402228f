import type { Span } from '../position/span.js';
import type { Plan } from './plan.js';

/**
 * A column of the data file that a model reads: the input that reads it (its stable key), what
 * the model uses it for, and where the model says so. What a data reader checks a header against,
 * and what the "did you mean" of a missing column points at.
 */
export interface ColumnUse {
  /** The column as the header (or the JSON record) must write it. */
  readonly column: string;
  /** The input that reads it. */
  readonly input: string;
  /** What else the model uses the input for (`account id`, `pulse date`, …); empty for a plain input. */
  readonly roles: readonly string[];
  /** Declared under `inputs` (false: named only by a role, and read from the column of that name). */
  readonly declared: boolean;
  /** Where the model names the column: the `column:` value, the input's key, or the role's value. Null without a source. */
  readonly span: Span | null;
}

/** A field the model names outside `inputs`, and where (a JSON pointer into the model). */
export interface RoleField {
  readonly role: string;
  readonly pointer: string;
  readonly field: string;
}

/** The fields `data`, `pulse` and `overrides` name, in the order of the model's sections. */
export function roleFields(plan: Plan): RoleField[] {
  const all: [string, string, string | null | undefined][] = [
    ['account id', '/data/id', plan.data.id],
    ['as-of date', '/data/as_of', plan.data.asOf],
    ['segment', '/data/segment', plan.data.segment],
    ['stage', '/data/stage', plan.data.stage],
    ['account value', '/data/value', plan.data.value],
    ['account owner', '/data/owner', plan.data.owner],
    ['pulse', '/pulse/field', plan.pulse?.field],
    ['pulse date', '/pulse/recorded_at', plan.pulse?.recordedAt],
    ['override score', '/overrides/score', plan.overrides?.score],
    ['override band', '/overrides/band', plan.overrides?.band],
    ['override reason', '/overrides/reason', plan.overrides?.reason],
    ['override start date', '/overrides/set_at', plan.overrides?.setAt],
    ['override expiry date', '/overrides/expires_at', plan.overrides?.expiresAt],
  ];
  return all.filter((entry): entry is [string, string, string] => typeof entry[2] === 'string').map(([role, pointer, field]) => ({ role, pointer, field }));
}

/** Finds a place in the model: the value at a JSON pointer, or the key of the entry there. */
export type PlaceInModel = (pointer: string, part: 'key' | 'value') => Span | null;

/**
 * Every column a plan reads, one entry per input (declared or named by a role), in the plan's
 * input order. `place` finds each one's span in the model (the compile API passes its locator).
 */
export function planColumns(plan: Plan, place: PlaceInModel = () => null): ColumnUse[] {
  const roles = roleFields(plan);
  return plan.inputs.map((input) => {
    const named = roles.filter((r) => r.field === input.name);
    const span = input.implied
      ? place(named[0]?.pointer ?? '', 'value')
      : input.column === input.name
        ? place(`/inputs/${input.name}`, 'key')
        : place(`/inputs/${input.name}/column`, 'value');
    return { column: input.column, input: input.name, roles: named.map((r) => r.role), declared: !input.implied, span };
  });
}
