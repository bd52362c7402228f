import { canonicalJson } from '../../compile/canonical-json.js';
import type { BandPlan, CategoryPlan, MetricPlan, Plan, PlaybookPlan } from '../../compile/plan.js';
import { bandEntries, bandsAsWritten, days, missingAsWritten, rollupAsWritten, scoreAsWritten, withoutNulls } from './as-written.js';
import { ChangeList } from './change-list.js';
import { diffLifecycle } from './diff-lifecycle.js';
import type { ChangeSection, ModelDiff, WeightShare } from './impact.js';
import { matchEntries, withBaseNames, type MatchedEntries } from './match-entries.js';

/** HEAD key → BASE key of each renamed metric and category. */
export interface Renames {
  readonly metrics: ReadonlyMap<string, string>;
  readonly categories: ReadonlyMap<string, string>;
}

const NONE: ReadonlyMap<string, string> = new Map();

/**
 * The semantic diff of two plans: what changed in meaning, entry by entry, keyed by the stable
 * keys of the model, never by its text. Equal content hashes mean no change; a formula written
 * differently but reading the same (its typed tree is compared, not its text) is no change either.
 */
export function diffPlans(base: Plan, head: Plan): ModelDiff {
  const bandsOf = { base: base.bands, head: head.bands };
  const metrics = matchMetrics(base.metrics, head.metrics, bandsOf);
  const metricNames = renameMap(metrics);
  const categories = matchEntries(base.categories, head.categories, (c) => c.key, (c, side) => categoryDefinition(c, bandsOf[side], side === 'head' ? metricNames : NONE));
  const names: Renames = { metrics: metricNames, categories: renameMap(categories) };
  const list = new ChangeList();
  if (base.hash !== head.hash) {
    diffSettings(list, base, head);
    diffBands(list, 'bands', null, '', base.bands, head.bands);
    diffInputs(list, base, head);
    diffCategories(list, categories, bandsOf);
    diffMetrics(list, metrics, names, bandsOf);
    diffLifecycle(list, base, head, names);
    diffPlaybooks(list, base.playbooks, head.playbooks, names);
    if (list.changes.length === 0 && canonicalJson(meaning(base, NONE, NONE)) !== canonicalJson(meaning(head, names.metrics, names.categories))) {
      // Every field of the plan is compared above; this is the net under them, so that a field
      // added to the plan later can never make a real change read as "no change".
      list.changes.push({ section: 'model', kind: 'changed', key: null, field: null, path: '', before: null, after: null });
    }
  }
  return {
    base: { model: base.model, title: base.title, hash: base.hash },
    head: { model: head.model, title: head.title, hash: head.hash },
    unchanged: list.changes.length === 0,
    changes: list.changes,
    weights: metricShares(base, head, names),
    category_weights: categoryShares(base, head, names),
  };
}

/**
 * Metric renames can hide behind each other (a renamed metric read by another renamed one), so
 * matching repeats with the renames found so far until they settle (at most once per metric).
 */
function matchMetrics(base: readonly MetricPlan[], head: readonly MetricPlan[], bandsOf: ModelBands): MatchedEntries<MetricPlan> {
  let names: ReadonlyMap<string, string> = NONE;
  let matched = matchEntries(base, head, (m) => m.key, (m, side) => metricDefinition(m, bandsOf[side], NONE));
  for (let round = 0; round < head.length; round++) {
    const found = renameMap(matched);
    if (canonicalJson([...found]) === canonicalJson([...names])) break;
    names = found;
    matched = matchEntries(base, head, (m) => m.key, (m, side) => metricDefinition(m, bandsOf[side], side === 'head' ? names : NONE));
  }
  return matched;
}

function renameMap<T extends { key: string }>(matched: MatchedEntries<T>): Map<string, string> {
  return new Map(matched.renamed.map(([before, after]) => [after.key, before.key]));
}

/** Each side's model bands: what a metric or category without bands of its own has. */
type ModelBands = { readonly base: BandPlan; readonly head: BandPlan };

/** A metric's or category's bands, or `model` when they are the model's (written there, or copied): a model band change is reported once, at the model. */
function ownBands(bands: BandPlan, model: BandPlan): BandPlan | 'model' {
  return canonicalJson(bands) === canonicalJson(model) ? 'model' : bands;
}

/** What a metric computes, without its key and display text: equal definitions under two keys are a rename. */
function metricDefinition(metric: MetricPlan, model: BandPlan, metrics: ReadonlyMap<string, string>): unknown {
  const { key: _key, title: _title, valueText: _text, fullShare: _share, category: _category, bands, ...rest } = metric;
  return withBaseNames({ ...rest, bands: ownBands(bands, model), score: scoreMeaning(metric) }, metrics, NONE);
}

function scoreMeaning(metric: MetricPlan): unknown {
  if (metric.score.method !== 'expr') return metric.score;
  const { text: _text, ...meaningOnly } = metric.score;
  return meaningOnly;
}

