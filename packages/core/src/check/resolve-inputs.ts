import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Locator } from '../position/locator.js';
import { DEFAULT_PULSE_SCALE, DEFAULT_SCALE } from '../schema/defaults.js';
import type { InputSource, InputTypeName, ModelSource } from '../schema/model-source.js';
import { BOOLEAN, DATE, NUMBER, STRING, enumType, type ValueType } from './value-type.js';

/** One field of an account record, as the evaluator reads it. */
export interface InputDeclaration {
  /** The stable key expressions, results and test records use. */
  readonly name: string;
  /** The column of the data file (the field of a JSON record) the value is read from: `column:`, or the name. */
  readonly column: string;
  readonly type: InputTypeName;
  readonly values?: readonly string[];
  readonly ordered: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly required: boolean;
  /** Declared by its role (account id, as-of date, pulse, override) rather than under `inputs`. */
  readonly implied: boolean;
}

interface Role {
  readonly field: string;
  readonly pointer: string;
  readonly role: string;
  readonly accepts: readonly InputTypeName[];
  readonly implied: InputSource;
  readonly required?: boolean;
}

/** Inputs declared under `inputs`, plus the fields that `data`, `pulse` and `overrides` name. */
export function resolveInputs(model: ModelSource, locate: Locator): { inputs: InputDeclaration[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const inputs = new Map<string, InputDeclaration>();
  for (const [name, source] of Object.entries(model.inputs)) inputs.set(name, declaration(name, source, false));
  for (const role of roles(model)) {
    const declared = model.inputs[role.field];
    if (declared === undefined) {
      inputs.set(role.field, declaration(role.field, role.implied, true, role.required));
      continue;
    }
    if (!role.accepts.includes(declared.type) || !sameValues(declared, role.implied)) {
      const expected = role.implied.values ? `an enum of ${role.implied.values.join(', ')}` : role.accepts.join(' or ');
      diagnostics.push(diagnostic('field-type-conflict', { field: role.field, role: role.role, expected, actual: declared.type }, locate.value(role.pointer)));
    } else if (role.required === true) {
      inputs.set(role.field, { ...(inputs.get(role.field) as InputDeclaration), required: true });
    }
  }
  const overrideScore = model.overrides?.score;
  const declaredOverride = overrideScore === undefined ? undefined : inputs.get(overrideScore);
  if (declaredOverride !== undefined) inputs.set(declaredOverride.name, onTheScale(declaredOverride, model.scale ?? DEFAULT_SCALE));
  return { inputs: [...inputs.values()], diagnostics };
}

/** An override replaces a score, so it must be a score: a record with one off the scale is invalid. */
function onTheScale(input: InputDeclaration, scale: { min: number; max: number }): InputDeclaration {
  return { ...input, min: Math.max(input.min ?? scale.min, scale.min), max: Math.min(input.max ?? scale.max, scale.max) };
}

function declaration(name: string, source: InputSource, implied: boolean, required = source.required ?? false): InputDeclaration {
  return {
    name,
    column: source.column ?? name,
    type: source.type,
    ...(source.values ? { values: source.values } : {}),
    ordered: source.ordered ?? false,
    ...(source.min !== undefined ? { min: source.min } : {}),
    ...(source.max !== undefined ? { max: source.max } : {}),
    required,
    implied,
  };
}

function sameValues(declared: InputSource, implied: InputSource): boolean {
  if (implied.values === undefined || declared.type !== 'enum') return true;
  const values = new Set(declared.values ?? []);
  return implied.values.every((v) => values.has(v)) && values.size === implied.values.length;
}

function roles(model: ModelSource): Role[] {
  const result: Role[] = [];
  const add = (field: string | undefined, pointer: string, role: string, accepts: InputTypeName[], implied: InputSource, required = false) => {
    if (field !== undefined) result.push({ field, pointer, role, accepts, implied, required });
  };
  const data = model.data ?? {};
  add(data.id, '/data/id', 'account id', ['string', 'enum', 'integer'], { type: 'string' }, true);
  add(data.as_of, '/data/as_of', 'as-of date', ['date'], { type: 'date' }, true);
  add(data.segment, '/data/segment', 'segment', ['string', 'enum'], { type: 'string' });
  add(data.value, '/data/value', 'account value', ['number', 'integer'], { type: 'number' });
  add(data.owner, '/data/owner', 'account owner', ['string', 'enum'], { type: 'string' });
  if (model.pulse !== undefined) {
    const levels = pulseLevelsByScore(model);
    add(model.pulse.field, '/pulse/field', 'pulse', ['enum'], { type: 'enum', values: levels, ordered: true });
    add(model.pulse.recorded_at, '/pulse/recorded_at', 'pulse date', ['date'], { type: 'date' });
  }
  const overrides = model.overrides;
  if (overrides !== undefined) {
    add(overrides.score, '/overrides/score', 'override score', ['number', 'integer'], { type: 'number' });
    add(overrides.band, '/overrides/band', 'override band', ['enum', 'string'], { type: 'enum', values: model.bands.map((b) => b.name) });
    add(overrides.reason, '/overrides/reason', 'override reason', ['string', 'enum'], { type: 'string' });
    add(overrides.set_at, '/overrides/set_at', 'override start date', ['date'], { type: 'date' });
    add(overrides.expires_at, '/overrides/expires_at', 'override expiry date', ['date'], { type: 'date' });
  }
  return result;
}

/** The pulse's values from the lowest score to the highest, so `pulse.value >= "satisfied"` reads naturally. */
export function pulseLevelsByScore(model: ModelSource): string[] {
  const scale = model.pulse?.scale ?? DEFAULT_PULSE_SCALE;
  return [...scale].sort((a, b) => a.score - b.score).map((level) => level.value);
}

export function inputValueType(input: InputDeclaration): ValueType {
  switch (input.type) {
    case 'number':
    case 'integer':
      return NUMBER;
    case 'boolean':
      return BOOLEAN;
    case 'string':
      return STRING;
    case 'date':
      return DATE;
    case 'enum':
      return enumType(input.name, input.values ?? [], input.ordered);
  }
}

