/**
 * The embedded store's in-memory indexes (src/store/embedded/event-index.ts) never change an answer: for random
 * filters mixing indexed equality / $in, $and, $or and unindexed conditions, mingo over the index candidates
 * gives exactly what mingo over every document gives, in the same (commit) order; when the index answers every
 * condition ("exact"), the candidates alone are the answer.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EventIndex } from '../../../src/store/embedded/event-index';
import { runQuery } from '../../../src/store/embedded/memory-query';
import type { Filter } from '../../../src/store/event-store';
import type { StoredEvent } from '../../../src/store/stored-event';

const VALUES = ['a', 'b', 'c', 'd'];
const valueArb = fc.constantFrom(...VALUES);

const docArb = fc.record({
  epc: fc.array(valueArb, { maxLength: 3 }),
  bizStep: fc.option(valueArb, { nil: undefined }),
  n: fc.integer({ min: 0, max: 3 }),
});

const leafArb: fc.Arbitrary<Filter> = fc.oneof(
  valueArb.map((v) => ({ 'q.epc': v })),
  fc.array(valueArb, { minLength: 1, maxLength: 3 }).map((vs) => ({ 'q.epc': { $in: vs } })),
  valueArb.map((v) => ({ 'q.bizStep': { $eq: v } })),
  fc.integer({ min: 0, max: 3 }).map((n) => ({ 'q.n': { $gte: n } })),
  valueArb.map((v) => ({ eventID: `E-${v}` })),
);
const filterArb: fc.Arbitrary<Filter> = fc.letrec((tie) => ({
  filter: fc.oneof(
    { depthSize: 'small' },
    leafArb,
    fc.array(tie('filter'), { minLength: 1, maxLength: 3 }).map((parts) => ({ $and: parts as Filter[] })),
    fc.array(tie('filter'), { minLength: 1, maxLength: 3 }).map((parts) => ({ $or: parts as Filter[] })),
  ),
})).filter as fc.Arbitrary<Filter>;

describe('embedded in-memory indexes', () => {
  it('candidates + mingo = a full scan, in commit order', () => {
    fc.assert(
      fc.property(fc.array(docArb, { maxLength: 30 }), filterArb, (docs, filter) => {
        const index = new EventIndex();
        const events = docs.map(
          (doc, i) =>
            ({
              _id: `ev|${i}`,
              eventID: `E-${VALUES[i % 4]}`,
              q: { epc: doc.epc, n: doc.n, ...(doc.bizStep ? { bizStep: doc.bizStep } : {}) },
            }) as unknown as StoredEvent,
        );
        events.forEach((event) => index.add(event));
        const byId = new Map(events.map((event) => [event._id, event]));
        const plan = index.candidates(filter);
        const scope = plan === null ? events : plan.ids.map((id) => byId.get(id)!);
        const expected = runQuery(events, filter).map((e) => e._id);
        assert.deepEqual(
          runQuery(scope, filter).map((e) => e._id),
          expected,
        );
        // An exact plan needs no test at all: its candidates are the matches.
        if (plan?.exact) assert.deepEqual(plan.ids, expected);
      }),
      { numRuns: 300 },
    );
  });

  it('uses the index for an indexed equality (fewer candidates than events)', () => {
    const index = new EventIndex();
    for (let i = 0; i < 10; i += 1) index.add({ _id: `ev|${i}`, eventID: `E${i}`, q: {} } as unknown as StoredEvent);
    assert.deepEqual(index.candidates({ eventID: 'E3' }), { ids: ['ev|3'], exact: true });
    assert.deepEqual(index.candidates({ eventID: 'E3', 'q.n': 1 }), { ids: ['ev|3'], exact: false });
    assert.deepEqual(index.candidates({ $and: [{ eventID: { $in: ['E3', 'E4'] } }, { eventID: 'E4' }] }), {
      ids: ['ev|4'],
      exact: true,
    });
    assert.equal(index.candidates({ 'q.other': 'x' }), null);
    assert.deepEqual(index.distinct(['eventID'], 'E7', 5), ['E8', 'E9']);
  });
});
