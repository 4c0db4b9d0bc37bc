/**
 * Which conditions on eventTime / recordTime the embedded time indexes answer (src/store/embedded/
 * time-conditions.ts): Date comparisons as ranges, the keyset `$or` of query/keyset.ts as a range with an `_id`
 * bound; anything else (strings, two bounds on one end, an alternative that selects Dates) is left to mingo.
 */
import assert from 'node:assert/strict';
import { afterPosition } from '../../../src/query/keyset';
import { keysetRange, timeRange } from '../../../src/store/embedded/time-conditions';

const D = new Date('2024-01-02T00:00:00Z');
const E = new Date('2024-01-05T00:00:00Z');
const t = (date: Date) => date.getTime();
const pure = () => true;

describe('time conditions answered by the time indexes', () => {
  it('reads Date comparisons as ranges', () => {
    assert.deepEqual(timeRange({ $gte: D, $lt: E }), {
      lower: { time: t(D), inclusive: true },
      upper: { time: t(E), inclusive: false },
    });
    assert.deepEqual(timeRange({ $gt: D }), { lower: { time: t(D), inclusive: false } });
    assert.deepEqual(timeRange({ $lte: E }), { upper: { time: t(E), inclusive: true } });
    assert.deepEqual(timeRange(D), { lower: { time: t(D), inclusive: true }, upper: { time: t(D), inclusive: true } });
    assert.deepEqual(timeRange({ $eq: D }), timeRange(D));
  });

  it('leaves other conditions to mingo', () => {
    for (const condition of [
      { $gte: D.toISOString() },
      { $gte: D, $gt: D },
      { $eq: D, $lt: E },
      { $ne: D },
      { $in: [D] },
      { $gte: new Date(Number.NaN) },
      {},
      null,
      'x',
    ])
      assert.equal(timeRange(condition), null, JSON.stringify(condition));
  });

  it('reads the keyset position of query/keyset.ts, both directions', () => {
    const up = afterPosition(
      [
        ['eventTime', 1],
        ['_id', 1],
      ],
      { key: D, id: 'ev|x' },
    )['$or'] as Record<string, unknown>[];
    assert.deepEqual(keysetRange(up, pure), {
      path: 'eventTime',
      range: { lower: { time: t(D), id: 'ev|x', inclusive: false } },
    });
    const down = afterPosition(
      [
        ['recordTime', -1],
        ['_id', -1],
      ],
      { key: D, id: 'ev|x' },
    )['$or'] as Record<string, unknown>[];
    assert.equal(down.length, 5); // $lt, null, numbers, strings, the tie
    assert.deepEqual(keysetRange(down, pure), {
      path: 'recordTime',
      range: { upper: { time: t(D), id: 'ev|x', inclusive: false } },
    });
    assert.equal(
      keysetRange(down, () => false),
      null,
      'not when some event holds no Date there',
    );
  });

  it('refuses an $or that is not exactly a keyset position', () => {
    const strict = { eventTime: { $gt: D } };
    const tie = { eventTime: D, _id: { $gt: 'ev|x' } };
    const cases: Record<string, unknown>[][] = [
      [strict],
      [tie],
      [strict, tie, { eventTime: { $gte: E } }], // selects Dates too
      [strict, tie, { 'q.n': null }],
      [strict, { eventTime: E, _id: { $gt: 'ev|x' } }], // another time
      [strict, { eventTime: D, _id: { $lt: 'ev|x' } }], // another direction
      [strict, { recordTime: D, _id: { $gt: 'ev|x' } }], // another field
      [{ 'q.t': { $gt: D } }, { 'q.t': D, _id: { $gt: 'ev|x' } }], // not a time index
      [strict, { eventTime: D, _id: { $gt: 3 } }],
    ];
    for (const branches of cases) assert.equal(keysetRange(branches, pure), null, JSON.stringify(branches));
  });
});
