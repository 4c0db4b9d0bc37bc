/**
 * The chunked sorted list behind the embedded store's time indexes (src/store/embedded/chunked-sorted-list.ts):
 * for random insertions (small chunks, so that chunks split), it holds what a sorted array holds, equal items in
 * insertion order, and its ranks and visits agree with that array.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ChunkedSortedList } from '../../../src/store/embedded/chunked-sorted-list';

type Item = { key: number; n: number };
const byKey = (a: Item, b: Item) => a.key - b.key;

function build(keys: number[], chunkSize: number): { list: ChunkedSortedList<Item>; model: Item[] } {
  const list = new ChunkedSortedList<Item>(byKey, chunkSize);
  const items = keys.map((key, n) => ({ key, n }));
  for (const item of items) list.insert(item);
  // A stable sort of the insertion order: equal keys keep insertion order.
  return { list, model: [...items].sort(byKey) };
}

describe('chunked sorted list', () => {
  it('holds the items sorted, equal items in insertion order, across chunk splits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 5 }),
        (keys, chunk) => {
          const { list, model } = build(keys, chunk);
          assert.equal(list.size, keys.length);
          assert.deepEqual(list.toArray(), model);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('ranks a monotone predicate and visits spans both ways, stopping when asked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 120 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: -1, max: 22 }),
        fc.integer({ min: -2, max: 130 }),
        fc.integer({ min: -2, max: 130 }),
        fc.integer({ min: 1, max: 10 }),
        (keys, chunk, below, from, to, stopAfter) => {
          const { list, model } = build(keys, chunk);
          assert.equal(
            list.rank((item) => item.key < below),
            model.filter((item) => item.key < below).length,
          );
          const expected = model.slice(Math.max(0, from), Math.max(0, Math.min(model.length, to)));
          for (const direction of [1, -1] as const) {
            const seen: Item[] = [];
            const visited = list.visit(from, to, direction, (item) => {
              seen.push(item);
              return seen.length < stopAfter;
            });
            const ordered = direction === 1 ? expected : [...expected].reverse();
            assert.deepEqual(seen, ordered.slice(0, stopAfter));
            assert.equal(visited, seen.length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('appends in order without searching, and an empty list has nothing to visit', () => {
    const list = new ChunkedSortedList<number>((a, b) => a - b, 2);
    assert.equal(
      list.rank(() => true),
      0,
    );
    assert.equal(
      list.visit(0, 10, 1, () => true),
      0,
    );
    for (let i = 0; i < 10; i += 1) list.insert(i);
    list.insert(-1);
    assert.deepEqual(list.toArray(), [-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.equal(
      list.rank((n) => n < 5),
      6,
    );
  });
});
