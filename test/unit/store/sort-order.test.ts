import assert from 'node:assert/strict';
import { compareStrings, compareValues, sortKey, valuesAtPath } from '../../../src/store/embedded/sort-order';

describe('MongoDB sort order (embedded store)', () => {
  it('orders strings by code point like UTF-8 bytes, not by UTF-16 code units', () => {
    const supplementary = '\u{1F600}'; // surrogate pair D83D DE00
    const highBmp = '\uFF21'; // above the surrogate range
    assert.ok(compareStrings(highBmp, supplementary) < 0);
    assert.ok(highBmp > supplementary, 'JavaScript itself orders them the other way');
    assert.equal(
      Math.sign(compareStrings(highBmp, supplementary)),
      Math.sign(Buffer.compare(Buffer.from(highBmp), Buffer.from(supplementary))),
    );
    assert.ok(compareStrings('a', 'ab') < 0);
    assert.equal(compareStrings('abc', 'abc'), 0);
  });

  it('orders values of different types by BSON type', () => {
    const ordered = [null, -1, 2.5, 10, 'a', 'b', { a: 1 }, [1], false, true, new Date(0), new Date(1)];
    for (let i = 0; i + 1 < ordered.length; i += 1) {
      assert.ok(compareValues(ordered[i], ordered[i + 1]) < 0, `${String(ordered[i])} < ${String(ordered[i + 1])}`);
    }
    assert.equal(compareValues(undefined, null), 0, 'missing sorts as null');
  });

  it('sorts an array field by its smallest element ascending and its largest descending', () => {
    const document = { a: [3, 1, 7] };
    assert.equal(sortKey(document, 'a', 1), 1);
    assert.equal(sortKey(document, 'a', -1), 7);
    assert.equal(sortKey({ a: [{ b: 4 }, { b: 2 }] }, 'a.b', 1), 2);
    assert.equal(sortKey({}, 'a.b', 1), undefined);
  });

  it('collects the values a dotted path reaches through arrays', () => {
    assert.deepEqual(valuesAtPath({ a: [{ b: 1 }, { b: [2, 3] }, {}] }, 'a.b'), [1, 2, 3, undefined]);
    assert.deepEqual(valuesAtPath({ a: [5, 6] }, 'a.1'), [6]);
  });
});
