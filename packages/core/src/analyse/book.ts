import type { Plan } from '../compile/plan.js';
import type { ScoreResult } from '../evaluate/result.js';

/**
 * The current book of accounts — each account's latest snapshot — as a CS leader reads it: who
 * needs us first, how much value sits in each band, each owner's book, and the pulse. Plain data.
 */
export interface BookSummary {
  readonly accounts: number;
  /** When the model names a value field (`data: { value }`): accounts and value per band, worst band first. */
  readonly value: { readonly total: number; readonly missing: number; readonly bands: readonly BandValue[] } | null;
  /** When the model names an owner field (`data: { owner }`): each owner's book by band, the most value (or accounts) first; accounts without one under null. */
  readonly owners: readonly OwnerBook[] | null;
  /** Scored accounts in the worst band or below their stage benchmark, the most valuable first (or the lowest score, without a value field). */
  readonly actOn: readonly ActOnAccount[];
  /** The current pulse over the model's levels (best first), stale ones counted apart; null without a `pulse:` section. */
  readonly pulses: readonly PulseLevelCount[] | null;
}

export interface BandValue {
  readonly name: string;
  readonly count: number;
  readonly value: number;
  readonly countShare: number;
  readonly valueShare: number;
}

export interface OwnerBook {
  readonly owner: string | null;
  readonly accounts: number;
  readonly value: number;
  /** Scored accounts per band, in band order. */
  readonly bands: Readonly<Record<string, number>>;
  readonly unscored: number;
}

export interface ActOnAccount {
  readonly id: string | null;
  readonly as_of: string | null;
  readonly score: number;
  readonly band: string;
  readonly benchmark: number | null;
  readonly gap: number | null;
  /** Why it is listed: in the worst band, below its stage benchmark, or both. */
  readonly reasons: readonly ('worst-band' | 'below-benchmark')[];
  /** The metric costing the account most: the costliest below the benchmark, else the one losing most points. */
  readonly pulling_down: string | null;
  readonly playbooks: readonly { readonly key: string; readonly title: string | null; readonly owner: string | null }[];
  readonly value: number | null;
  readonly owner: string | null;
}

export interface PulseLevelCount {
  readonly value: string;
  readonly title: string | null;
  readonly current: number;
  readonly stale: number;
}

/** One account's latest snapshot as the book keeps it: the parts of the result a book reads, and the account's value and owner. */
export interface BookEntry {
  readonly result: ScoreResult;
  readonly value: number | null;
  readonly owner: string | null;
  readonly pullingDown: string | null;
}

/** The metric costing a result most: the costliest below the benchmark, else the one losing most weighted points. Read before a result is trimmed. */
export function pullingDown(plan: Plan, result: ScoreResult): string | null {
  if (result.below_benchmark.length > 0) return result.below_benchmark[0] as string;
  let worst: string | null = null;
  let lost = 0;
  for (const [key, metric] of Object.entries(result.metrics)) {
    if (metric.score === null) continue;
    const points = metric.weight * (plan.scale.max - metric.score);
    if (points > lost) [worst, lost] = [key, points];
  }
  return worst;
}

export function summariseBook(plan: Plan, entries: readonly BookEntry[]): BookSummary {
  const worst = plan.bands.names[0] as string;
  const hasValue = plan.data.value !== null;
  const actOn = entries.filter(({ result: r }) => r.status === 'scored' && (r.band === worst || (r.gap ?? 0) < 0)).map((e) => actOnAccount(e, worst));
  actOn.sort(hasValue ? byValue : byScore);
  return {
    accounts: entries.length,
    value: hasValue ? valueByBand(plan, entries) : null,
    owners: plan.data.owner === null ? null : ownerBooks(plan, entries),
    actOn,
    pulses: plan.pulse === null ? null : pulseLevels(plan, entries),
  };
}

function actOnAccount({ result: r, value, owner, pullingDown: metric }: BookEntry, worst: string): ActOnAccount {
  const reasons: ActOnAccount['reasons'][number][] = [];
  if (r.band === worst) reasons.push('worst-band');
  if ((r.gap ?? 0) < 0) reasons.push('below-benchmark');
  const playbooks = r.playbooks.map((p) => ({ key: p.key, title: p.title, owner: p.owner }));
  return { id: r.id, as_of: r.as_of, score: r.score as number, band: r.band as string, benchmark: r.benchmark, gap: r.gap, reasons, pulling_down: metric, playbooks, value, owner };
}

const byScore = (a: ActOnAccount, b: ActOnAccount) => a.score - b.score || String(a.id).localeCompare(String(b.id));
const byValue = (a: ActOnAccount, b: ActOnAccount) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || byScore(a, b);

function valueByBand(plan: Plan, entries: readonly BookEntry[]): NonNullable<BookSummary['value']> {
  const scored = entries.filter((e) => e.result.band !== null && e.result.status === 'scored');
  const total = scored.reduce((sum, e) => sum + (e.value ?? 0), 0);
  const bands = plan.bands.names.map((name): BandValue => {
    const inBand = scored.filter((e) => e.result.band === name);
    const value = inBand.reduce((sum, e) => sum + (e.value ?? 0), 0);
    return { name, count: inBand.length, value, countShare: scored.length > 0 ? inBand.length / scored.length : 0, valueShare: total > 0 ? value / total : 0 };
  });
  return { total, missing: scored.filter((e) => e.value === null).length, bands };
}

function ownerBooks(plan: Plan, entries: readonly BookEntry[]): OwnerBook[] {
  const books = new Map<string | null, { owner: string | null; accounts: number; value: number; bands: Record<string, number>; unscored: number }>();
  for (const { result, value, owner } of entries) {
    if (result.status === 'invalid') continue;
    let book = books.get(owner);
    if (book === undefined) books.set(owner, (book = { owner, accounts: 0, value: 0, bands: Object.fromEntries(plan.bands.names.map((n) => [n, 0])), unscored: 0 }));
    book.accounts++;
    book.value += value ?? 0;
    if (result.status === 'scored' && result.band !== null) book.bands[result.band] = (book.bands[result.band] ?? 0) + 1;
    else book.unscored++;
  }
  return [...books.values()].sort((a, b) => (a.owner === null ? 1 : 0) - (b.owner === null ? 1 : 0) || b.value - a.value || b.accounts - a.accounts || String(a.owner).localeCompare(String(b.owner)));
}

function pulseLevels(plan: Plan, entries: readonly BookEntry[]): PulseLevelCount[] {
  const levels = [...(plan.pulse?.levels ?? [])].sort((a, b) => b.score - a.score);
  const counts = new Map(levels.map((l) => [l.value, { current: 0, stale: 0 }]));
  for (const { result } of entries) {
    const pulse = result.pulse;
    const count = pulse === null ? undefined : counts.get(pulse.value);
    if (count === undefined || pulse === null) continue;
    if (pulse.stale) count.stale++;
    else count.current++;
  }
  return levels.map((l) => ({ value: l.value, title: l.title, ...(counts.get(l.value) as { current: number; stale: number }) }));
}
