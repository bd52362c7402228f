import { suggest, type ColumnUse } from '@vitals/core';
import { DELIMITERS } from '../csv/delimiter.js';

/** A column the model reads that the file lacks, and the header name it most likely meant. */
export interface MissingColumn {
  readonly use: ColumnUse;
  readonly suggestion: string | null;
}

/** Columns of `uses` that none of `names` (a header, or the fields seen in JSON rows) spells exactly. */
export function missingColumns(names: readonly string[], uses: readonly ColumnUse[]): MissingColumn[] {
  const present = new Set(names);
  return uses.filter((use) => !present.has(use.column)).map((use) => ({ use, suggestion: columnSuggestion(use.column, names) }));
}

/** Case, spaces, `_` and `-` ignored: `Purchased Seats`, `purchased-seats` and `purchasedSeats` are one key. */
export function looseColumnKey(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

/**
 * The name in `names` a missing column most likely is: the one equal to it ignoring case, spaces,
 * `_` and `-` (`purchased_seats` → `Purchased Seats`), else a near spelling (`pulse_dat` → `pulse_date`).
 */
export function columnSuggestion(column: string, names: readonly string[]): string | null {
  const key = looseColumnKey(column);
  const byKey = new Map<string, string>();
  for (const name of names) if (name !== '' && !byKey.has(looseColumnKey(name))) byKey.set(looseColumnKey(name), name);
  const near = byKey.get(key) ?? suggest(key, byKey.keys());
  return near === undefined ? null : (byKey.get(near) ?? near);
}

/**
 * One line per missing column, pointing at where the model names it:
 * "model.yaml:12:5 input `purchased_seats` reads column `purchased_seats`, which the file lacks — did you mean `Purchased Seats`?"
 */
export function describeMissingColumn(missing: MissingColumn, lacking = 'which the file lacks'): string {
  const { use, suggestion } = missing;
  const place = use.span === null ? '' : `${use.span.file}:${use.span.start.line}:${use.span.start.column} `;
  const who = use.declared ? `input \`${use.input}\`${use.roles.length > 0 ? ` (the ${use.roles.join(' and ')})` : ''}` : `${use.roles[0] ?? 'field'} \`${use.input}\``;
  const hint = suggestion === null ? '' : ` — did you mean \`${suggestion}\`?`;
  return `${place}${who} reads column \`${use.column}\`, ${lacking}${hint}`;
}

/** Delimiters a header read with another one may really use (a `,` file read with `;` is not mistaken so: `,` is tried first). */
const OTHER_DELIMITERS = DELIMITERS.filter((d) => d !== ',');

/**
 * The delimiter a header was most likely written with, when it was split with another one: a
 * header cell holds names joined by `;`, a tab or `|`, and several columns the model reads are
 * missing (`account_id;seats;tickets` read as one column). Null when nothing suggests it.
 */
export function likelyHeaderDelimiter(header: readonly string[], missing: number, delimiter: string): string | null {
  if (missing < 2) return null;
  let best: string | null = null;
  let most = 0;
  for (const candidate of OTHER_DELIMITERS) {
    if (candidate === delimiter) continue;
    const joined = header.reduce((count, name) => Math.max(count, name.split(candidate).length - 1), 0);
    if (joined > most) [best, most] = [candidate, joined];
  }
  return best;
}
