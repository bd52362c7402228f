import { once } from 'node:events';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { vitalsStreaming } from './support/run-cli.js';

const ROWS = 1_000_000;
const HEADER = 'account_id,monthly_active_users,purchased_seats,data_ingested_gb,data_ingested_gb_last_month,features_adopted,features_available,outreach_touches,outreach_target,business_reviews_attended,business_reviews_scheduled,open_tickets,ticket_target,csm_rag';
const RAG = ['red', 'amber', 'green'];

/** A million generated snapshots for the seven-metric model; every 100,000th has a bad value. */
async function writeRows(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${HEADER}\n`);
  for (let i = 1; i <= ROWS; i++) {
    const users = i % 100_000 === 0 ? 'n/a' : String(i % 60);
    const line = `acct-${i},${users},50,${i % 300},120,${i % 11},10,${i % 7},6,${i % 3},2,${i % 9},3,${RAG[i % 3]}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

test(
  'a 1,000,000-row file streams through `vitals score`: one output row per input row, bad rows included and described',
  async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'vitals-million-')), 'snapshots.csv');
    await writeRows(data);
    let lines = 0;
    let tail = '';
    // Count lines as they arrive; the output (~100 MB) is never held.
    const run = await vitalsStreaming(['score', 'models/saas-seven-metrics/model.yaml', '--data', data, '--format', 'csv'], (chunk) => {
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
      tail = (tail + chunk.toString('utf8')).slice(-400);
    });
    expect(run.code).toBe(0);
    expect(lines).toBe(ROWS + 1);
    const last = tail.trimEnd().split('\n').pop() as string;
    expect(last.split(',').slice(0, 5)).toEqual([String(ROWS), String(ROWS + 1), `acct-${ROWS}`, '', 'invalid']);
    expect(run.stderr).toContain(`:100001: row 100000: field monthly_active_users: \`monthly_active_users\` is not a number (got "n/a") [not-a-number]`);
    expect(run.stderr).toMatch(/: 1,000,000 rows: 999,990 scored, 10 invalid\n$/);
  },
  300_000,
);
