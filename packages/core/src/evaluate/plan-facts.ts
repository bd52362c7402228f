import type { Slot, TypedExpr } from '../check/typed-expr.js';
import type { Plan } from '../compile/plan.js';

/** A `prev()` site: the expression whose value is kept for the next snapshot, and whose `value` it reads. */
export interface HistorySite {
  readonly site: number;
  readonly operand: TypedExpr;
  /** For sites inside a metric's score expression: the metric whose value `value` means there. */
  readonly ownMetric: string | null;
  /**
   * The operand reads the overall score or band (or `gap`, `band_changed`, `score_change`, which
   * follow them): its previous value is the one at the last snapshot that showed a band, as for
   * `change`, so `prev(band)` after a month without data is the band before it.
   */
  readonly followsBand: boolean;
}

const BAND_FIELDS: ReadonlySet<string> = new Set(['score', 'band', 'gap', 'band_changed', 'score_change']);

/** Whether a `prev()` operand reads the overall score or band, or what follows them (see `HistorySite.followsBand`). */
export function followsBand(operand: TypedExpr): boolean {
  return reads(operand, (slot) => slot.kind === 'result' && BAND_FIELDS.has(slot.field));
}

/** Every expression of a plan with the metric whose value `value` means in it (score expressions only). */
export function planExpressions(plan: Plan): { expr: TypedExpr; ownMetric: string | null }[] {
  const all: { expr: TypedExpr; ownMetric: string | null }[] = [];
  for (const metric of plan.metrics) {
    all.push({ expr: metric.value, ownMetric: null });
    if (metric.score.method === 'expr') all.push({ expr: metric.score.expr, ownMetric: metric.key });
  }
  for (const playbook of plan.playbooks) all.push({ expr: playbook.when, ownMetric: null });
  return all;
}

export function historySites(plan: Plan): HistorySite[] {
  const sites: HistorySite[] = [];
  for (const { expr, ownMetric } of planExpressions(plan)) {
    visit(expr, (node) => {
      if (node.kind === 'prev') sites.push({ site: node.site, operand: node.operand, ownMetric, followsBand: followsBand(node.operand) });
    });
  }
  return sites.sort((a, b) => a.site - b.site);
}

function visit(expr: TypedExpr, f: (node: TypedExpr) => void): void {
  f(expr);
  switch (expr.kind) {
    case 'negate':
    case 'not':
    case 'prev':
      return visit(expr.operand, f);
    case 'arithmetic':
    case 'compare':
    case 'logic':
      visit(expr.left, f);
      return visit(expr.right, f);
    case 'in':
      visit(expr.value, f);
      return expr.items.forEach((item) => visit(item, f));
    case 'call':
      return expr.args.forEach((arg) => visit(arg, f));
    default:
      return;
  }
}

export function readsSlot(plan: Plan, test: (slot: Slot) => boolean): boolean {
  return planExpressions(plan).some(({ expr }) => reads(expr, test));
}

function reads(expr: TypedExpr, test: (slot: Slot) => boolean): boolean {
  let found = false;
  visit(expr, (node) => (found ||= node.kind === 'slot' && test(node.slot)));
  return found;
}

/** Whether scoring needs the snapshot's date: pulse age, overrides, history, cooldowns, `as_of`. */
export function planNeedsAsOf(plan: Plan): boolean {
  return (
    plan.pulse !== null ||
    plan.overrides !== null ||
    plan.hysteresis > 0 ||
    plan.historySites > 0 ||
    plan.playbooks.some((p) => p.cooldownDays !== null) ||
    readsSlot(plan, (slot) => slot.kind === 'result' && slot.field === 'as_of')
  );
}
