/**
 * A piece of SQL together with the step of its stage at which it can be computed: 0 when it reads
 * only columns the stage starts with, n + 1 when it reads a column bound at step n. A stage puts
 * each binding in the CTE of its step, so SQL never repeats a computation and never needs a
 * column alias in the SELECT that defines it (which PostgreSQL and BigQuery do not allow).
 */
export interface Sql {
  readonly text: string;
  readonly step: number;
  /** A column or a literal: it may be written several times without computing anything twice. */
  readonly atomic: boolean;
}

/** SQL written by the compiler itself (keywords, operators, function names): never model text. */
export function raw(text: string): Sql {
  return { text, step: 0, atomic: true };
}

export const NULL: Sql = raw('NULL');
export const TRUE: Sql = raw('TRUE');
export const FALSE: Sql = raw('FALSE');

/**
 * Builds SQL from the compiler's own text and other SQL values: `sql\`(${a} + ${b})\``. Only
 * `Sql` values may be interpolated, so model text can enter only as a value the dialect quoted.
 */
export function sql(strings: TemplateStringsArray, ...parts: readonly Sql[]): Sql {
  let text = strings[0] as string;
  let step = 0;
  parts.forEach((part, i) => {
    text += part.text + (strings[i + 1] as string);
    step = Math.max(step, part.step);
  });
  return { text, step, atomic: false };
}

/** A dialect's spelling of an operation, applied to SQL values. */
export function call<A extends readonly string[]>(render: (...args: A) => string, ...args: { [K in keyof A]: Sql }): Sql {
  const text = render(...(args.map((a) => a.text) as unknown as A));
  return { text, step: Math.max(0, ...args.map((a) => a.step)), atomic: false };
}

/** Several values joined by the compiler's own separator. */
export function join(parts: readonly Sql[], separator: string): Sql {
  return { text: parts.map((p) => p.text).join(separator), step: Math.max(0, ...parts.map((p) => p.step)), atomic: false };
}

/**
 * A short expression over columns and literals (`abs("x") * 100.0`) that may be written twice
 * instead of getting a column of its own: fewer CTEs, and the engine computes it once anyway.
 */
export function cheap(value: Sql, parts: readonly Sql[]): Sql {
  return { ...value, atomic: value.text.length <= 100 && parts.every((p) => p.atomic) };
}

/** A literal the dialect wrote (a quoted string or a number): atomic, step 0. */
export function literal(text: string): Sql {
  return { text, step: 0, atomic: true };
}

/** The number a literal the compiler wrote holds (`dialect.double` in any dialect's spelling), else undefined. */
export function literalNumber(value: Sql): number | undefined {
  if (!value.atomic) return undefined;
  const match = /^(?:CAST\()?'?(-?[0-9.]+(?:e[+-]?[0-9]+)?)'?(?:::float8|::DOUBLE| AS FLOAT64\)| AS DOUBLE\))?$/.exec(value.text);
  if (match === null) return undefined;
  const number = Number(match[1]);
  return Number.isFinite(number) ? number : undefined;
}
