import { roundTo, type CategoryResult, type MetricResult, type RecordIssue, type ScoreResult } from '@vitals/core';
import type { SevenMetricAccount } from '../data/seven-metric-accounts.js';
import { below } from '../engines/compare-as-read.js';

/**
 * The seven-metric model written by hand in TypeScript, as a careful team would for speed:
 * straight-line code with the model's constants inline, no per-call closures or arrays beyond
 * the result itself, and the full result vitals gives (scores, bands, weights, contributions,
 * coverage, missing inputs). Rounding is the core's `roundTo` (half away from zero at 2
 * decimals); step thresholds compare values as read (within 1e-12, so 9.999999999999993 is not
 * below 10); missing metrics are left out and the weights renormalised; less than 60% of the
 * weight backed by data leaves the account unscored. It checks each field as vitals' typed fast
 * path does (a finite number, whole where declared integer, not below 0), so both do the same
 * work; a record failing a check is `invalid` (with simpler messages than vitals').
 */
export function handWrittenScorer(modelHash: string): (account: SevenMetricAccount) => ScoreResult {
  return (account) => score(account, modelHash);
}

type Num = number | null;

function score(a: SevenMetricAccount, modelHash: string): ScoreResult {
  const mau = a.monthly_active_users;
  const seats = a.purchased_seats;
  const gb = a.data_ingested_gb;
  const gbLast = a.data_ingested_gb_last_month;
  const adopted = a.features_adopted;
  const available = a.features_available;
  const touches = a.outreach_touches;
  const touchTarget = a.outreach_target;
  const attended = a.business_reviews_attended;
  const scheduled = a.business_reviews_scheduled;
  const tickets = a.open_tickets;
  const ticketTarget = a.ticket_target;
  const rag = a.csm_rag;
  if (
    !(isWhole(mau) && isWhole(seats) && isAmount(gb) && isAmount(gbLast) && isWhole(adopted) && isWhole(available) && isWhole(touches) && isWhole(touchTarget) &&
      isWhole(attended) && isWhole(scheduled) && isWhole(tickets) && isAmount(ticketTarget) && (rag === null || rag === 'red' || rag === 'amber' || rag === 'green') &&
      typeof a.account_id === 'string' && a.account_id !== '')
  ) {
    return invalidResult(a, modelHash);
  }

  // Metric values: null when an input is missing or a denominator is zero.
  const vSeat = divide(mau, seats);
  const change = gb === null || gbLast === null ? null : divide(gb - gbLast, gbLast);
  const vTrend = change === null ? null : change * 100;
  const vAdoption = divide(adopted, available);
  const vOutreach = divide(touches, touchTarget);
  const vReviews = divide(attended, scheduled);
  const vTickets = divide(tickets, ticketTarget);

  // Scores (1–100, 2 decimals).
  const sSeat = vSeat === null ? null : scale(linear(vSeat, 0.2, 0.9));
  const sTrend = vTrend === null ? null : below(vTrend, -25) ? 10 : below(vTrend, -5) ? 45 : below(vTrend, 10) ? 75 : 100;
  const sAdoption = vAdoption === null ? null : scale(linear(vAdoption, 0.1, 0.7));
  const sOutreach = vOutreach === null ? null : scale(linear(vOutreach, 0.25, 1));
  const sReviews = vReviews === null ? null : below(vReviews, 0.5) ? 20 : below(vReviews, 1) ? 65 : 100;
  const sTickets = vTickets === null ? null : scale(linear(vTickets, 2, 0.5));
  const sRag = rag === null ? null : rag === 'red' ? 15 : rag === 'amber' ? 55 : 100;

  // Categories: weighted means over the metrics that have a score (the weights of the rest drop out).
  const wProduct = (sSeat === null ? 0 : 2) + (sTrend === null ? 0 : 1) + (sAdoption === null ? 0 : 1);
  const product = wProduct === 0 ? null : scale(((sSeat === null ? 0 : 2 * sSeat) + (sTrend === null ? 0 : sTrend) + (sAdoption === null ? 0 : sAdoption)) / wProduct);
  const wEngagement = (sOutreach === null ? 0 : 1) + (sReviews === null ? 0 : 2) + (sTickets === null ? 0 : 1);
  const engagement = wEngagement === 0 ? null : scale(((sOutreach === null ? 0 : sOutreach) + (sReviews === null ? 0 : 2 * sReviews) + (sTickets === null ? 0 : sTickets)) / wEngagement);
  const wSentiment = sRag === null ? 0 : 1;
  const sentiment = sRag;

  const wOverall = (product === null ? 0 : 50) + (engagement === null ? 0 : 30) + (sentiment === null ? 0 : 20);
  const rolled = wOverall === 0 ? null : scale(((product === null ? 0 : 50 * product) + (engagement === null ? 0 : 30 * engagement) + (sentiment === null ? 0 : 20 * sentiment)) / wOverall);
  const coverage = roundTo(
    (sSeat === null ? 0 : 0.25) + (sTrend === null ? 0 : 0.125) + (sAdoption === null ? 0 : 0.125) + (sOutreach === null ? 0 : 0.075) + (sReviews === null ? 0 : 0.15) + (sTickets === null ? 0 : 0.075) + (sRag === null ? 0 : 0.2),
    4,
  );
  const reason = coverage < 0.6 ? 'insufficient-coverage' : rolled === null ? 'no-data' : null;
  const total = reason === null ? rolled : null;
  const scored = total !== null;

  // Each part's share of the score that was computed (0 for parts without a score).
  const shProduct = product === null ? 0 : 50 / wOverall;
  const shEngagement = engagement === null ? 0 : 30 / wOverall;
  const shSentiment = sentiment === null ? 0 : 20 / wOverall;

  return {
    model: 'saas_seven_metrics',
    model_hash: modelHash,
    id: a.account_id,
    as_of: null,
    status: scored ? 'scored' : 'unscored',
    reason,
    score: total,
    band: rag3(total, 40, 70),
    coverage,
    missing_inputs: missingInputs(a),
    categories: {
      product: category(product, roundTo(((sSeat === null ? 0 : 2) + (sTrend === null ? 0 : 1) + (sAdoption === null ? 0 : 1)) / 4, 4), shProduct, scored),
      engagement: category(engagement, roundTo(((sOutreach === null ? 0 : 1) + (sReviews === null ? 0 : 2) + (sTickets === null ? 0 : 1)) / 4, 4), shEngagement, scored),
      sentiment: category(sentiment, sRag === null ? 0 : 1, shSentiment, scored),
    },
    metrics: {
      seat_utilisation: metric(vSeat, sSeat, rag3(sSeat, 50, 75), sSeat === null ? 0 : shProduct * (2 / wProduct), scored),
      data_ingested_trend: metric(vTrend, sTrend, rag3(sTrend, 40, 70), sTrend === null ? 0 : shProduct * (1 / wProduct), scored),
      feature_adoption: metric(vAdoption, sAdoption, rag3(sAdoption, 40, 70), sAdoption === null ? 0 : shProduct * (1 / wProduct), scored),
      outreach_vs_target: metric(vOutreach, sOutreach, rag3(sOutreach, 40, 70), sOutreach === null ? 0 : shEngagement * (1 / wEngagement), scored),
      business_review_attendance: metric(vReviews, sReviews, rag3(sReviews, 40, 70), sReviews === null ? 0 : shEngagement * (2 / wEngagement), scored),
      tickets_vs_target: metric(vTickets, sTickets, rag3(sTickets, 40, 70), sTickets === null ? 0 : shEngagement * (1 / wEngagement), scored),
      csm_rag: metric(rag, sRag, rag3(sRag, 40, 70), sRag === null ? 0 : shSentiment * (1 / wSentiment), scored),
    },
    segment: null,
    stage: null,
    benchmark: null,
    gap: null,
    below_benchmark: [],
    pulse: null,
    override: null,
    change: null,
    playbooks: [],
    issues: [],
  };
}

