import { PlanError } from './js-literal.js';

/** Accumulates statements and hands out fresh local names; the generated code is a flat sequence. */
export class CodeBuilder {
  private readonly lines: string[] = [];
  private counter = 0;
  /** The plan's numbers the code reads, in order: `P[i]` is `numbers[i]`. */
  readonly numbers: number[] = [];

  fresh(prefix = 't'): string {
    return `${prefix}${this.counter++}`;
  }

  /**
   * A number of the plan, as the code that reads it at run time (`P[i]`), never as a literal: the
   * source stays the same when only numbers change. It must be finite, as a literal had to be.
   */
  number(value: number): string {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new PlanError('a number of the plan', 'a finite number', value);
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
