import assert from 'node:assert/strict';
import { interned, remembered } from '../../../src/model/bounded-memo';

describe('remembered (bounded memo)', () => {
  it('computes a key once, keeps null results, and never holds more than its bound', () => {
    const memo = new Map<string, string | null>();
    let calls = 0;
    const compute = (key: string) => ((calls += 1), key === 'none' ? null : key.toUpperCase());
    assert.equal(remembered(memo, 'a', 3, compute), 'A');
    assert.equal(remembered(memo, 'a', 3, compute), 'A');
    assert.equal(remembered(memo, 'none', 3, compute), null);
    assert.equal(remembered(memo, 'none', 3, compute), null);
    assert.equal(calls, 2);
    for (const key of ['b', 'c', 'd', 'e']) remembered(memo, key, 3, compute);
    assert.ok(memo.size <= 3, `${memo.size} entries`);
    assert.equal(remembered(memo, 'e', 3, compute), 'E');
  });
});

describe('interned (bounded memo)', () => {
  it('keeps the copy under itself, never the value it was made from, and never more than its bound', () => {
    const memo = new Map<string, string>();
    let copies = 0;
    const copy = (value: string) => ((copies += 1), value.toUpperCase());
    assert.equal(interned(memo, 'abc', 3, copy), 'ABC');
    assert.deepEqual([...memo.keys()], ['ABC']);
    assert.equal(interned(memo, 'ABC', 3, copy), 'ABC');
    assert.equal(copies, 1);
    for (const value of ['B', 'C', 'D', 'E']) interned(memo, value, 3, copy);
    assert.ok(memo.size <= 3, `${memo.size} entries`);
  });
});
