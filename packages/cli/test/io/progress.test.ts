import { expect, test } from 'vitest';
import { wantsProgress } from '../../src/io/progress.js';

test.each([
  ['a person at a terminal', true, 1000, true, {}, true],
  ['--no-progress', false, 1000, true, {}, false],
  ['stderr piped or redirected to a file', true, 1000, false, {}, false],
  ['in CI', true, 1000, true, { CI: 'true' }, false],
  ['CI=1', true, 1000, true, { CI: '1' }, false],
  ['CI=false is not CI', true, 1000, true, { CI: 'false' }, true],
  ['stdin (size unknown)', true, undefined, true, {}, false],
])('progress bar for %s: %s', (_name, enabled, size, tty, env, expected) => {
  expect(wantsProgress(enabled, size, tty, env)).toBe(expected);
});
