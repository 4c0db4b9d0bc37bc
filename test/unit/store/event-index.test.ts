/**
 * The embedded store's in-memory indexes (src/store/embedded/event-index.ts): events numbered in commit order,
 * the identity map (events by `_id`, serving `eventID` too), posting lists of ascending numbers per string value of
 * an indexed path (array items each, a value held twice by one event once), time indexes fed with every event, and
 * distinct values for the resource collections.
 */
import assert from 'node:assert/strict';
import { EventIndex } from '../../../src/store/embedded/event-index';
import { identityKey, type StoredEvent } from '../../../src/store/stored-event';

const event = (n: number, q: Record<string, unknown>, eventTime: unknown = new Date(n), declaration = false) =>
  ({
    _id: identityKey(`E${n}`, declaration),
    eventID: `E${n}`,
    eventTime,
    recordTime: new Date(0),
    q,
  }) as unknown as StoredEvent;

describe('embedded in-memory indexes', () => {
  it('numbers events in commit order and keeps ascending posting lists per value', () => {
    const index = new EventIndex();
    index.add(event(0, { epc: ['a', 'b', 'a'], bizStep: 'x' }));
    index.add(event(1, { epc: 'b', n: 'a' }));
    index.add(event(2, { epc: [['a']], bizStep: 'x' }));
    assert.equal(index.size, 3);
    assert.equal(index.event(1)._id, 'ev|E1');
    assert.deepEqual(index.posting('q.epc', 'a'), [0]);
    assert.deepEqual(index.posting('q.epc', 'b'), [0, 1]);
    assert.deepEqual(index.posting('q.bizStep', 'x'), [0, 2]);
    assert.deepEqual(index.posting('eventID', 'E2'), [2]);
    assert.deepEqual(index.posting('q.epc', 'zzz'), []);
    assert.equal(index.has('q.n'), false);
    assert.deepEqual(index.posting('q.n', 'a'), []);
  });

  it('holds each _id once, and finds an eventID under both of its identity keys in commit order', () => {
    const index = new EventIndex();
    assert.equal(index.add(event(0, { bizStep: 'x' })), true);
    assert.equal(index.add(event(1, {}, new Date(1), true)), true); // the declaration of E1, before E1 itself
    assert.equal(index.add(event(1, {})), true);
    assert.equal(index.add(event(0, { bizStep: 'y' })), false, 'a second event under ev|E0 is not indexed');
    assert.equal(index.size, 3);
    assert.deepEqual(index.posting('q.bizStep', 'y'), []);
    assert.equal(index.eventById('ev|E0')?.q['bizStep'], 'x');
    assert.equal(index.eventById('ev|E9'), undefined);
    assert.deepEqual(index.posting('eventID', 'E0'), [0]);
    assert.deepEqual(index.posting('eventID', 'E1'), [1, 2]);
    assert.deepEqual(index.posting('eventID', 'E9'), []);
    assert.deepEqual(
      index.all().map((e) => e._id),
      ['ev|E0', 'ed|E1', 'ev|E1'],
    );
    assert.deepEqual(index.distinct(['eventID'], undefined, 10), ['E0', 'E1']);
  });

  it('feeds both time indexes, impure when a time is not a Date', () => {
    const index = new EventIndex();
    index.add(event(0, {}));
    index.add(event(1, {}, '2024-01-01'));
    assert.equal(index.time('recordTime').pure, true);
    assert.equal(index.time('recordTime').size, 2);
    assert.equal(index.time('eventTime').pure, false);
  });

  it('lists distinct values of indexed paths in code point order, after a value, up to a limit', () => {
    const index = new EventIndex();
    for (let i = 0; i < 10; i += 1) index.add(event(i, { epc: [`urn:${i}`], parentID: '\u{1F600}' }));
    index.add(event(10, { parentID: '\uFFFF' }));
    assert.deepEqual(index.distinct(['eventID'], 'E7', 5), ['E8', 'E9']);
    assert.deepEqual(index.distinct(['q.epc', 'q.parentID'], 'urn:8', 3), ['urn:9', '\uFFFF', '\u{1F600}']);
  });

  it('makes postings and time-index entries later, and every read of them catches up first', () => {
    const index = new EventIndex();
    for (let i = 0; i < 5; i += 1) index.add(event(i, { bizStep: i % 2 === 0 ? 'x' : 'y', epc: [`e${i}`] }));
    // The identity is known at once; the rest waits.
    assert.equal(index.behind, 5);
    assert.equal(index.eventById('ev|E3')?.eventID, 'E3');
    index.catchUp(2);
    assert.equal(index.behind, 3);
    // A read of postings, of a time index or of distinct values sees every event added so far.
    assert.deepEqual(index.posting('q.bizStep', 'x'), [0, 2, 4]);
    assert.equal(index.behind, 0);
    index.add(event(5, { bizStep: 'x', epc: ['e5'] }));
    assert.equal(index.time('eventTime').size, 6);
    index.add(event(6, { epc: ['e6'] }));
    assert.deepEqual(index.distinct(['q.epc'], 'e4', 10), ['e5', 'e6']);
    index.add(event(7, { bizStep: 'y' }));
    assert.deepEqual(index.posting('q.bizStep', 'y'), [1, 3, 7]);
    assert.equal(index.behind, 0);
  });
});
