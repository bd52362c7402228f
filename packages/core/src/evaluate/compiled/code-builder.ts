import { jsNumber, PlanError } from './js-literal.js';

/** How generated code holds the plan's numbers: written in as literals, or read at run time from a list (`P[i]`). */
export type NumbersIn = 'inline' | 'data';

/** Accumulates statements and hands out fresh local names; the generated code is a flat sequence. */
export class CodeBuilder {
  private readonly lines: string[] = [];
  private counter = 0;
  /** With `data`, the plan's numbers the code reads, in order: `P[i]` is `numbers[i]`. */
  readonly numbers: number[] = [];

  constructor(private readonly numbersIn: NumbersIn = 'inline') {}

  fresh(prefix = 't'): string {
    return `${prefix}${this.counter++}`;
  }

  /**
   * A number of the plan (it must be finite), as code: a literal, or with `data` the read of it at
   * run time (`P[i]`), so the source stays the same when only numbers change.
   */
  number(value: number): string {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new PlanError('a number of the plan', 'a finite number', value);
    if (this.numbersIn === 'inline') return `(${jsNumber(value)})`;
    this.numbers.push(value);
    return `P[${this.numbers.length - 1}]`;
  }

  line(code: string): void {
    this.lines.push(code);
  }

  /** Binds `code` to a new constant and returns its name (keeps operands evaluated once). */
  bind(code: string, prefix = 't'): string {
    if (/^[A-Za-z_$][\w$]*$/.test(code) || /^\(?-?[\d.e+]+\)?$/.test(code) || code === 'null' || code === 'true' || code === 'false') return code;
    const name = this.fresh(prefix);
    this.lines.push(`const ${name} = ${code};`);
    return name;
  }

  toString(): string {
    return this.lines.join('\n');
  }
}