function isWhole(value: Num): boolean {
  return value === null || (Number.isInteger(value) && value >= 0);
}

function isAmount(value: Num): boolean {
  return value === null || (typeof value === 'number' && value - value === 0 && value >= 0);
}

function divide(a: Num, b: Num): Num {
  return a === null || b === null || b === 0 ? null : a / b;
}

function linear(value: number, from: number, to: number): number {
  return 1 + ((value - from) / (to - from)) * 99;
}

/** Clamps to the 1–100 scale and rounds to the model's 2 decimals. */
function scale(x: number): number {
  return roundTo(x < 1 ? 1 : x > 100 ? 100 : x, 2);
}

function rag3(score: Num, amberFrom: number, greenFrom: number): string | null {
  return score === null ? null : score < amberFrom ? 'red' : score < greenFrom ? 'amber' : 'green';
}

function category(score: Num, coverage: number, share: number, scored: boolean): CategoryResult {
  return {
    score,
    band: rag3(score, 40, 70),
    coverage,
    weight: roundTo(share, 4),
    contribution: scored && score !== null ? roundTo(share * score, 2) : null,
    benchmark: null,
    gap: null,
  };
}

function metric(value: Num | string, score: Num, band: string | null, share: number, scored: boolean): MetricResult {
  return {
    value,
    score,
    band,
    weight: roundTo(share, 4),
    contribution: scored && score !== null ? roundTo(share * score, 2) : null,
    missing: score === null,
    imputed: false,
  };
}

