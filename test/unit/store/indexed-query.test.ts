/**
 * The embedded store's indexed execution (src/store/embedded/indexed-query.ts, query-plan.ts, time-conditions.ts)
 * never changes an answer: for random documents and random filters mixing indexed equality / $in, Date ranges on
 * eventTime and recordTime, keyset positions (query/keyset.ts), unindexed conditions, $and and $or, with every
 * kind of sort and limit, it returns exactly what mingo over every document returns (memory-query.ts), in the
 * same order; and counts the same.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { afterPosition } from '../../../src/query/keyset';
import { EventIndex } from '../../../src/store/embedded/event-index';
import { countIndexed, findIndexed } from '../../../src/store/embedded/indexed-query';
import { runQuery } from '../../../src/store/embedded/memory-query';
import type { Filter, FindOptions, SortSpec } from '../../../src/store/event-store';
import { identityKey, type StoredEvent } from '../../../src/store/stored-event';

const VALUES = ['a', 'b', 'c', 'd'];
const valueArb = fc.constantFrom(...VALUES);
const day = (d: number) => new Date(Date.UTC(2024, 0, 1 + d));
const dayArb = fc.integer({ min: 0, max: 5 }).map(day);

const docArb = fc.record({
  epc: fc.array(valueArb, { maxLength: 3 }),
  bizStep: fc.option(valueArb, { nil: undefined }),
  n: fc.integer({ min: 0, max: 3 }),
  eventTime: dayArb,
  recordTime: dayArb,
});

type Doc = typeof docArb extends fc.Arbitrary<infer T> ? T : never;

/** Event ids not in commit order, so that ties on time are broken by _id, not by commit order. */
const eventIdOf = (i: number) => `E-${String((i * 7919) % 10007).padStart(5, '0')}`;
/** Every fifth event is the error declaration of the one before it: same eventID, its own identity key. */
const isDeclaration = (i: number) => i % 5 === 4;

function eventsOf(docs: Doc[]): StoredEvent[] {
  return docs.map((doc, i) => {
    const eventID = eventIdOf(isDeclaration(i) ? i - 1 : i);
    return {
      _id: identityKey(eventID, isDeclaration(i)),
      eventID,
      eventTime: doc.eventTime,
      recordTime: doc.recordTime,
      q: { epc: doc.epc, n: doc.n, ...(doc.bizStep ? { bizStep: doc.bizStep } : {}) },
    } as unknown as StoredEvent;
  });
}

const timePathArb = fc.constantFrom('eventTime', 'recordTime');
const opArb = fc.constantFrom('$gte', '$gt', '$lt', '$lte');
const leafArb: fc.Arbitrary<Filter> = fc.oneof(
  valueArb.map((v) => ({ 'q.epc': v })),
  fc.array(valueArb, { maxLength: 3 }).map((vs) => ({ 'q.epc': { $in: vs } })),
  valueArb.map((v) => ({ 'q.bizStep': { $eq: v } })),
  fc.integer({ min: 0, max: 3 }).map((n) => ({ 'q.n': { $gte: n } })),
  fc.nat({ max: 45 }).map((i) => ({ eventID: eventIdOf(i) })),
  fc.array(fc.nat({ max: 45 }), { maxLength: 3 }).map((is) => ({ eventID: { $in: is.map(eventIdOf) } })),
  fc.tuple(timePathArb, opArb, dayArb).map(([path, op, d]) => ({ [path]: { [op]: d } })),
  fc.tuple(timePathArb, dayArb, dayArb).map(([path, a, b]) => ({ [path]: { $gte: a, $lt: b } })),
  fc.tuple(timePathArb, dayArb).map(([path, d]) => ({ [path]: d })),
  fc.tuple(timePathArb, dayArb).map(([path, d]) => ({ [path]: { $gt: d, $gte: d } })), // left to mingo
  fc.tuple(timePathArb, dayArb).map(([path, d]) => ({ [path]: { $gte: d.toISOString() } })), // a string: mingo
);
const filterArb: fc.Arbitrary<Filter> = fc.letrec((tie) => ({
  filter: fc.oneof(
    { depthSize: 'small' },
    leafArb,
    fc.array(tie('filter'), { minLength: 1, maxLength: 3 }).map((parts) => ({ $and: parts as Filter[] })),
    fc.array(tie('filter'), { minLength: 1, maxLength: 3 }).map((parts) => ({ $or: parts as Filter[] })),
  ),
})).filter as fc.Arbitrary<Filter>;

