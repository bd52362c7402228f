/**
 * The only two ways model-derived data enters generated code. Text goes through JSON.stringify
 * (quotes, backslashes, line and paragraph separators, lone surrogates are all escaped), numbers
 * must be finite and are printed exactly. Nothing else from a model reaches the source.
 */
export function jsString(text: string): string {
  if (typeof text !== 'string') throw new Error('bug: jsString needs a string');
  return JSON.stringify(text);
}

export function jsNumber(value: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`bug: jsNumber needs a finite number, got ${String(value)}`);
  return Object.is(value, -0) ? '-0' : String(value);
}

export function jsValue(value: number | string | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return typeof value === 'number' ? `(${jsNumber(value)})` : jsString(value);
}
