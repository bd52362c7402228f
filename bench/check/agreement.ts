import { firstDifference } from './first-difference.js';

export interface Disagreement {
  readonly id: string;
  readonly difference: string;
}

export interface AgreementReport {
  readonly engine: string;
  readonly checked: number;
  readonly disagreements: number;
  /** The first few, to show. */
  readonly examples: readonly Disagreement[];
}

/**
 * Runs `actual` on every account and compares it with `expected` (vitals), field by field.
 * Synchronous and asynchronous scorers alike; asynchronous ones are awaited one at a time.
 */
export async function checkAgreement<A extends { readonly account_id: string }>(
  engine: string,
  accounts: readonly A[],
  expected: (account: A) => unknown,
  actual: (account: A) => unknown,
): Promise<AgreementReport> {
  const examples: Disagreement[] = [];
  let disagreements = 0;
  for (const account of accounts) {
    const want = expected(account);
    let got: unknown;
    try {
      got = await actual(account);
    } catch (error) {
      got = { error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
    }
    const difference = firstDifference(want, got);
    if (difference === undefined) continue;
    disagreements += 1;
    if (examples.length < 5) examples.push({ id: account.account_id, difference });
  }
  return { engine, checked: accounts.length, disagreements, examples };
}
