import { expect, test } from 'vitest';
import { ExpressionParser } from '../../src/expr/grammar.js';

test('the grammar passes chevrotain’s own checks (the shared parser skips them at start-up)', () => {
  const parser = new ExpressionParser({ validate: true });
  expect(parser.definitionErrors).toEqual([]);
});
