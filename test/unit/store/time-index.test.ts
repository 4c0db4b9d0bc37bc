/**
 * The embedded store's time index (src/store/embedded/time-index.ts): events in (time, `_id` by code point)
 * order whatever the insertion order, ties on time broken by `_id`; spans of ranges with inclusive and
 * exclusive bounds, and keyset bounds "(time, _id) after / before a position", equal to filtering by hand;
 * a field that is not a Date makes the index impure.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { type TimeBound, TimeIndex, type TimeRange } from '../../../src/store/embedded/time-index';
import { compareStrings } from '../../../src/store/embedded/sort-order';

const IDS = ['a', 'b', 'ab', '\u{1F600}', '\uFFFF', 'Z'];

interface Row {
  time: number;
  id: string;
}

function indexOf(rows: Row[]): TimeIndex {
  const index = new TimeIndex('eventTime', (seq) => rows[seq]!.id);
  rows.forEach((row, seq) => index.add(seq, new Date(row.time)));
  return index;
}

const compareRows = (a: Row, b: Row) => a.time - b.time || compareStrings(a.id, b.id);

/** The same range test, written from the definition. */
function inRange(row: Row, range: TimeRange): boolean {
  const beyond = (bound: TimeBound, side: 1 | -1) => {
    const order = row.time - bound.time || (bound.id === undefined ? 0 : compareStrings(row.id, bound.id));
    return order === 0 ? !bound.inclusive : order * side < 0;
  };
  return !(range.lower && beyond(range.lower, 1)) && !(range.upper && beyond(range.upper, -1));
}

const boundArb: fc.Arbitrary<TimeBound> = fc.record(
  { time: fc.integer({ min: 0, max: 6 }), id: fc.constantFrom(...IDS), inclusive: fc.boolean() },
  { requiredKeys: ['time', 'inclusive'] },
);
const rowsArb = fc
  .uniqueArray(fc.record({ time: fc.integer({ min: 0, max: 6 }), id: fc.constantFrom(...IDS) }), {
    selector: (row) => row.id,
    maxLength: IDS.length,
  })
  .chain((rows) =>
    fc
      .array(fc.integer({ min: 0, max: 5 }), { maxLength: 40 })
      .map((suffixes) => [...rows, ...suffixes.map((s, i) => ({ time: s, id: `e${i}` }))]),
  );

describe('embedded time index', () => {
  it('orders by time then _id (code points), whatever the insertion order', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const index = indexOf(rows);
        const expected = [...rows].sort(compareRows);
        assert.deepEqual(
          index.seqs({ from: 0, to: index.size }).map((seq) => rows[seq]),
          expected,
        );
        assert.ok(index.pure);
      }),
    );
  });

  it('gives the span of a range, and contains() agrees with it', () => {
    fc.assert(
      fc.property(
        rowsArb,
        fc.option(boundArb, { nil: undefined }),
        fc.option(boundArb, { nil: undefined }),
        (rows, lower, upper) => {
          const range: TimeRange = { ...(lower ? { lower } : {}), ...(upper ? { upper } : {}) };
          const index = indexOf(rows);
          const expected = [...rows].sort(compareRows).filter((row) => inRange(row, range));
          const span = index.span(range);
          assert.deepEqual(
            index.seqs(span).map((seq) => rows[seq]),
            expected,
          );
          assert.deepEqual(rows.filter((_, seq) => index.contains(seq, range)).sort(compareRows), expected);
          const backwards: Row[] = [];
          index.visit(span, -1, (seq) => backwards.push(rows[seq]!) > 0);
          assert.deepEqual(backwards, [...expected].reverse());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps ties on time in _id order, and a keyset bound cuts between them', () => {
    const rows: Row[] = [
      { time: 5, id: 'c' },
      { time: 5, id: 'a' },
      { time: 3, id: 'z' },
      { time: 5, id: 'b' },
      { time: 7, id: 'a' },
    ];
    const index = indexOf(rows);
    const ids = (range: TimeRange) => index.seqs(index.span(range)).map((seq) => rows[seq]!.id);
    assert.deepEqual(ids({}), ['z', 'a', 'b', 'c', 'a']);
    assert.deepEqual(ids({ lower: { time: 5, inclusive: true }, upper: { time: 5, inclusive: true } }), [
      'a',
      'b',
      'c',
    ]);
    assert.deepEqual(ids({ lower: { time: 5, id: 'a', inclusive: false } }), ['b', 'c', 'a']);
    assert.deepEqual(ids({ upper: { time: 5, id: 'b', inclusive: false } }), ['z', 'a']);
    assert.deepEqual(ids({ lower: { time: 5, inclusive: false } }), ['a']);
    assert.deepEqual(ids({ upper: { time: 5, inclusive: false } }), ['z']);
  });

  it('is impure once an event holds no valid Date, and leaves that event out', () => {
    const rows = ['a', 'b', 'c'];
    const index = new TimeIndex('recordTime', (seq) => rows[seq]!);
    index.add(0, new Date(1));
    index.add(1, null);
    index.add(2, new Date(Number.NaN));
    assert.equal(index.pure, false);
    assert.equal(index.size, 1);
    assert.equal(index.contains(1, {}), false);
  });
});
