import { childPointer } from '../../load/source-document.js';
import type { ModelRule } from './rule-context.js';

/** An input nothing reads is usually a typo or a forgotten metric. */
export const checkUnusedInputs: ModelRule = (ctx) => {
  if (!ctx.complete) return;
  const used = new Set<string>();
  const all = [...Object.values(ctx.typed.metricValues), ...Object.values(ctx.typed.metricScores), ...Object.values(ctx.typed.playbooks)];
  for (const expression of all) for (const read of expression.reads) if (read.slot.kind === 'input') used.add(read.slot.input);
  const { data, pulse, overrides } = ctx.model;
  const roles = [data?.id, data?.as_of, data?.stage, data?.segment, data?.value, data?.owner, pulse?.field, pulse?.recorded_at, ...Object.values(overrides ?? {})];
  for (const role of roles) if (role !== undefined) used.add(role);
  for (const name of Object.keys(ctx.model.inputs)) {
    if (!used.has(name)) ctx.report('input-unused', { name }, ctx.locate.key(childPointer('/inputs', name)));
  }
};

/** Two inputs reading one column is usually a copied line whose `column:` was not changed. */
export const checkSharedColumns: ModelRule = (ctx) => {
  const readers = new Map<string, string>();
  for (const input of ctx.inputs.values()) {
    const first = readers.get(input.column);
    if (first === undefined) {
      readers.set(input.column, input.name);
      continue;
    }
    const pointer = childPointer('/inputs', input.name);
    const span = ctx.model.inputs[input.name]?.column !== undefined ? ctx.locate.value(childPointer(pointer, 'column')) : ctx.locate.key(pointer);
    ctx.report('column-read-twice', { column: input.column, input: input.name, other: first }, span);
  }
};
