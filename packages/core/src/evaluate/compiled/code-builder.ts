/** Accumulates statements and hands out fresh local names; the generated code is a flat sequence. */
export class CodeBuilder {
  private readonly lines: string[] = [];
  private counter = 0;

  fresh(prefix = 't'): string {
    return `${prefix}${this.counter++}`;
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
