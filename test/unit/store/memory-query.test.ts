import assert from 'node:assert/strict';
import { runQuery } from '../../../src/store/embedded/memory-query';

const docs = [
  { _id: 'a', n: 3, t: new Date('2024-01-02') },
  { _id: 'b', n: 1, t: new Date('2024-01-01') },
  { _id: 'c', t: new Date('2024-01-03') },
  { _id: 'd', n: 2 },
];

describe('in-memory query (mingo + MongoDB sort)', () => {
  it('filters with MongoDB semantics, Dates compared as Dates', () => {
    assert.deepEqual(
      runQuery(docs, { t: { $gt: new Date('2024-01-01T12:00:00Z') } }).map((d) => d._id),
      ['a', 'c'],
    );
    assert.deepEqual(
      runQuery(docs, { n: { $exists: false } }).map((d) => d._id),
      ['c'],
    );
  });

  it('sorts (missing first ascending) and applies the limit after sorting; 0 means no limit', () => {
    assert.deepEqual(
      runQuery(docs, {}, { sort: [['n', 1]] }).map((d) => d._id),
      ['c', 'b', 'd', 'a'],
    );
    assert.deepEqual(
      runQuery(docs, {}, { sort: [['n', -1]], limit: 2 }).map((d) => d._id),
      ['a', 'd'],
    );
    assert.equal(runQuery(docs, {}, { limit: 0 }).length, 4);
    assert.deepEqual(
      runQuery(docs, {}, { limit: 1 }).map((d) => d._id),
      ['a'],
    );
  });

  it('refuses server-side JavaScript ($where) and unknown operators', () => {
    assert.throws(() => runQuery(docs, { $where: 'true' }));
    assert.throws(() => runQuery(docs, { n: { $foo: 1 } }));
  });
});
