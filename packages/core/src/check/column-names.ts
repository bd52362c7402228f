/**
 * How a result is named as flat columns (`vitals score --format csv`, `--columns`, SQL output):
 * each category gives `<key>_score` and `<key>_band`, each metric `<key>_value`, `<key>_score`
 * and `<key>_band`. The other columns (`score`, `pulse_age_days`, `band_previous`, …) never end in
 * one of these suffixes, so no key can make a column that clashes with them.
 *
 * A metric and a category may share a key (a one-metric category, `household` in `household`):
 * the metric's columns are then `<key>_metric_value`, `_score` and `_band`, and the category keeps
 * `<key>_score`. The one clash left — a third entry keyed `<key>_metric` — is refused by `check`
 * (`column-name-clash`), so a column name always says which entry it belongs to.
 */
export const METRIC_PARTS = ['value', 'score', 'band'] as const;
export const CATEGORY_PARTS = ['score', 'band'] as const;

/** The suffixes only category and metric columns end in. */
export const ENTRY_COLUMN_SUFFIXES: readonly string[] = ['_value', '_score', '_band'];

/** The stem of a metric's columns: its key, or `<key>_metric` when a category has the same key. */
export function metricColumnStem(metric: string, categoryKeys: ReadonlySet<string>): string {
  return categoryKeys.has(metric) ? `${metric}_metric` : metric;
}

/** The first column a metric would share with an earlier entry: what `column-name-clash` reports, at the metric. */
export interface ColumnClash {
  readonly column: string;
  /** The entry that names the column first: a category, or a metric listed earlier. */
  readonly first: { readonly kind: 'category' | 'metric'; readonly key: string };
  readonly metric: string;
}

/**
 * The clashes left after a metric sharing a category's key takes the `_metric` stem: with a third
 * entry keyed `<key>_metric` (a category, or a metric whose own stem is then the same). None in
 * any real model; `check` refuses them.
 */
export function columnClashes(categoryKeys: readonly string[], metricKeys: readonly string[]): ColumnClash[] {
  const categories = new Set(categoryKeys);
  const owners = new Map<string, ColumnClash['first']>();
  for (const key of categoryKeys) for (const part of CATEGORY_PARTS) owners.set(`${key}_${part}`, { kind: 'category', key });
  const clashes: ColumnClash[] = [];
  for (const metric of metricKeys) {
    const stem = metricColumnStem(metric, categories);
    for (const part of METRIC_PARTS) {
      const column = `${stem}_${part}`;
      const first = owners.get(column);
      if (first === undefined) owners.set(column, { kind: 'metric', key: metric });
      else if (!clashes.some((c) => c.metric === metric)) clashes.push({ column, first, metric });
    }
  }
  return clashes;
}