function categoryDefinition(category: CategoryPlan, model: BandPlan, metrics: ReadonlyMap<string, string>): unknown {
  return { weight: category.weight, rollup: category.rollup, bands: ownBands(category.bands, model), metrics: category.metrics.map((m) => metrics.get(m) ?? m) };
}

function diffSettings(list: ChangeList, base: Plan, head: Plan): void {
  list.fields('model', null, '', [
    { field: 'model', before: base.model, after: head.model },
    { field: 'title', before: base.title, after: head.title },
    { field: 'scale', before: base.scale, after: head.scale },
    { field: 'precision', before: base.precision, after: head.precision },
    { field: 'hysteresis', before: base.hysteresis, after: head.hysteresis },
    { field: 'rollup', before: rollupAsWritten(base.rollup), after: rollupAsWritten(head.rollup) },
    { field: 'missing.min_coverage', before: base.minCoverage, after: head.minCoverage },
  ]);
  const data = (plan: Plan) => ({ id: plan.data.id, as_of: plan.data.asOf, segment: plan.data.segment, stage: plan.data.stage });
  const [before, after] = [data(base), data(head)];
  list.fields('data', null, '', Object.keys(before).map((k) => ({ field: `data.${k}`, before: before[k as keyof typeof before], after: after[k as keyof typeof after] })));
}

/**
 * A band list: with the same band names, each band's threshold (`bands.red`, as `--set` writes
 * it), title and colour; otherwise the whole list before and after.
 */
function diffBands(list: ChangeList, section: ChangeSection, key: string | null, prefix: string, base: BandPlan, head: BandPlan): void {
  if (canonicalJson(base.names) !== canonicalJson(head.names)) {
    list.fields(section, key, prefix, [{ field: 'bands', before: bandsAsWritten(base), after: bandsAsWritten(head) }]);
    return;
  }
  const after = bandEntries(head);
  bandEntries(base).forEach((band, i) => {
    const other = after[i] as (typeof after)[number];
    list.fields(section, key, prefix, [
      { field: `bands.${band.name}`, before: band.below, after: other.below },
      { field: `bands.${band.name}.title`, before: band.title, after: other.title },
      { field: `bands.${band.name}.color`, before: band.color, after: other.color },
    ]);
  });
}

function diffInputs(list: ChangeList, base: Plan, head: Plan): void {
  const matched = matchEntries(base.inputs, head.inputs, (i) => i.name, (i) => i.name);
  const column = (i: Plan['inputs'][number]) => (i.column === i.name ? null : i.column);
  const asWritten = (i: Plan['inputs'][number]) => withoutNulls({ column: column(i), type: i.type, values: i.values ?? null, ordered: i.ordered || null, min: i.min ?? null, max: i.max ?? null, required: i.required || null });
  list.matched('inputs', matched, (i) => i.name, asWritten, (before, after) =>
    list.fields('inputs', after.name, `inputs.${after.name}`, [
      // The column read is a change of meaning for the data even when every formula stays: another column, other values.
      { field: 'column', before: before.column, after: after.column },
      { field: 'type', before: before.type, after: after.type },
      { field: 'values', before: before.values ?? null, after: after.values ?? null },
      { field: 'ordered', before: before.ordered, after: after.ordered },
      { field: 'min', before: before.min ?? null, after: after.min ?? null },
      { field: 'max', before: before.max ?? null, after: after.max ?? null },
      { field: 'required', before: before.required, after: after.required },
    ]),
  );
}

/** An entry's bands, unless it has the model's bands on both sides (then a change is the model's, reported once). */
function diffEntryBands(list: ChangeList, section: ChangeSection, key: string, before: BandPlan, after: BandPlan, bandsOf: ModelBands): void {
  if (ownBands(before, bandsOf.base) === 'model' && ownBands(after, bandsOf.head) === 'model') return;
  diffBands(list, section, key, `${section}.${key}`, before, after);
}

function diffCategories(list: ChangeList, matched: MatchedEntries<CategoryPlan>, bandsOf: ModelBands): void {
  const asWritten = (c: CategoryPlan) => withoutNulls({ title: c.title, weight: c.weight, rollup: rollupAsWritten(c.rollup), bands: bandsAsWritten(c.bands) });
  list.matched('categories', matched, (c) => c.key, asWritten, (before, after) => {
    const prefix = `categories.${after.key}`;
    list.fields('categories', after.key, prefix, [
      { field: 'title', before: before.title, after: after.title },
      { field: 'weight', before: before.weight, after: after.weight },
      { field: 'rollup', before: rollupAsWritten(before.rollup), after: rollupAsWritten(after.rollup) },
    ]);
    diffEntryBands(list, 'categories', after.key, before.bands, after.bands, bandsOf);
  });
}

