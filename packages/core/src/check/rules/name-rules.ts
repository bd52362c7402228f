import { childPointer } from '../../load/source-document.js';
import { columnClashes } from '../column-names.js';
import { BUILTIN_NAMES } from '../scope.js';
import type { ModelRule } from './rule-context.js';

/** Names that would reach a JavaScript prototype or read as a keyword of the expression language. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  'constructor', 'prototype', '__proto__', 'and', 'or', 'not', 'in', 'true', 'false', 'null',
]);

const NAMED_SECTIONS = ['inputs', 'categories', 'metrics', 'playbooks'] as const;

export const checkNames: ModelRule = (ctx) => {
  for (const section of NAMED_SECTIONS) {
    for (const name of Object.keys(ctx.model[section] ?? {})) {
      if (RESERVED_NAMES.has(name)) ctx.report('reserved-name', { name }, ctx.locate.key(childPointer(`/${section}`, name)));
    }
  }
  const bandLists: [string, readonly { name: string }[] | undefined][] = [
    ['/bands', ctx.model.bands],
    ...Object.entries(ctx.model.categories).map(([name, c]): [string, typeof c.bands] => [`${childPointer('/categories', name)}/bands`, c.bands]),
    ...Object.entries(ctx.model.metrics).map(([name, m]): [string, typeof m.bands] => [`${childPointer('/metrics', name)}/bands`, m.bands]),
  ];
  for (const [pointer, bands] of bandLists) {
    (bands ?? []).forEach((band, i) => {
      if (RESERVED_NAMES.has(band.name)) ctx.report('reserved-name', { name: band.name }, ctx.locate.value(`${pointer}/${i}/name`));
    });
  }
  const aliases = new Set([ctx.model.data?.stage === 'stage' ? 'stage' : '', ctx.model.data?.segment === 'segment' ? 'segment' : '']);
  for (const name of Object.keys(ctx.model.inputs)) {
    if (BUILTIN_NAMES.has(name) && !aliases.has(name)) ctx.report('name-shadows-builtin', { name }, ctx.locate.key(childPointer('/inputs', name)));
  }
};

/** Two entries whose flat output columns (`score --format csv`, SQL) would have one name: no column may be ambiguous. */
export const checkColumnNames: ModelRule = (ctx) => {
  for (const clash of columnClashes(Object.keys(ctx.model.categories), Object.keys(ctx.model.metrics))) {
    const other = `${clash.first.kind} \`${clash.first.key}\``;
    ctx.report('column-name-clash', { column: clash.column, metric: clash.metric, other }, ctx.locate.key(childPointer('/metrics', clash.metric)));
  }
};
