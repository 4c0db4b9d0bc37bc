/**
 * Keyset pagination (src/query/keyset.ts) against MongoDB's cross-type sort order as implemented for the embedded
 * store (sort-order.ts): for documents whose sort key is missing, null, a number, a string or a Date, the filter
 * "after this position" (run by mingo, as the embedded store runs it) selects exactly the documents that sort
 * strictly after it, in both directions; positions survive their JSON round trip through a token.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Query } from 'mingo';
import { afterPosition, decodePosition, encodePosition, keyOf, type KeyValue } from '../../../src/query/keyset';
import { compareValues } from '../../../src/store/embedded/sort-order';

const keyArb: fc.Arbitrary<KeyValue | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer({ min: -5, max: 5 }),
  fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('', 'a', 'b', 'B', 'é', '10'),
  fc.integer({ min: 0, max: 4 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d))),
);

interface Doc {
  _id: string;
  q: { x: { sort: Record<string, unknown> } };
}

const PATH = 'q.x.sort.k';

describe('keyset positions over mixed-type sort keys', () => {
  it('afterPosition selects exactly the documents after the position (ASC and DESC)', () => {
    fc.assert(
      fc.property(fc.array(keyArb, { minLength: 1, maxLength: 25 }), fc.nat(), fc.boolean(), (keys, at, asc) => {
        const docs: Doc[] = keys.map((key, i) => ({
          _id: `id${String(i).padStart(2, '0')}`,
          q: { x: { sort: key === undefined ? {} : { k: key } } },
        }));
        const direction = asc ? 1 : -1;
        const order = (a: Doc, b: Doc) =>
          direction * (compareValues(keyOf(a, PATH), keyOf(b, PATH)) || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
        const sorted = [...docs].sort(order);
        const pivot = sorted[at % sorted.length]!;
        const position = decodePosition(
          JSON.parse(JSON.stringify(encodePosition({ key: keyOf(pivot, PATH), id: pivot._id }))),
        );
        assert.ok(position);
        const filter = afterPosition(
          [
            [PATH, direction],
            ['_id', direction],
          ],
          position,
        );
        const query = new Query(filter, {});
        const selected = docs.filter((doc) => query.test(doc as unknown as Record<string, unknown>)).sort(order);
        assert.deepEqual(
          selected.map((d) => d._id),
          sorted.slice(sorted.indexOf(pivot) + 1).map((d) => d._id),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('decodePosition refuses what it did not encode', () => {
    assert.equal(decodePosition(['date', 'x', 'id']), null);
    assert.equal(decodePosition(['number', 1, 2]), null);
    assert.equal(decodePosition(['other', 1, 'id']), null);
    assert.deepEqual(decodePosition(['date', 0, 'id']), { key: new Date(0), id: 'id' });
  });
});
