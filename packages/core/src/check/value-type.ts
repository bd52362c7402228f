/** The static types of the expression language. Every type includes null (a missing value). */
export type ValueType =
  | { readonly kind: 'number' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'string' }
  | { readonly kind: 'date' }
  | { readonly kind: 'duration' }
  | { readonly kind: 'enum'; readonly name: string; readonly values: readonly string[]; readonly ordered: boolean }
  /** The type of the literal `null`: fits anywhere. */
  | { readonly kind: 'null' }
  /** The type of a node that already has an error: silences follow-on errors. */
  | { readonly kind: 'error' };

export const NUMBER: ValueType = { kind: 'number' };
export const BOOLEAN: ValueType = { kind: 'boolean' };
export const STRING: ValueType = { kind: 'string' };
export const DATE: ValueType = { kind: 'date' };
export const DURATION: ValueType = { kind: 'duration' };
export const NULL_TYPE: ValueType = { kind: 'null' };
export const ERROR_TYPE: ValueType = { kind: 'error' };

export function enumType(name: string, values: readonly string[], ordered: boolean): ValueType {
  return { kind: 'enum', name, values, ordered };
}

/** How a type reads in a message: "a number", "enum `plan` (basic, pro)". */
export function describeType(type: ValueType): string {
  switch (type.kind) {
    case 'enum':
      return `enum \`${type.name}\``;
    case 'null':
      return 'null';
    case 'error':
      return 'an invalid value';
    case 'number':
    case 'boolean':
    case 'string':
    case 'date':
    case 'duration':
      return `a ${type.kind}`;
  }
}

/** Whether a value of one type can be used where the other is expected (null and errors fit everywhere). */
export function isLenient(type: ValueType): boolean {
  return type.kind === 'null' || type.kind === 'error';
}

/** The type two branches (of `if`, `coalesce`) have together, or undefined when they don't agree. */
export function unify(a: ValueType, b: ValueType): ValueType | undefined {
  if (a.kind === 'error' || b.kind === 'error') return ERROR_TYPE;
  if (a.kind === 'null') return b;
  if (b.kind === 'null') return a;
  if (a.kind === 'enum' && b.kind === 'enum') return a.name === b.name ? a : undefined;
  if (a.kind === 'enum' || b.kind === 'enum') return undefined;
  return a.kind === b.kind ? a : undefined;
}

export function isNumeric(type: ValueType): boolean {
  return type.kind === 'number' || isLenient(type);
}
