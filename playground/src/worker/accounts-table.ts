import type { Plan, ScoreResult } from '@vitals/core';
import { STATUS_CODES, type AccountsTable } from './protocol.js';

/** Latest results → the accounts table, column by column (typed arrays clone and sort cheaply). */
export function accountsTable(plan: Plan, results: readonly ScoreResult[]): AccountsTable {
  const n = results.length;
  const table = {
    ids: new Array<string>(n),
    score: new Float64Array(n),
    band: new Int8Array(n),
    status: new Uint8Array(n),
    stage: new Array<string | null>(n),
    segment: new Array<string | null>(n),
    gap: new Float64Array(n),
    pulseAge: new Float64Array(n),
    stale: new Uint8Array(n),
    playbooks: new Uint16Array(n),
  };
  results.forEach((r, i) => {
    table.ids[i] = r.id ?? '';
    table.score[i] = r.score ?? NaN;
    table.band[i] = r.band === null ? -1 : plan.bands.names.indexOf(r.band);
    table.status[i] = STATUS_CODES.indexOf(r.status);
    table.stage[i] = r.stage;
    table.segment[i] = r.segment;
    table.gap[i] = r.gap ?? NaN;
    table.pulseAge[i] = r.pulse?.age_days ?? NaN;
    table.stale[i] = r.pulse?.stale === true ? 1 : 0;
    table.playbooks[i] = r.playbooks.length;
  });
  return table;
}
