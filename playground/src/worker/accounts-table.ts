import type { Plan, ScoreSummary } from '@vitals/core';
import { STATUS_CODES, type AccountsTable } from './protocol.js';

/** The accounts table, filled one result at a time into typed columns; nothing of the results is kept. */
export class AccountsTableBuilder {
  private readonly columns: AccountsTable;
  private n = 0;

  /** `capacity`: at most this many rows will be added. */
  constructor(
    private readonly plan: Plan,
    capacity: number,
  ) {
    this.columns = {
      // Filled, not holey: each edit's new table then has the element kinds of the last, and `add` stays optimised.
      ids: new Array<string>(capacity).fill(''),
      stage: new Array<string | null>(capacity).fill(null),
      segment: new Array<string | null>(capacity).fill(null),
      score: new Float64Array(capacity),
      gap: new Float64Array(capacity),
      pulseAge: new Float64Array(capacity),
      band: new Int8Array(capacity),
      status: new Uint8Array(capacity),
      stale: new Uint8Array(capacity),
      playbooks: new Uint16Array(capacity),
    };
  }

  /** `row`: the data row, which names an account without an id (`row 12`). */
  add(r: ScoreSummary, row: number): void {
    const c = this.columns as { -readonly [K in keyof AccountsTable]: AccountsTable[K] extends readonly (infer T)[] ? T[] : AccountsTable[K] };
    const i = this.n++;
    c.ids[i] = r.id ?? `row ${row}`;
    c.stage[i] = r.stage;
    c.segment[i] = r.segment;
    c.score[i] = r.score ?? NaN;
    c.gap[i] = r.gap ?? NaN;
    c.pulseAge[i] = r.pulse?.age_days ?? NaN;
    c.band[i] = r.band === null ? -1 : this.plan.bands.names.indexOf(r.band);
    c.status[i] = STATUS_CODES.indexOf(r.status);
    c.stale[i] = r.pulse?.stale === true ? 1 : 0;
    c.playbooks[i] = r.playbooks.length;
  }

  build(): AccountsTable {
    const { ids, stage, segment, score, gap, pulseAge, band, status, stale, playbooks } = this.columns;
    const n = this.n;
    // Every row an account (no snapshot history): the columns are full, nothing to cut.
    if (n === ids.length) return this.columns;
    return {
      ids: ids.slice(0, n),
      stage: stage.slice(0, n),
      segment: segment.slice(0, n),
      score: score.slice(0, n),
      gap: gap.slice(0, n),
      pulseAge: pulseAge.slice(0, n),
      band: band.slice(0, n),
      status: status.slice(0, n),
      stale: stale.slice(0, n),
      playbooks: playbooks.slice(0, n),
    };
  }
}
