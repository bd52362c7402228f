/**
 * The only ways plan data enters generated code. Text goes through JSON.stringify (quotes,
 * backslashes, line and paragraph separators, lone surrogates are all escaped), numbers must be
 * finite and are printed exactly, whole numbers (decimals, history sites) must be whole and in
 * range, and words (operators, fields) must be one of a fixed list. Nothing else from a plan
 * reaches the source: `compiledEvaluator` takes plans from anyone who imports it, so a plan that
 * breaks these gets a `PlanError`, never code.
 */
export function jsString(text: string): string {
  if (typeof text !== 'string') throw new Error('bug: jsString needs a string');
  return JSON.stringify(text);
}

export function jsNumber(value: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`bug: jsNumber needs a finite number, got ${String(value)}`);
  return Object.is(value, -0) ? '-0' : String(value);
}

/** A plan that the code generator refuses: a field it would paste into the code is not what a plan holds. */
export class PlanError extends TypeError {
  constructor(what: string, expected: string, actual: unknown) {
    const shown = typeof actual === 'string' ? JSON.stringify(actual.length > 60 ? `${actual.slice(0, 60)}…` : actual) : String(actual);
    super(`not a plan vitals can compile: ${what} must be ${expected}, got ${shown}`);
    this.name = 'PlanError';
  }
}

/** A whole number from the plan (a number of decimals, a history site), in `min`…`max`. */
export function jsInteger(value: unknown, what: string, min = 0, max = Number.MAX_SAFE_INTEGER): string {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw new PlanError(what, `a whole number from ${min} to ${max}`, value);
  return String(value);
}

/** The code for one of a fixed set of words of the plan (an operator, a field name). */
export function jsChoice(value: unknown, what: string, choices: Readonly<Record<string, string>>): string {
  if (typeof value !== 'string' || !Object.hasOwn(choices, value)) throw new PlanError(what, `one of ${Object.keys(choices).join(' ')}`, value);
  return choices[value] as string;
}

export function jsValue(value: number | string | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return typeof value === 'number' ? `(${jsNumber(value)})` : jsString(value);
}
