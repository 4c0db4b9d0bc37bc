/** The company prefix table's learned entries: what is new, who is told, and configured entries winning. */
import assert from 'node:assert/strict';
import { createCompanyPrefixTable } from '../../../src/identifiers';

describe('company prefix table: learned entries', () => {
  it('tells onLearned each entry a URN adds, once; a configured entry is not new', () => {
    const learned: [string, number][] = [];
    const table = createCompanyPrefixTable([['0614141', 7]], { onLearned: (p, l) => learned.push([p, l]) });
    assert.ok(table.learnFromUrn('urn:epc:id:sgtin:0614141.107346.1'));
    assert.ok(table.learnFromUrn('urn:epc:id:sscc:95012345.123456789'));
    assert.ok(table.learnFromUrn('urn:epc:id:sgtin:95012345.10734.2'));
    assert.equal(table.learnFromUrn('urn:epc:id:sgtin:bad'), false);
    assert.deepEqual(learned, [['95012345', 8]]);
    assert.equal(table.size, 2);
  });

  it('learn() says whether an entry is new and does not call onLearned', () => {
    let told = 0;
    const table = createCompanyPrefixTable([], { onLearned: () => told++ });
    assert.equal(table.learn('4012345', 7), true);
    assert.equal(table.learn('4012345', 7), false);
    assert.equal(told, 0);
    assert.equal(table.lookup('4012345000'), 7);
    assert.throws(() => table.learn('4012345', 13), RangeError);
  });

  it('configured entries win over learned ones, even over a longer learned match', () => {
    const table = createCompanyPrefixTable([['0614141', 7]]);
    table.learn('06141412', 8);
    table.learn('061415', 6);
    assert.equal(table.lookup('061414123456'), 7);
    assert.equal(table.lookup('061415000000'), 6);
  });

  it('tells onMiss the digits of a lookup that finds nothing', () => {
    const misses: string[] = [];
    const table = createCompanyPrefixTable([['0614141', 7]], { onMiss: (digits) => misses.push(digits) });
    assert.equal(table.lookup('061414100000'), 7);
    assert.equal(table.lookup('950600013435'), undefined);
    assert.deepEqual(misses, ['950600013435']);
  });
});
