import type { Plan } from '../compile/plan.js';
import { READERS } from './read-value.js';
import type { RecordIssue } from './result.js';
import { snapshotIssue } from './scorer.js';

/**
 * The issue of one field as the JavaScript reader describes it (message and value), for an
 * engine that found it by other means (SQL gives the field and the code). The field's raw value
 * is read again here: a reader that finds no issue, or another one, means the engines disagree,
 * which is a bug and is thrown, never passed on as a wrong report.
 */
export function describeIssue(plan: Plan, field: string, code: string, raw: unknown, id: string | null): RecordIssue {
  if (code === 'snapshot-duplicate' || code === 'snapshot-out-of-order') return snapshotIssue(field, id ?? '', code === 'snapshot-duplicate');
  const input = plan.inputs.find((i) => i.name === field);
  if (input === undefined) throw new Error(`bug: an issue for ${JSON.stringify(field)}, which is not an input`);
  const issues: RecordIssue[] = [];
  READERS[input.type](raw ?? undefined, input, issues);
  const issue = issues[0];
  if (issue === undefined || issue.code !== code) {
    throw new Error(`bug: the SQL engine reports ${code} for ${field} = ${JSON.stringify(raw)}, the JavaScript reader ${issue?.code ?? 'no issue'}`);
  }
  return issue;
}