function diffMetrics(list: ChangeList, matched: MatchedEntries<MetricPlan>, names: Renames, bandsOf: ModelBands): void {
  const asWritten = (m: MetricPlan) =>
    withoutNulls({ title: m.title, category: m.category, value: m.valueText, score: scoreAsWritten(m.score), bands: bandsAsWritten(m.bands), weight: m.weight, missing: missingAsWritten(m.missing) });
  const mapped = (value: unknown) => withBaseNames(value, names.metrics, names.categories);
  list.matched('metrics', matched, (m) => m.key, asWritten, (before, after) => {
    const prefix = `metrics.${after.key}`;
    list.fields('metrics', after.key, prefix, [
      { field: 'title', before: before.title, after: after.title },
      { field: 'category', before: before.category, after: after.category, compare: [before.category, names.categories.get(after.category) ?? after.category] },
      { field: 'value', before: before.valueText, after: after.valueText, compare: [before.value, mapped(after.value)] },
      { field: 'score', before: scoreAsWritten(before.score), after: scoreAsWritten(after.score), compare: [scoreMeaning(before), mapped(scoreMeaning(after))] },
      { field: 'weight', before: before.weight, after: after.weight },
      { field: 'missing', before: missingAsWritten(before.missing), after: missingAsWritten(after.missing) },
    ]);
    diffEntryBands(list, 'metrics', after.key, before.bands, after.bands, bandsOf);
  });
}

function diffPlaybooks(list: ChangeList, base: readonly PlaybookPlan[], head: readonly PlaybookPlan[], names: Renames): void {
  const definition = (p: PlaybookPlan, side: 'base' | 'head') => {
    const { key: _key, title: _title, whenText: _text, explain: _explain, when, ...rest } = p;
    return { ...rest, when: side === 'head' ? withBaseNames(when, names.metrics, names.categories) : when };
  };
  const matched = matchEntries(base, head, (p) => p.key, definition);
  const asWritten = (p: PlaybookPlan) => withoutNulls({ title: p.title, when: p.whenText, priority: p.priority, owner: p.owner, action: p.action, cooldown: days(p.cooldownDays) });
  list.matched('playbooks', matched, (p) => p.key, asWritten, (before, after) =>
    list.fields('playbooks', after.key, `playbooks.${after.key}`, [
      { field: 'title', before: before.title, after: after.title },
      { field: 'when', before: before.whenText, after: after.whenText, compare: [before.when, withBaseNames(after.when, names.metrics, names.categories)] },
      { field: 'priority', before: before.priority, after: after.priority },
      { field: 'owner', before: before.owner, after: after.owner },
      { field: 'action', before: before.action, after: after.action },
      { field: 'cooldown', before: days(before.cooldownDays), after: days(after.cooldownDays) },
    ]),
  );
}

/** The plan without the text of its formulas (their typed trees stay), with renamed references under their BASE names. */
function meaning(plan: Plan, metrics: ReadonlyMap<string, string>, categories: ReadonlyMap<string, string>): unknown {
  const { hash: _hash, ...rest } = plan;
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).filter(([k]) => !['valueText', 'text', 'whenText', 'explain'].includes(k)).map(([k, v]) => [k, strip(v)]));
  };
  const renamedKeys = (value: unknown) => withBaseNames(value, metrics, categories);
  const stripped = strip(rest) as Record<string, unknown>;
  const relabel = <T extends { key: string }>(entries: readonly T[], map: ReadonlyMap<string, string>) => entries.map((e) => ({ ...e, key: map.get(e.key) ?? e.key }));
  return renamedKeys({
    ...stripped,
    metrics: relabel(stripped.metrics as { key: string; category: string }[], metrics).map((m) => ({ ...m, category: categories.get(m.category) ?? m.category })),
    categories: relabel(stripped.categories as { key: string; metrics: string[] }[], categories).map((c) => ({ ...c, metrics: c.metrics.map((m) => metrics.get(m) ?? m) })),
    evaluationOrder: plan.evaluationOrder.map((m) => metrics.get(m) ?? m),
  });
}

function metricShares(base: Plan, head: Plan, names: Renames): WeightShare[] {
  const before = new Map(base.metrics.map((m) => [m.key, m]));
  const seen = new Set<string>();
  const shares: WeightShare[] = head.metrics.map((m) => {
    const baseKey = names.metrics.get(m.key) ?? m.key;
    seen.add(baseKey);
    return { key: m.key, category: m.category, before: before.get(baseKey)?.fullShare ?? null, after: m.fullShare };
  });
  for (const m of base.metrics) if (!seen.has(m.key)) shares.push({ key: m.key, category: m.category, before: m.fullShare, after: null });
  return shares;
}

function categoryShares(base: Plan, head: Plan, names: Renames): WeightShare[] {
  const share = (plan: Plan) => {
    const total = plan.categories.reduce((sum, c) => sum + c.weight, 0);
    return new Map(plan.categories.map((c) => [c.key, total > 0 ? c.weight / total : 0]));
  };
  const [before, after] = [share(base), share(head)];
  const seen = new Set<string>();
  const shares: WeightShare[] = head.categories.map((c) => {
    const baseKey = names.categories.get(c.key) ?? c.key;
    seen.add(baseKey);
    return { key: c.key, category: null, before: before.get(baseKey) ?? null, after: after.get(c.key) ?? null };
  });
  for (const c of base.categories) if (!seen.has(c.key)) shares.push({ key: c.key, category: null, before: before.get(c.key) ?? null, after: null });
  return shares;
}
