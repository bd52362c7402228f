import type { Expr } from '../expr/ast.js';
import type { OffsetRange } from '../position/span.js';

/** A reference from one metric's formula to another metric, and where it is written. */
export interface MetricReference {
  readonly metric: string;
  readonly pointer: string;
  readonly span: OffsetRange;
}

/** The metrics an expression reads (`metrics.<name>.…`). */
export function referencedMetrics(expr: Expr | undefined, metrics: ReadonlySet<string>, pointer: string): MetricReference[] {
  const found: MetricReference[] = [];
  const visit = (node: Expr): void => {
    switch (node.kind) {
      case 'ref': {
        const [head, name] = node.path;
        if (head === 'metrics' && name !== undefined && metrics.has(name)) found.push({ metric: name, pointer, span: node.span });
        return;
      }
      case 'unary':
        return visit(node.operand);
      case 'binary':
        visit(node.left);
        return visit(node.right);
      case 'in':
        visit(node.value);
        return node.items.forEach(visit);
      case 'call':
        return node.args.forEach(visit);
      default:
        return;
    }
  };
  if (expr !== undefined) visit(expr);
  return found;
}

export interface MetricCycle {
  readonly members: readonly string[];
  /** The reference that closes the cycle: where the diagnostic points. */
  readonly closing: MetricReference;
}

/** Metrics in an order where each comes after those it reads; cycles are returned, not ordered. */
export function orderMetrics(names: readonly string[], references: ReadonlyMap<string, readonly MetricReference[]>): { order: string[]; cycles: MetricCycle[] } {
  const order: string[] = [];
  const cycles: MetricCycle[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): void => {
    state.set(name, 'visiting');
    stack.push(name);
    for (const reference of references.get(name) ?? []) {
      const seen = state.get(reference.metric);
      if (seen === 'visiting') cycles.push({ members: [...stack.slice(stack.indexOf(reference.metric)), reference.metric], closing: reference });
      else if (seen === undefined) visit(reference.metric);
    }
    stack.pop();
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of names) if (!state.has(name)) visit(name);
  const inCycle = new Set(cycles.flatMap((c) => c.members));
  return { order: order.filter((name) => !inCycle.has(name)), cycles };
}
