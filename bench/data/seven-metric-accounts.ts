import { seededRandom, type Random } from './random.js';

/** One account snapshot for `models/saas-seven-metrics/model.yaml`, as JSON would bring it: numbers, or null when missing. */
export type SevenMetricAccount = {
  readonly account_id: string;
  readonly monthly_active_users: number | null;
  readonly purchased_seats: number | null;
  readonly data_ingested_gb: number | null;
  readonly data_ingested_gb_last_month: number | null;
  readonly features_adopted: number | null;
  readonly features_available: number | null;
  readonly outreach_touches: number | null;
  readonly outreach_target: number | null;
  readonly business_reviews_attended: number | null;
  readonly business_reviews_scheduled: number | null;
  readonly open_tickets: number | null;
  readonly ticket_target: number | null;
  readonly csm_rag: 'red' | 'amber' | 'green' | null;
};

/** Share of non-id fields left empty. */
export const MISSING_SHARE = 0.02;

/**
 * A deterministic table of `count` accounts: plausible values (utilisation from idle to
 * over-subscribed, a few zero denominators, some month-over-month changes of exactly −25%, −5%
 * or +10%, the step boundaries) with about 2% of the values missing at random.
 */
export function sevenMetricAccounts(count: number, seed = 7): SevenMetricAccount[] {
  const next = sevenMetricAccountSource(seed);
  const accounts: SevenMetricAccount[] = new Array(count);
  for (let i = 0; i < count; i++) accounts[i] = next();
  return accounts;
}

/** The same accounts one at a time, for tables too large to hold (the streaming CSV). */
export function sevenMetricAccountSource(seed = 7): () => SevenMetricAccount {
  const random = seededRandom(seed);
  let i = 0;
  return () => account(random, i++);
}

export const SEVEN_METRIC_COLUMNS = [
  'account_id', 'monthly_active_users', 'purchased_seats', 'data_ingested_gb', 'data_ingested_gb_last_month', 'features_adopted', 'features_available',
  'outreach_touches', 'outreach_target', 'business_reviews_attended', 'business_reviews_scheduled', 'open_tickets', 'ticket_target', 'csm_rag',
] as const satisfies readonly (keyof SevenMetricAccount)[];

function account(random: Random, i: number): SevenMetricAccount {
  const gap = <T>(value: T): T | null => (random.chance(MISSING_SHARE) ? null : value);
  const seats = random.int(5, 500);
  const lastMonth = random.chance(0.01) ? 0 : random.real(0.5, 400, 1);
  const available = random.int(8, 40);
  const target = random.chance(0.005) ? 0 : random.int(2, 12);
  const scheduled = random.int(0, 4);
  return {
    account_id: `acct-${String(i + 1).padStart(7, '0')}`,
    monthly_active_users: gap(Math.round(seats * random.real(0.02, 1.1, 3))),
    purchased_seats: gap(seats),
    data_ingested_gb: gap(random.chance(0.03) ? onStepBoundary(random, lastMonth) : random.real(0, lastMonth * 1.6 + 5, 1)),
    data_ingested_gb_last_month: gap(lastMonth),
    features_adopted: gap(random.int(0, available)),
    features_available: gap(available),
    outreach_touches: gap(random.int(0, Math.ceil(target * 1.5))),
    outreach_target: gap(target),
    business_reviews_attended: gap(random.int(0, scheduled)),
    business_reviews_scheduled: gap(scheduled),
    open_tickets: gap(random.int(0, 30)),
    ticket_target: gap(random.real(1, 15, 1)),
    csm_rag: gap(random.pick(['red', 'amber', 'green'] as const, [2, 3, 5])),
  };
}

/** This month's volume for a change of exactly −25%, −5% or +10% (1 decimal, as data comes): 3.0 → 3.3 is 9.999999999999993% in binary. */
function onStepBoundary(random: Random, lastMonth: number): number {
  return Number((lastMonth * random.pick([0.75, 0.95, 1.1])).toFixed(1));
}
