import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { monthEnd, monthEndOnOrBefore, nextAnniversary, parseDay, parseMonth } from '../models/ravenstack/lib/days.js';
import { TableError, readTables } from '../models/ravenstack/lib/read-tables.js';
import { deriveSnapshots } from '../models/ravenstack/lib/snapshots.js';
import { snapshotsToCsv } from '../models/ravenstack/lib/write-csv.js';

const fixture = (name: string) => fileURLToPath(new URL(`../models/ravenstack/fixtures/${name}`, import.meta.url));
const day = (text: string) => parseDay(text) as number;

describe('days', () => {
  test.each([
    ['monthEnd', () => monthEnd(day('2024-02-10')), '2024-02-29'],
    ['monthEnd of a month-end', () => monthEnd(day('2024-03-31')), '2024-03-31'],
    ['monthEndOnOrBefore mid-month', () => monthEndOnOrBefore(day('2024-04-09')), '2024-03-31'],
    ['monthEndOnOrBefore a month-end', () => monthEndOnOrBefore(day('2024-04-30')), '2024-04-30'],
    ['parseMonth', () => parseMonth('2024-02') as number, '2024-02-29'],
    ['next anniversary', () => nextAnniversary(day('2024-01-10'), day('2024-04-01')), '2025-01-10'],
    ['anniversary on the day itself', () => nextAnniversary(day('2023-05-01'), day('2024-05-01')), '2024-05-01'],
    ['29 February renews on 1 March', () => nextAnniversary(day('2024-02-29'), day('2025-01-01')), '2025-03-01'],
  ])('%s', (_, compute, expected) => {
    expect(compute()).toBe(day(expected));
  });

  test.each(['2024-13', '2024-1', 'May 2024'])('parseMonth(%j) is not a month', (text) => {
    expect(parseMonth(text)).toBeUndefined();
  });
});

describe('deriveSnapshots on fixtures/tiny', () => {
  // Worked out by hand from the five files in fixtures/tiny (data end: the last date, 2024-05-03 → May).
  // A-1 signs up 2024-01-10: first month-end 30+ days later is 2024-02-29; snapshots to 2024-05-31.
  //   Feb 29: S-1 in force (basic, 10 seats, ARR 2280 → low touch, monthly: no renewal date); 50 days → onboard.
  //           Usage (Dec 1, Feb 29]: U-1 is before signup (left out); U-2 5 + U-3 7 = 12 uses, 2 features,
  //           1 error (U-3 is on S-2 before S-2 starts: usage belongs to the account). T-1: 1 ticket,
  //           high → urgent, 60 min; rated 4 on closing 2024-02-06 → satisfied.
  //   Mar 31: S-2 started last (pro, 12, ARR 30000 → high touch, annual → renews on the signup
  //           anniversary 2025-01-10); 81 days → onboard; S-2 is an upgrade started in the window.
  //           Uses 5 + 7 + 3 = 15; T-1 and T-2 (escalated, 30 min): 2 tickets, mean 45 min.
  //   Apr 30: 111 days, renewal 255 days away → adopt. Window (Jan 31, Apr 30]: U-3, U-4 → 10 uses.
  //   May 31: window (Mar 2, May 31]: U-4 → 3 uses, 1 feature; T-2 → 1 ticket, 30 min.
  // A-2 signs up 2024-02-20 and churns 2024-04-10 (churn_flag True): only 2024-03-31.
  //   S-3 in force, a trial; no usage in its window (U-5 is in May), no tickets; churns within 90 days.
  const expected = `account_id,snapshot_date,signup_date,segment,stage,plan_tier,seats,arr,on_trial,auto_renew,renewal_date,upgrades_90d,downgrades_90d,usage_events_90d,features_used_90d,usage_errors_90d,tickets_90d,urgent_tickets_90d,escalations_90d,first_response_minutes_90d,last_csat,last_csat_date,churn_in_next_90d
A-1,2024-02-29,2024-01-10,low_touch,onboard,basic,10,2280,false,true,,0,0,12,2,1,1,1,0,60,satisfied,2024-02-06,false
A-1,2024-03-31,2024-01-10,high_touch,onboard,pro,12,30000,false,false,2025-01-10,1,0,15,2,1,2,1,1,45,satisfied,2024-02-06,false
A-1,2024-04-30,2024-01-10,high_touch,adopt,pro,12,30000,false,false,2025-01-10,1,0,10,2,0,2,1,1,45,satisfied,2024-02-06,false
A-1,2024-05-31,2024-01-10,high_touch,adopt,pro,12,30000,false,false,2025-01-10,1,0,3,1,0,1,0,1,30,satisfied,2024-02-06,false
A-2,2024-03-31,2024-02-20,low_touch,onboard,basic,5,1140,true,false,,0,0,0,0,0,0,0,0,,,,true
`;
  const tables = readTables(fixture('tiny'));

  test('every snapshot, column by column', () => {
    expect(snapshotsToCsv(deriveSnapshots(tables))).toBe(expected);
  });

  test.each([
    ['--from 2024-04', { from: day('2024-04-30') }, ['A-1 2024-04-30', 'A-1 2024-05-31']],
    ['--to 2024-03', { to: day('2024-03-31') }, ['A-1 2024-02-29', 'A-1 2024-03-31', 'A-2 2024-03-31']],
    ['--accounts 1', { accounts: 1 }, ['A-1 2024-02-29', 'A-1 2024-03-31', 'A-1 2024-04-30', 'A-1 2024-05-31']],
  ])('%s', (_, options, rows) => {
    expect(deriveSnapshots(tables, options).map((s) => `${s.account_id} ${s.snapshot_date}`)).toEqual(rows);
  });
});

test('a bad value names the file, the line and the field', () => {
  expect(() => readTables(fixture('bad-seats'))).toThrow(TableError);
  expect(() => readTables(fixture('bad-seats'))).toThrow(/bad-seats\/accounts\.csv:3: `seats` should be a number ≥ 0, got "many"/);
});

describe('the command line', () => {
  const script = fileURLToPath(new URL('../models/ravenstack/derive-snapshots.ts', import.meta.url));
  const run = (args: string[]) => {
    try {
      return { status: 0, stdout: execFileSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', stdio: 'pipe' }), stderr: '' };
    } catch (error) {
      const failed = error as { status: number; stdout: string; stderr: string };
      return { status: failed.status, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  test('writes the CSV to standard output with --out -', () => {
    const result = run(['--data', fixture('tiny'), '--out', '-', '--accounts', '1', '--to', '2024-02']);
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[1]).toBe('A-1,2024-02-29,2024-01-10,low_touch,onboard,basic,10,2280,false,true,,0,0,12,2,1,1,1,0,60,satisfied,2024-02-06,false');
  });

  test.each([
    [['--from', '2024-13'], 2, /--from must be a month as YYYY-MM/],
    [['--accounts', 'all'], 2, /--accounts must be a whole number/],
    [['--colour'], 2, /Unknown option '--colour'/],
    [['--data', fixture('bad-seats'), '--out', '-'], 1, /accounts\.csv:3: `seats`/],
    [['--data', fixture('orphan-ticket'), '--out', '-'], 1, /support_tickets\.csv: 1 row\(s\) whose `account_id` leads to no account in accounts\.csv, e\.g\. A-9/],
  ])('%j exits %i with a message', (args, status, message) => {
    const result = run(args);
    expect(result.status).toBe(status);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