const sortArb: fc.Arbitrary<SortSpec | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.tuple(timePathArb, fc.constantFrom(1 as const, -1 as const)).map(([path, d]): SortSpec => [
    [path, d],
    ['_id', d],
  ]),
  fc.tuple(timePathArb, fc.constantFrom(1 as const, -1 as const)).map(([path, d]): SortSpec => [[path, d]]),
  fc.constantFrom<SortSpec>(
    [
      ['q.n', 1],
      ['_id', 1],
    ],
    [['q.n', -1]],
    [['_id', -1]],
  ),
);

/** A keyset position after a random event (or a made-up one) for a time sort, as the query service adds it. */
function withKeyset(filter: Filter, sort: SortSpec | undefined, events: StoredEvent[], pick: number): Filter {
  const [first] = sort ?? [];
  if (!first || (first[0] !== 'eventTime' && first[0] !== 'recordTime') || sort?.[1]?.[0] !== '_id') return filter;
  const event = events[pick % Math.max(1, events.length)];
  const key = event ? (event[first[0]] as Date) : day(2);
  return { $and: [filter, afterPosition(sort, { key, id: event?._id ?? 'ev|500' })] };
}

const ids = (events: StoredEvent[]) => events.map((event) => event._id);

describe('embedded indexed execution', () => {
  it('finds and counts exactly what a full mingo scan finds, in the same order', () => {
    fc.assert(
      fc.property(
        fc.array(docArb, { maxLength: 40 }),
        filterArb,
        sortArb,
        fc.integer({ min: 0, max: 6 }),
        fc.option(fc.nat(), { nil: undefined }),
        (docs, rawFilter, sort, limit, pick) => {
          const events = eventsOf(docs);
          const index = new EventIndex();
          events.forEach((event) => index.add(event));
          const filter = pick === undefined ? rawFilter : withKeyset(rawFilter, sort, events, pick);
          const options: FindOptions = { ...(sort ? { sort } : {}), limit };
          assert.deepEqual(ids(findIndexed(index, filter, options)), ids(runQuery(events, filter, options)));
          assert.equal(countIndexed(index, filter, { limit }), runQuery(events, filter, { limit }).length);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('walks the time order and stops early, or gives up on sparse matches, with the same answer', () => {
    const events = eventsOf(
      Array.from({ length: 3000 }, (_, i) => ({
        epc: [VALUES[i % 4]!],
        bizStep: i % 97 === 0 ? 'rare' : VALUES[i % 3]!,
        n: i % 4,
        eventTime: new Date(Date.UTC(2024, 0, 1) + ((i * 7) % 3000) * 60_000),
        recordTime: day(Math.floor(i / 1000)),
      })),
    );
    const index = new EventIndex();
    events.forEach((event) => index.add(event));
    const cases: [Filter, FindOptions][] = [
      [
        { 'q.epc': { $in: ['a', 'b', 'c'] } },
        {
          sort: [
            ['recordTime', 1],
            ['_id', 1],
          ],
          limit: 31,
        },
      ],
      [
        { 'q.bizStep': 'rare' },
        {
          sort: [
            ['eventTime', -1],
            ['_id', -1],
          ],
          limit: 5,
        },
      ],
      [
        { 'q.bizStep': 'rare', eventTime: { $lt: day(1) } },
        {
          sort: [
            ['eventTime', 1],
            ['_id', 1],
          ],
          limit: 5,
        },
      ],
      [
        { 'q.n': 2 },
        {
          sort: [
            ['eventTime', -1],
            ['_id', -1],
          ],
          limit: 10,
        },
      ],
      [
        { 'q.n': 2 },
        {
          sort: [
            ['eventTime', -1],
            ['_id', -1],
          ],
        },
      ],
      [
        { 'q.epc': 'd', 'q.n': { $ne: 2 } },
        {
          sort: [
            ['recordTime', -1],
            ['_id', -1],
          ],
          limit: 7,
        },
      ],
      [
        {},
        {
          sort: [
            ['recordTime', 1],
            ['_id', 1],
          ],
          limit: 3,
        },
      ],
    ];
    for (const [filter, options] of cases) {
      assert.deepEqual(ids(findIndexed(index, filter, options)), ids(runQuery(events, filter, options)));
      const page = findIndexed(index, filter, options);
      assert.ok(page.length > 0, JSON.stringify(filter));
    }
  });

  it('keeps the errors of mingo for what it does not answer', () => {
    const index = new EventIndex();
    assert.throws(() => findIndexed(index, { $where: 'true' }));
    assert.throws(() => findIndexed(index, { 'q.n': { $foo: 1 } }));
  });
});
