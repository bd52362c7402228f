import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { CASE_FIELDS, SNAPSHOT_FIELDS, SUITE_FIELDS } from '../model-tests/parse-model-tests.js';
import { HEALTH_MODEL_SCHEMA } from '../schema/health-model-schema.js';

/** The part of a JSON Schema the key order reads: a model's schema, or the shape of a test file. */
export interface Layout {
  readonly properties?: Readonly<Record<string, Layout>>;
  readonly additionalProperties?: Layout | boolean;
  readonly items?: Layout;
  readonly anyOf?: readonly Layout[];
}
type SchemaNode = Layout;

/** A model: the schema is the one source of its key order. */
export const MODEL_LAYOUT: Layout = HEALTH_MODEL_SCHEMA as Layout;

/** Keys in the order `names` lists them; `children` lays out the values of some of them. */
const ordered = (names: readonly string[], children: Readonly<Record<string, Layout>> = {}): Layout => ({
  properties: Object.fromEntries(names.map((name) => [name, children[name] ?? {}])),
});

/** A model test file (docs/model-tests.md), in the order its parser lists the fields; records and expectations keep the author's order. */
export const TEST_FILE_LAYOUT: Layout = ordered(SUITE_FIELDS, {
  cases: { items: ordered(CASE_FIELDS, { snapshots: { items: ordered(SNAPSHOT_FIELDS) } }) },
});

/**
 * Puts the keys of every mapping in the order the schema lists its properties (`vitals`, `model`,
 * `title`, … at the top; `category`, `value`, `score` … in a metric). Keys the schema does not
 * know keep their relative order after the known ones. Names the author chose (inputs, metrics,
 * playbooks, map entries) keep the author's order: it is meaningful (display order, evaluation
 * order of categories). Comments and blank lines belong to their pair and move with it.
 */
export function orderKeys(node: Node | null | undefined, schema: SchemaNode | undefined): void {
  const shape = objectBranch(schema);
  if (isMap(node)) {
    const order = shape?.properties === undefined ? undefined : Object.keys(shape.properties);
    if (order !== undefined) sortPairs(node.items as Pair[], order);
    for (const pair of node.items as Pair[]) orderKeys(pair.value as Node | null, childSchema(shape, keyOf(pair)));
  } else if (isSeq(node)) {
    for (const item of node.items) orderKeys(item as Node | null, shape?.items);
  }
}

/**
 * The canonical key order of the mapping at a path of the model: the schema's property order
 * (`category`, `value`, `score`, …, `weight` in a metric). `[]` in the path steps into a list's
 * items. Empty where the schema lists no properties (names the author chose).
 */
export function keyOrderAt(path: readonly string[]): readonly string[] {
  let shape = objectBranch(HEALTH_MODEL_SCHEMA as SchemaNode);
  for (const segment of path) shape = objectBranch(segment === '[]' ? shape?.items : childSchema(shape, segment));
  return shape?.properties === undefined ? [] : Object.keys(shape.properties);
}

function sortPairs(pairs: Pair[], order: readonly string[]): void {
  const rank = (pair: Pair) => {
    const i = order.indexOf(keyOf(pair) ?? '');
    return i < 0 ? order.length : i;
  };
  // Array.prototype.sort is stable: unknown keys (and equal ranks) keep their order.
  const sorted = [...pairs].sort((a, b) => rank(a) - rank(b));
  if (sorted.every((pair, i) => pair === pairs[i])) return;
  moveLeadingComment(pairs, sorted);
  pairs.splice(0, pairs.length, ...sorted);
}

/**
 * A comment above the first key of a mapping is stored on that key, but reads as a comment on the
 * mapping: it stays at the top, whichever key comes first after sorting.
 */
function moveLeadingComment(before: readonly Pair[], after: readonly Pair[]): void {
  const oldFirst = before[0]?.key as { commentBefore?: string | null; spaceBefore?: boolean } | undefined;
  const newFirst = after[0]?.key as { commentBefore?: string | null; spaceBefore?: boolean } | undefined;
  if (oldFirst === undefined || newFirst === undefined || oldFirst === newFirst) return;
  if (oldFirst.commentBefore === undefined || oldFirst.commentBefore === null) return;
  newFirst.commentBefore = newFirst.commentBefore ? `${oldFirst.commentBefore}\n${newFirst.commentBefore}` : oldFirst.commentBefore;
  oldFirst.commentBefore = undefined;
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/** For an `anyOf` (a score method, a missing policy), the alternative written as a mapping. */
function objectBranch(schema: SchemaNode | undefined): SchemaNode | undefined {
  if (schema?.anyOf === undefined) return schema;
  return schema.anyOf.find((branch) => branch.properties !== undefined || typeof branch.additionalProperties === 'object');
}

function childSchema(shape: SchemaNode | undefined, key: string | undefined): SchemaNode | undefined {
  if (shape === undefined || key === undefined) return undefined;
  const known = shape.properties?.[key];
  if (known !== undefined) return known;
  return typeof shape.additionalProperties === 'object' ? shape.additionalProperties : undefined;
}
