import { formatDay, monthEnd, monthEndOnOrBefore, nextAnniversary, nextMonthEnd } from './days.js';
import { TableError, type Account, type Subscription, type Tables, type Ticket, type UsageEvent } from './read-tables.js';

/** One account at one month-end: the columns of the derived CSV, in order. */
export interface Snapshot {
  account_id: string;
  snapshot_date: string;
  signup_date: string;
  segment: 'high_touch' | 'low_touch';
  stage: 'onboard' | 'adopt' | 'optimize' | 'renew';
  plan_tier: Subscription['plan'] | null;
  seats: number | null;
  arr: number | null;
  on_trial: boolean | null;
  auto_renew: boolean | null;
  renewal_date: string | null;
  upgrades_90d: number;
  downgrades_90d: number;
  usage_events_90d: number;
  features_used_90d: number;
  usage_errors_90d: number;
  tickets_90d: number;
  urgent_tickets_90d: number;
  escalations_90d: number;
  first_response_minutes_90d: number | null;
  last_csat: CsatWord | null;
  last_csat_date: string | null;
  churn_in_next_90d: boolean;
}

export const SNAPSHOT_COLUMNS: readonly (keyof Snapshot)[] = [
  'account_id', 'snapshot_date', 'signup_date', 'segment', 'stage', 'plan_tier', 'seats', 'arr', 'on_trial',
  'auto_renew', 'renewal_date', 'upgrades_90d', 'downgrades_90d', 'usage_events_90d', 'features_used_90d',
  'usage_errors_90d', 'tickets_90d', 'urgent_tickets_90d', 'escalations_90d', 'first_response_minutes_90d',
  'last_csat', 'last_csat_date', 'churn_in_next_90d',
];

/** The trailing window the activity columns count over: (as-of − 90 days, as-of]. */
export const WINDOW_DAYS = 90;
/** Accounts paying at least this much a year get a named CSM (high touch); the rest are low touch. */
export const HIGH_TOUCH_ARR = 25_000;
const FIRST_SNAPSHOT_AFTER_DAYS = 30;
const ONBOARDING_DAYS = 90;
const ADOPTION_DAYS = 365;
const RENEWAL_NOTICE_DAYS = 60;

export type CsatWord = 'very_dissatisfied' | 'dissatisfied' | 'neutral' | 'satisfied' | 'very_satisfied';
const CSAT_WORDS: readonly CsatWord[] = ['very_dissatisfied', 'dissatisfied', 'neutral', 'satisfied', 'very_satisfied'];

export interface DeriveOptions {
  /** First and last month-end to derive (inclusive); by default the whole history in the data. */
  readonly from?: number;
  readonly to?: number;
  /** Only the first N accounts of accounts.csv. */
  readonly accounts?: number;
}

interface AccountHistory {
  readonly account: Account;
  readonly subscriptions: readonly Subscription[];
  readonly usage: readonly UsageEvent[];
  readonly tickets: readonly Ticket[];
  readonly churnDays: readonly number[];
}

/**
 * Monthly snapshots of every account, in account order and date order within an account (the
 * order `vitals score` needs to carry history). Pure: the same tables give the same rows.
 */
export function deriveSnapshots(tables: Tables, options: DeriveOptions = {}): Snapshot[] {
  const dataEnd = monthEnd(lastDay(tables));
  const histories = groupByAccount(tables).slice(0, options.accounts ?? Infinity);
  const rows: Snapshot[] = [];
  for (const history of histories) {
    const { first, last } = snapshotRange(history, dataEnd, options);
    for (let day = first; day <= last; day = nextMonthEnd(day)) rows.push(snapshotAt(history, day));
  }
  return rows;
}

function lastDay(tables: Tables): number {
  let last = -Infinity;
  for (const u of tables.usage) last = Math.max(last, u.day);
  for (const t of tables.tickets) last = Math.max(last, t.submitted);
  for (const s of tables.subscriptions) last = Math.max(last, s.start);
  return last;
}

function groupByAccount(tables: Tables): AccountHistory[] {
  const accounts = new Set(tables.accounts.map((a) => a.id));
  const accountOf = new Map(tables.subscriptions.map((s) => [s.id, s.account]));
  const subscriptions = byAccount(tables.subscriptions, (s) => s.account, accounts, 'subscriptions.csv', 'account_id');
  // Usage belongs to the account that owns the subscription; most usage rows fall outside their
  // subscription's own dates in this synthetic data, so the dates are not used to filter them.
  const usage = byAccount(tables.usage, (u) => accountOf.get(u.subscription) ?? `subscription ${u.subscription}`, accounts, 'feature_usage.csv', 'subscription_id');
  const tickets = byAccount(tables.tickets, (t) => t.account, accounts, 'support_tickets.csv', 'account_id');
  const churn = byAccount(tables.churn, (c) => c.account, accounts, 'churn_events.csv', 'account_id');
  // About half the usage rows and tickets are dated before their account signed up (synthetic
  // data): an account can't use the product or call support before it exists, so they are left out.
  return tables.accounts.map((account) => ({
    account,
    subscriptions: subscriptions.get(account.id) ?? [],
    usage: (usage.get(account.id) ?? []).filter((u) => u.day >= account.signup),
    tickets: (tickets.get(account.id) ?? []).filter((t) => t.submitted >= account.signup),
    churnDays: (churn.get(account.id) ?? []).map((c) => c.day).sort((a, b) => a - b),
  }));
}

