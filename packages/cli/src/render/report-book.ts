import type { ActOnAccount, BookSummary, Mover, Plan } from '@vitals/core';
import { formatValue } from './format-value.js';
import { percent, type ReportData } from './report-model.js';

/** A report table before it is rendered: the text, markdown and HTML forms each lay it out their way. */
export interface ReportTable {
  readonly title: string;
  /** A sentence under the title. */
  readonly note: string | null;
  readonly head: readonly string[];
  /** Which columns are numbers (right-aligned). */
  readonly numeric: readonly boolean[];
  readonly rows: readonly (readonly string[])[];
  /** Rows left out of `rows`, said under the table. */
  readonly more: number;
}

/** How many accounts to act on a text or markdown report lists; JSON and HTML list all. */
export const ACT_ON_SHOWN = 25;

/** The current book's tables, in the order a CS leader asks: who first, what is at risk, whose book, the pulse. Text is raw: each renderer escapes it. */
export function bookTables(data: ReportData, limit = ACT_ON_SHOWN): ReportTable[] {
  const { book, plan } = data;
  return [actOnTable(book, plan, limit), valueTable(book), ownerTable(book, plan), pulseTable(book)].filter((t): t is ReportTable => t !== null);
}

function actOnTable(book: BookSummary, plan: Plan, limit: number): ReportTable {
  const worst = plan.bands.names[0] as string;
  const hasValue = plan.data.value !== null;
  const hasOwner = plan.data.owner !== null;
  const head = ['account', 'score', 'band', 'gap', 'pulling down', ...(hasValue ? ['value'] : []), ...(hasOwner ? ['owner'] : []), 'playbooks (owner)'];
  const numeric = [false, true, false, true, false, ...(hasValue ? [true] : []), ...(hasOwner ? [false] : []), false];
  const rows = book.actOn.slice(0, limit).map((a) => [
    a.id ?? `(no id, ${a.as_of ?? 'undated'})`,
    formatValue(a.score),
    a.band,
    a.gap === null ? '' : formatValue(a.gap),
    a.pulling_down ?? '',
    ...(hasValue ? [money(a.value)] : []),
    ...(hasOwner ? [a.owner ?? ''] : []),
    playbookCell(a),
  ]);
  const order = hasValue ? 'the most valuable first' : 'the lowest score first';
  const note = book.actOn.length === 0 ? `No scored account is ${worst} or below its stage benchmark.` : `${count(book.actOn.length, 'account')} ${book.actOn.length === 1 ? `is ${worst} or below its` : `are ${worst} or below their`} stage benchmark, ${order}.`;
  return { title: 'Accounts to act on', note, head, numeric, rows, more: Math.max(0, book.actOn.length - limit) };
}

function playbookCell(a: ActOnAccount): string {
  return a.playbooks.map((p) => `${p.title ?? p.key}${p.owner === null ? '' : ` (${p.owner})`}`).join('; ');
}

function valueTable(book: BookSummary): ReportTable | null {
  if (book.value === null) return null;
  const v = book.value;
  const rows = v.bands.map((b) => [b.name, count(b.count), percent(b.countShare), money(b.value), percent(b.valueShare)]);
  const worst = v.bands[0];
  const headline = worst === undefined ? null : `${percent(worst.countShare)} of accounts, ${percent(worst.valueShare)} of value in ${worst.name}.`;
  const missing = v.missing > 0 ? ` ${count(v.missing, 'scored account')} without a value counted as 0.` : '';
  return { title: 'Value at risk', note: `${headline ?? ''}${missing}`.trim() || null, head: ['band', 'accounts', 'share', 'value', 'share of value'], numeric: [false, true, true, true, true], rows, more: 0 };
}

function ownerTable(book: BookSummary, plan: Plan): ReportTable | null {
  if (book.owners === null) return null;
  const bands = plan.bands.names;
  const hasValue = plan.data.value !== null;
  const rows = book.owners.map((o) => [o.owner ?? '(no owner)', count(o.accounts), ...(hasValue ? [money(o.value)] : []), ...bands.map((b) => count(o.bands[b] ?? 0)), count(o.unscored)]);
  const head = ['owner', 'accounts', ...(hasValue ? ['value'] : []), ...bands, 'unscored'];
  return { title: 'Books by owner', note: null, head, numeric: head.map((_, i) => i > 0), rows, more: 0 };
}

function pulseTable(book: BookSummary): ReportTable | null {
  if (book.pulses === null) return null;
  const current = book.pulses.reduce((sum, p) => sum + p.current, 0);
  const stale = book.pulses.reduce((sum, p) => sum + p.stale, 0);
  const rows = book.pulses.map((p) => [p.title ?? p.value, count(p.current), current > 0 ? percent(p.current / current) : '', count(p.stale)]);
  return { title: 'The pulse', note: `The current pulse of ${count(current + stale, 'account')}; ${count(stale, 'stale pulse')} counted apart.`, head: ['pulse', 'current', 'share', 'stale'], numeric: [false, true, true, true], rows, more: 0 };
}

/** How the book moved: the band transition matrix, the biggest movers each way, and snapshots per band by date. */
export function movementTables({ movement: m }: ReportData): ReportTable[] {
  if (m === null) return [];
  const numeric = [false, ...m.states.map(() => true)];
  const newOnes = m.newAccounts > 0 ? `; ${count(m.newAccounts, 'account')} first seen after ${m.from}, not counted` : '';
  const matrix: ReportTable = {
    title: `How the book moved, ${m.from} → ${m.to}`,
    note: `Each account's band as of ${m.from} (rows) and as of ${m.to} (columns): its latest snapshot on or before each date${newOnes}.`,
    head: ['from \\ to', ...m.states],
    numeric,
    rows: m.states.map((state, i) => [state, ...(m.matrix[i] ?? []).map((n) => count(n))]),
    more: 0,
  };
  const trend: ReportTable = { title: 'Accounts per band, as of each date', note: null, head: ['as of', ...m.states], numeric, rows: m.trend.map((t) => [t.as_of, ...m.states.map((s) => count(t.bands[s] ?? 0))]), more: 0 };
  return [matrix, moversTable('Biggest movers up', m.up), moversTable('Biggest movers down', m.down), trend];
}

function moversTable(title: string, movers: readonly Mover[]): ReportTable {
  const rows = movers.map((x) => [x.id, formatValue(x.from_score), formatValue(x.to_score), signed(x.delta), `${x.from_band ?? 'unscored'} → ${x.to_band ?? 'unscored'}`, x.metric === null ? '' : `${x.metric} (${signed(x.metric_delta ?? 0)})`]);
  return { title, note: movers.length === 0 ? 'None.' : null, head: ['account', 'from', 'to', 'change', 'band', 'moved most by'], numeric: [false, true, true, true, false, false], rows, more: 0 };
}

function signed(x: number): string {
  return `${x > 0 ? '+' : ''}${formatValue(x)}`;
}

function count(n: number, word?: string): string {
  const text = n.toLocaleString('en-US');
  return word === undefined ? text : `${text} ${word}${n === 1 ? '' : 's'}`;
}

/** A value with thousands separators and no more than two decimals: `1,250,000`, `99.5`. */
function money(value: number | null): string {
  return value === null ? '' : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
