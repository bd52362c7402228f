import type { Plan } from '../../compile/plan.js';
import type { ScoreResult } from '../../evaluate/result.js';
import { accountKey } from './account-sample.js';
import type { AccountRef, PlaybookWorkload } from './impact.js';

/**
 * The dry run of one model's playbooks over every snapshot (the whole history, not only each
 * account's latest): how often each would have fired, for how many accounts, and how many of
 * those fires were on a snapshot where another playbook fired too — the work a trigger creates.
 */
export class WorkloadCollector {
  private readonly tallies: Map<string, { fires: number; accounts: Set<string>; covered: number }>;

  constructor(plan: Plan) {
    this.tallies = new Map(plan.playbooks.map((p) => [p.key, { fires: 0, accounts: new Set<string>(), covered: 0 }]));
  }

  add(account: AccountRef, result: ScoreResult): void {
    const fired = result.playbooks;
    if (fired.length === 0) return;
    const key = accountKey(account);
    for (const playbook of fired) {
      const tally = this.tallies.get(playbook.key);
      if (tally === undefined) continue;
      tally.fires++;
      tally.accounts.add(key);
      if (fired.length > 1) tally.covered++;
    }
  }

  value(key: string): PlaybookWorkload | null {
    const tally = this.tallies.get(key);
    return tally === undefined ? null : { fires: tally.fires, accounts: tally.accounts.size, covered: tally.covered };
  }
}
