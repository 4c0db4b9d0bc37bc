/**
 * firstK (src/store/embedded/top-k.ts): the first k items of a total order equal the first k of a full sort,
 * for any k (0, fewer or more than the items) and any input order.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { firstK } from '../../../src/store/embedded/top-k';

describe('first k of a total order', () => {
  it('equals sorting everything and keeping k', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer(), { maxLength: 200 }), fc.integer({ min: -1, max: 220 }), (items, k) => {
        for (const compare of [(a: number, b: number) => a - b, (a: number, b: number) => b - a]) {
          const expected = [...items].sort(compare).slice(0, Math.max(0, k));
          assert.deepEqual(firstK(items, k, compare), expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps k of many, and does not change its input', () => {
    const items = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    const copy = [...items];
    assert.deepEqual(
      firstK(items, 3, (a, b) => a - b),
      [0, 1, 2],
    );
    assert.deepEqual(firstK(items, Infinity, (a, b) => b - a).slice(0, 2), [999, 998]);
    assert.deepEqual(items, copy);
  });
});
