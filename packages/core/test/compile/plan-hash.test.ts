import { readFileSync } from 'node:fs';
import { planModel } from '@vitals/core';
import { describe, expect, test } from 'vitest';

const MODEL = readFileSync(new URL('../../../../test/fixtures/valid/b2b-saas.yaml', import.meta.url), 'utf8');
const SEATS = 'value: active_users / purchased_seats';
const PLAYBOOK = 'playbooks:\n  big_and_red:\n    when: band == "red" and plan == "enterprise"\n    action: Call the sponsor\n';

const hashOf = (text: string) => {
  const { plan, diagnostics } = planModel(text);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return plan?.hash;
};
const withSeats = (value: string) => MODEL.replace(SEATS, value);
const withWhen = (when: string) => `${MODEL}${PLAYBOOK.replace('band == "red" and plan == "enterprise"', when)}`;

describe('the content hash reads expressions as parsed: layout inside them never changes it', () => {
  test.each([
    ['no spaces', withSeats('value: active_users/purchased_seats')],
    ['extra spaces', withSeats('value: "active_users   /   purchased_seats"')],
    ['redundant parentheses', withSeats('value: (active_users) / (purchased_seats)')],
    ['a folded block over two lines', withSeats('value: >-\n      active_users\n      / purchased_seats')],
  ])('%s', (_, text) => {
    expect(hashOf(text)).toBe(hashOf(MODEL));
  });

  test.each([
    ['single quotes', withWhen(`band == 'red' and plan == 'enterprise'`)],
    ['line breaks', withWhen('band == "red"\n      and plan == "enterprise"')],
    ['parentheses', withWhen('(band == "red") and (plan == "enterprise")')],
  ])('a playbook condition with %s', (_, text) => {
    expect(hashOf(text)).toBe(hashOf(withWhen('band == "red" and plan == "enterprise"')));
  });

  test('a number written another way is the same number', () => {
    expect(hashOf(withSeats('value: active_users / purchased_seats * 1e2'))).toBe(hashOf(withSeats('value: active_users / purchased_seats * 100')));
  });

  test.each([
    ['another operator', withSeats('value: active_users * purchased_seats')],
    ['another grouping', withWhen('band == "red" and (plan == "enterprise" or plan == "pro")')],
  ])('a change of meaning changes it: %s', (_, text) => {
    const base = text.includes('playbooks:') ? withWhen('band == "red" and plan == "enterprise" or plan == "pro"') : MODEL;
    expect(hashOf(text)).not.toBe(hashOf(base));
  });
});
