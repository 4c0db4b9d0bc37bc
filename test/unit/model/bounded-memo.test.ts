import assert from 'node:assert/strict';
import { remembered } from '../../../src/model/bounded-memo';

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
