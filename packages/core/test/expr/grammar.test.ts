import { expect, test } from 'vitest';
import { ExpressionParser } from '../../src/expr/grammar.js';

test('the grammar passes chevrotain’s own checks (the shared parser skips them at start-up)', () => {
  // With validation on, chevrotain throws at construction when the grammar has a definition error.
  expect(() => new ExpressionParser({ validate: true })).not.toThrow();
});
