import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { TypedExpr } from '../check/typed-expr.js';
import { canonicalJson } from './canonical-json.js';
import type { MetricPlan, Plan, PlaybookPlan, ScorePlan } from './plan.js';

/** The canonical text of each expression of a plan (what `unparse` prints for its parsed form). */
export type CanonicalText = (expr: TypedExpr) => string;

/**
 * The content hash of a plan: comments and layout don't change it; any change of meaning does.
 * Each expression counts as parsed, printed canonically (`a / b` and `a/b` are one model), not as
 * written and not as its typed tree: the tree follows from that text and the declarations beside
 * it in the plan, and is a hundred times longer to hash.
 */
export function planHash(plan: Omit<Plan, 'hash'>, canonical: CanonicalText): string {
  const meaning = {
    ...plan,
    metrics: plan.metrics.map((metric) => metricMeaning(metric, canonical)),
    playbooks: plan.playbooks.map((playbook) => playbookMeaning(playbook, canonical)),
  };
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonicalJson(meaning))))}`;
}

function metricMeaning({ valueText: _written, ...metric }: MetricPlan, canonical: CanonicalText): unknown {
  return { ...metric, value: canonical(metric.value), score: scoreMeaning(metric.score, canonical) };
}

function scoreMeaning(score: ScorePlan, canonical: CanonicalText): unknown {
  return score.method === 'expr' ? { method: 'expr', expr: canonical(score.expr) } : score;
}

/** `explain` follows from `when` (the names it reads, as written): it adds nothing to the meaning. */
function playbookMeaning({ whenText: _written, explain: _explain, ...playbook }: PlaybookPlan, canonical: CanonicalText): unknown {
  return { ...playbook, when: canonical(playbook.when) };
}
