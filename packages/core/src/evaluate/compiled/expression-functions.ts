import type { TypedExpr } from '../../check/typed-expr.js';
import { CodeBuilder } from './code-builder.js';
import { emitExpression, type SlotCode } from './emit-expression.js';

/** The source of a function of `rt` returning one expression's function, and the numbers it reads (`P`). */
export interface ExpressionFunction {
  readonly source: string;
  readonly numbers: readonly number[];
}

/** Declares a lookup table of an ordered enum in `head` once per list of values, and gives its name. */
export type Order = (values: readonly string[]) => string;

export function orderTables(head: CodeBuilder): Order {
  const tables = new Map<string, string>();
  return (values) => {
    const key = JSON.stringify(values);
    let name = tables.get(key);
    if (name === undefined) {
      name = `ORDER${tables.size}`;
      head.line(`const ${name} = new Map(${JSON.stringify(values.map((v, i) => [v, i]))});`);
      tables.set(key, name);
    }
    return name;
  };
}

/**
 * Each expression of the model (a metric's value or score formula, a playbook's condition, a
 * `prev()` operand) as a function of its own, which the step calls with the locals the expression
 * reads (`X[k](N[k], ps, …)`: its function and its numbers, from the step's context). The step's
 * source then says which locals each expression reads and nothing of how it computes: a formula
 * edited in its operators, functions or literals leaves the step's source as it was, so the step
 * already made and optimised by V8 scores the edited model, and only the edited expression's small
 * function is new and starts cold (the playground's formula edits). Locals are passed in sorted
 * order, so the call does not change with the order the formula reads them in.
 */
export class ExpressionFunctions {
  readonly functions: ExpressionFunction[] = [];

  /** The step's code calling a new function that computes `expr`, reading slots as the step's `slot` does. */
  call(expr: TypedExpr, slot: SlotCode): string {
    const head = new CodeBuilder();
    const body = new CodeBuilder('data');
    const locals = new Set<string>();
    const read: SlotCode = (s) => {
      const code = slot(s);
      for (const name of localsIn(code)) locals.add(name);
      return code;
    };
    const value = emitExpression(expr, body, read, orderTables(head));
    const params = ['P', 'ps', ...[...locals].sort()];
    const k = this.functions.length;
    this.functions.push({ source: `"use strict";\n${head.toString()}\nreturn function expression(${params.join(', ')}) {\n${body.toString()}\nreturn ${value};\n};`, numbers: body.numbers });
    return `X[${k}](${[`N[${k}]`, ...params.slice(1)].join(', ')})`;
  }
}

const NOT_LOCALS = new Set(['null', 'true', 'false']);

/** The step's locals a slot's code reads (`i3`, `ms0`, `pulse` of `(pulse === null ? null : pulse.value)`), not the fields after a dot. */
function localsIn(code: string): string[] {
  return (code.match(/(?<![\w$.])[A-Za-z_$][\w$]*/g) ?? []).filter((name) => !NOT_LOCALS.has(name));
}
