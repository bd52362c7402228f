import { describe, expect, test } from 'vitest';
import { queryRows, type RowQuery } from '../../src/accounts/account-rows.js';
import type { AccountsTable } from '../../src/worker/protocol.js';

function table(rows: { id: string; score: number | null; band: number; stage: string | null; segment?: string }[]): AccountsTable {
  return {
    ids: rows.map((r) => r.id),
    score: Float64Array.from(rows.map((r) => r.score ?? NaN)),
    band: Int8Array.from(rows.map((r) => r.band)),
    status: Uint8Array.from(rows.map((r) => (r.score === null ? 1 : 0))),
    stage: rows.map((r) => r.stage),
    segment: rows.map((r) => r.segment ?? null),
    gap: Float64Array.from(rows.map(() => NaN)),
    pulseAge: Float64Array.from(rows.map(() => NaN)),
    stale: new Uint8Array(rows.length),
    playbooks: new Uint16Array(rows.length),
  };
}

const ALL: RowQuery = { sort: 'score', descending: false, band: null, stage: null, segment: null, search: '' };
const T = table([
  { id: 'Acme', score: 72, band: 2, stage: 'adopt' },
  { id: 'birch', score: null, band: -1, stage: 'onboard' },
  { id: 'cobalt', score: 35, band: 0, stage: 'adopt', segment: 'high_touch' },
  { id: 'delta', score: 55, band: 1, stage: null },
]);
const ids = (rows: number[]) => rows.map((i) => T.ids[i]);

describe('queryRows', () => {
  test.each([
    ['score ascending, unscored last', ALL, ['cobalt', 'delta', 'Acme', 'birch']],
    ['score descending, unscored still last', { ...ALL, descending: true }, ['Acme', 'delta', 'cobalt', 'birch']],
    ['by id', { ...ALL, sort: 'id' }, ['Acme', 'birch', 'cobalt', 'delta']],
    ['by stage, no stage last', { ...ALL, sort: 'stage' }, ['Acme', 'cobalt', 'birch', 'delta']],
    ['one band', { ...ALL, band: 0 }, ['cobalt']],
    ['one stage', { ...ALL, stage: 'adopt' }, ['cobalt', 'Acme']],
    ['one segment', { ...ALL, segment: 'high_touch' }, ['cobalt']],
    ['id search, any case', { ...ALL, search: 'ACM' }, ['Acme']],
  ] as const)('%s', (_name, query, expected) => {
    expect(ids(queryRows(T, query as RowQuery))).toEqual(expected);
  });
});