/** Rows by account id. A row that refers to an account (or subscription) the data does not have is an error, not dropped. */
function byAccount<T>(rows: readonly T[], account: (row: T) => string, known: ReadonlySet<string>, file: string, column: string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  const unknown: string[] = [];
  for (const row of rows) {
    const id = account(row);
    if (!known.has(id)) unknown.push(id);
    else {
      const list = map.get(id);
      if (list === undefined) map.set(id, [row]);
      else list.push(row);
    }
  }
  if (unknown.length > 0) {
    throw new TableError(file, null, `${unknown.length} row(s) whose \`${column}\` leads to no account in accounts.csv, e.g. ${unknown[0]}`);
  }
  return map;
}

/**
 * From the first month-end with a full month behind it since signup (a snapshot four days after
 * signup would only say "no usage yet") to the end of the data, or for a churned account to the
 * last month-end before it left.
 */
function snapshotRange(history: AccountHistory, dataEnd: number, options: DeriveOptions): { first: number; last: number } {
  const first = Math.max(monthEnd(history.account.signup + FIRST_SNAPSHOT_AFTER_DAYS), options.from ?? -Infinity);
  const finalChurn = history.churnDays[history.churnDays.length - 1];
  const leftBefore = history.account.churned && finalChurn !== undefined ? finalChurn - 1 : Infinity;
  return { first, last: monthEndOnOrBefore(Math.min(dataEnd, options.to ?? Infinity, leftBefore)) };
}

function snapshotAt(history: AccountHistory, day: number): Snapshot {
  const windowStart = day - WINDOW_DAYS;
  const inWindow = (d: number) => d > windowStart && d <= day;
  const active = history.subscriptions.filter((s) => s.start <= day && (s.end === null || s.end > day));
  const current = currentSubscription(active);
  const usage = history.usage.filter((u) => inWindow(u.day));
  const tickets = history.tickets.filter((t) => inWindow(t.submitted));
  const started = history.subscriptions.filter((s) => inWindow(s.start));
  const csat = lastRating(history.tickets, day);
  return {
    account_id: history.account.id,
    snapshot_date: formatDay(day),
    signup_date: formatDay(history.account.signup),
    segment: (current?.arr ?? 0) >= HIGH_TOUCH_ARR ? 'high_touch' : 'low_touch',
    stage: stageAt(history.account, current, day),
    plan_tier: current?.plan ?? null,
    seats: current?.seats ?? null,
    arr: current?.arr ?? null,
    on_trial: current?.trial ?? null,
    auto_renew: current?.autoRenew ?? null,
    renewal_date: current?.annual === true ? formatDay(renewalAfter(history.account, day)) : null,
    upgrades_90d: started.filter((s) => s.upgrade).length,
    downgrades_90d: started.filter((s) => s.downgrade).length,
    usage_events_90d: sum(usage, (u) => u.count),
    features_used_90d: new Set(usage.map((u) => u.feature)).size,
    usage_errors_90d: sum(usage, (u) => u.errors),
    tickets_90d: tickets.length,
    urgent_tickets_90d: tickets.filter((t) => t.urgent).length,
    escalations_90d: tickets.filter((t) => t.escalated).length,
    first_response_minutes_90d: tickets.length === 0 ? null : Math.round(sum(tickets, (t) => t.firstResponseMinutes) / tickets.length),
    last_csat: csat === null ? null : (CSAT_WORDS[csat.score - 1] as CsatWord),
    last_csat_date: csat === null ? null : formatDay(csat.day),
    churn_in_next_90d: history.churnDays.some((c) => c > day && c <= day + WINDOW_DAYS),
  };
}

/**
 * The account's subscription at a date: of those started and not yet ended, the one that started
 * last (then the larger). Accounts hold several overlapping subscriptions in this data, more like
 * a log of plan changes than licences held side by side, so the latest is the plan in force.
 */
function currentSubscription(active: readonly Subscription[]): Subscription | undefined {
  return [...active].sort((a, b) => b.start - a.start || b.seats - a.seats || (a.id < b.id ? -1 : 1))[0];
}

/**
 * Onboarding for the first 90 days after signup; renewing in the 60 days before the contract's
 * anniversary when the plan is billed annually; adopting until the first year is out; optimising after.
 */
function stageAt(account: Account, current: Subscription | undefined, day: number): Snapshot['stage'] {
  const tenure = day - account.signup;
  if (tenure < ONBOARDING_DAYS) return 'onboard';
  if (current?.annual === true && renewalAfter(account, day) - day <= RENEWAL_NOTICE_DAYS) return 'renew';
  return tenure < ADOPTION_DAYS ? 'adopt' : 'optimize';
}

/**
 * An annual contract renews on the signup anniversary. (Each subscription row has its own start,
 * but the current one changes every few months in this data and would rarely reach a year.)
 */
function renewalAfter(account: Account, day: number): number {
  return nextAnniversary(account.signup, day + 1);
}

/** The latest satisfaction rating given by the as-of date (a ticket's rating counts from the day it closed); on a tie, the lower. */
function lastRating(tickets: readonly Ticket[], day: number): { score: number; day: number } | null {
  let best: { score: number; day: number } | null = null;
  for (const t of tickets) {
    if (t.satisfaction === null || t.closed > day) continue;
    const score = Math.min(5, Math.max(1, Math.round(t.satisfaction)));
    if (best === null || t.closed > best.day || (t.closed === best.day && score < best.score)) best = { score, day: t.closed };
  }
  return best;
}

function sum<T>(rows: readonly T[], value: (row: T) => number): number {
  let total = 0;
  for (const row of rows) total += value(row);
  return total;
}
