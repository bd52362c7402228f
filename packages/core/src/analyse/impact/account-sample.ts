import type { AccountRef, AccountSample } from './impact.js';

/** A complete count and the first `limit` accounts, in the order they come. */
export class SampleCollector {
  private count = 0;
  private readonly accounts: AccountRef[] = [];

  constructor(private readonly limit: number) {}

  add(account: AccountRef): void {
    this.count++;
    if (this.accounts.length < this.limit) this.accounts.push(account);
  }

  value(): AccountSample {
    return { count: this.count, accounts: [...this.accounts] };
  }
}

/** How an account is told apart from others: its id, else its row. */
export function accountKey(account: AccountRef): string {
  return account.id ?? `#${account.row ?? ''}`;
}
