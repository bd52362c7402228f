import { describe, expect, test } from 'vitest';
import { decodeState, encodeState } from '../../src/share/url-state.js';

describe('shared links', () => {
  test('a model survives the trip through the URL fragment, unicode and all', () => {
    const model = 'vitals: 1\nmodel: x\ntitle: "Santé — café ☕"\n'.repeat(40);
    const hash = encodeState({ model, example: 'lifecycle-b2b', asOf: '2026-03-31' });
    expect(hash).toMatch(/^#[A-Za-z0-9+\-_=&.%]*$/);
    expect(hash.length).toBeLessThan(model.length);
    expect(decodeState(hash)).toEqual({ model, example: 'lifecycle-b2b', asOf: '2026-03-31' });
  });

  test.each([
    ['no fragment', ''],
    ['nothing it knows', '#tab=accounts'],
    ['a damaged model', '#model=%%%not-lz'],
  ])('%s gives no state', (_name, hash) => {
    expect(decodeState(hash)).toBeNull();
  });

  test('a link to an example alone opens that example', () => {
    expect(decodeState('#example=lifecycle-b2b')).toEqual({ model: null, example: 'lifecycle-b2b', asOf: null });
  });

  test('an as-of that is not a date is dropped, not passed on', () => {
    const hash = encodeState({ model: 'vitals: 1', example: null, asOf: null }).concat('&as-of=tomorrow');
    expect(decodeState(hash)).toEqual({ model: 'vitals: 1', example: null, asOf: null });
  });
});
