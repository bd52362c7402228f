import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseDay } from './days.js';

/**
 * The five RavenStack tables, read and typed. Every field the derivation uses is checked: a bad
 * value is a `TableError` naming the file, the line and the field, never a guess or a NaN.
 */
export interface Account {
  readonly id: string;
  readonly signup: number;
  readonly seats: number;
  readonly churned: boolean;
}

export interface Subscription {
  readonly id: string;
  readonly account: string;
  readonly start: number;
  readonly end: number | null;
  readonly plan: 'basic' | 'pro' | 'enterprise';
  readonly seats: number;
  readonly arr: number;
  readonly trial: boolean;
  readonly upgrade: boolean;
  readonly downgrade: boolean;
  readonly annual: boolean;
  readonly autoRenew: boolean;
}

export interface UsageEvent {
  readonly subscription: string;
  readonly day: number;
  readonly feature: string;
  readonly count: number;
  readonly errors: number;
}

export interface Ticket {
  readonly account: string;
  readonly submitted: number;
  readonly closed: number;
  readonly urgent: boolean;
  readonly firstResponseMinutes: number;
  /** 1–5, or null when the customer gave none. */
  readonly satisfaction: number | null;
  readonly escalated: boolean;
}

export interface ChurnEvent {
  readonly account: string;
  readonly day: number;
}

export interface Tables {
  readonly accounts: readonly Account[];
  readonly subscriptions: readonly Subscription[];
  readonly usage: readonly UsageEvent[];
  readonly tickets: readonly Ticket[];
  readonly churn: readonly ChurnEvent[];
}

export class TableError extends Error {
  constructor(readonly file: string, readonly line: number | null, message: string) {
    super(`${file}${line === null ? '' : `:${line}`}: ${message}`);
    this.name = 'TableError';
  }
}

type Row = Record<string, string>;

/** One row with its file and line, and typed readers that fail with both. */
class Fields {
  constructor(private readonly row: Row, private readonly file: string, private readonly line: number) {}

  private fail(field: string, expected: string): never {
    const value = this.row[field];
    const shown = value === undefined ? 'no such column' : value === '' ? 'empty' : JSON.stringify(value.slice(0, 40));
    throw new TableError(this.file, this.line, `\`${field}\` should be ${expected}, got ${shown}`);
  }

  text(field: string): string {
    const value = this.row[field]?.trim();
    return value === undefined || value === '' ? this.fail(field, 'text') : value;
  }

  day(field: string): number {
    return parseDay(this.row[field] ?? '') ?? this.fail(field, 'a date (YYYY-MM-DD)');
  }

  optionalDay(field: string): number | null {
    return (this.row[field] ?? '').trim() === '' ? null : this.day(field);
  }

  number(field: string): number {
    const raw = (this.row[field] ?? '').trim();
    const value = raw === '' ? NaN : Number(raw);
    return Number.isFinite(value) && value >= 0 ? value : this.fail(field, 'a number ≥ 0');
  }

  optionalNumber(field: string): number | null {
    return (this.row[field] ?? '').trim() === '' ? null : this.number(field);
  }

  flag(field: string): boolean {
    const value = (this.row[field] ?? '').trim();
    if (value === 'True') return true;
    if (value === 'False') return false;
    return this.fail(field, 'True or False');
  }

  oneOf<T extends string>(field: string, values: readonly T[]): T {
    const value = (this.row[field] ?? '').trim().toLowerCase();
    return (values as readonly string[]).includes(value) ? (value as T) : this.fail(field, `one of ${values.join(', ')}`);
  }
}

function readTable<T>(dir: string, name: string, read: (fields: Fields) => T): T[] {
  const file = join(dir, name);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new TableError(file, null, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let records: { record: Row; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, columns: true, skip_empty_lines: true, info: true }) as typeof records;
  } catch (error) {
    throw new TableError(file, null, `not a CSV file this script can read: ${(error as Error).message}`);
  }
  return records.map(({ record, info }) => read(new Fields(record, file, info.lines)));
}

const PLANS = ['basic', 'pro', 'enterprise'] as const;

export function readTables(dir: string): Tables {
  return {
    accounts: readTable(dir, 'accounts.csv', (f) => ({ id: f.text('account_id'), signup: f.day('signup_date'), seats: f.number('seats'), churned: f.flag('churn_flag') })),
    subscriptions: readTable(dir, 'subscriptions.csv', (f) => ({
      id: f.text('subscription_id'),
      account: f.text('account_id'),
      start: f.day('start_date'),
      end: f.optionalDay('end_date'),
      plan: f.oneOf('plan_tier', PLANS),
      seats: f.number('seats'),
      arr: f.number('arr_amount'),
      trial: f.flag('is_trial'),
      upgrade: f.flag('upgrade_flag'),
      downgrade: f.flag('downgrade_flag'),
      annual: f.oneOf('billing_frequency', ['monthly', 'annual'] as const) === 'annual',
      autoRenew: f.flag('auto_renew_flag'),
    })),
    usage: readTable(dir, 'feature_usage.csv', (f) => ({
      subscription: f.text('subscription_id'),
      day: f.day('usage_date'),
      feature: f.text('feature_name'),
      count: f.number('usage_count'),
      errors: f.number('error_count'),
    })),
    tickets: readTable(dir, 'support_tickets.csv', (f) => ({
      account: f.text('account_id'),
      submitted: f.day('submitted_at'),
      closed: f.day('closed_at'),
      urgent: ['high', 'urgent'].includes(f.oneOf('priority', ['low', 'medium', 'high', 'urgent'] as const)),
      firstResponseMinutes: f.number('first_response_time_minutes'),
      satisfaction: f.optionalNumber('satisfaction_score'),
      escalated: f.flag('escalation_flag'),
    })),
    churn: readTable(dir, 'churn_events.csv', (f) => ({ account: f.text('account_id'), day: f.day('churn_date') })),
  };
}