function missingInputs(a: SevenMetricAccount): string[] {
  const missing: string[] = [];
  if (a.monthly_active_users === null) missing.push('monthly_active_users');
  if (a.purchased_seats === null) missing.push('purchased_seats');
  if (a.data_ingested_gb === null) missing.push('data_ingested_gb');
  if (a.data_ingested_gb_last_month === null) missing.push('data_ingested_gb_last_month');
  if (a.features_adopted === null) missing.push('features_adopted');
  if (a.features_available === null) missing.push('features_available');
  if (a.outreach_touches === null) missing.push('outreach_touches');
  if (a.outreach_target === null) missing.push('outreach_target');
  if (a.business_reviews_attended === null) missing.push('business_reviews_attended');
  if (a.business_reviews_scheduled === null) missing.push('business_reviews_scheduled');
  if (a.open_tickets === null) missing.push('open_tickets');
  if (a.ticket_target === null) missing.push('ticket_target');
  if (a.csm_rag === null) missing.push('csm_rag');
  return missing;
}

const WHOLE_FIELDS = new Set(['monthly_active_users', 'purchased_seats', 'features_adopted', 'features_available', 'outreach_touches', 'outreach_target', 'business_reviews_attended', 'business_reviews_scheduled', 'open_tickets']);

/** A record with a field that is not of its declared type, or below its minimum: not scored. */
function invalidResult(a: SevenMetricAccount, modelHash: string): ScoreResult {
  const issues: RecordIssue[] = [];
  for (const [field, value] of Object.entries(a)) {
    const code = issueCode(field, value);
    if (code !== null) issues.push({ field, code, message: `\`${field}\`: ${code.replaceAll('-', ' ')}` });
  }
  return {
    model: 'saas_seven_metrics', model_hash: modelHash, id: typeof a.account_id === 'string' ? a.account_id : null, as_of: null, status: 'invalid', reason: null,
    score: null, band: null, coverage: 0, missing_inputs: [], categories: {}, metrics: {}, segment: null, stage: null, benchmark: null,
    gap: null, below_benchmark: [], pulse: null, override: null, change: null, playbooks: [], issues,
  };
}

function issueCode(field: string, value: unknown): RecordIssue['code'] | null {
  if (field === 'account_id') return typeof value === 'string' && value !== '' ? null : 'missing-required';
  if (field === 'csm_rag') return value === null || value === 'red' || value === 'amber' || value === 'green' ? null : 'not-in-enum';
  if (value === null) return null;
  if (typeof value !== 'number' || value - value !== 0) return 'not-a-number';
  if (WHOLE_FIELDS.has(field) && !Number.isInteger(value)) return 'not-an-integer';
  return value < 0 ? 'below-minimum' : null;
}
