/**
 * The query side of the storage port (src/store/event-store.ts), run unchanged over both adapters: distinct
 * values for the resource collections, named queries (kept across a reopen), and the in-memory/MongoDB indexes
 * never changing an answer (an indexed equality gives what a scan gives).
 */
import assert from 'node:assert/strict';
import { EpcisError } from '../../../src/errors/epcis-errors';
import type { EventStore, NamedQueryRecord } from '../../../src/store/event-store';
import type { StoreHarness } from './store-contract';
import { capture, ids, storedEvent } from './store-fixtures';

const named = (name: string, createdAt = new Date('2024-06-01T00:00:00.000Z')): NamedQueryRecord => ({
  name,
  query: { EQ_bizStep: ['shipping'], 'EQ_ex:f.x': ['$v'], '@context': [{ ex: 'http://ex/' }] },
  namespaces: { 'e.x': 'http://ex2/' },
  createdAt,
  owner: 'anonymous',
});

export function storeQueryContract(harness: StoreHarness): void {
  let store: EventStore;
  beforeEach(async () => {
    store = await harness.create();
  });
  afterEach(async () => {
    await store.close();
  });

  it('distinctValues: strings of several paths (arrays item by item), code point order, keyset pages', async () => {
    await capture(store, [
      storedEvent({ eventID: 'A', q: { epc: ['b', 'é', 'a'], parentID: 'p' } }),
      storedEvent({ eventID: 'B', q: { epc: ['b', 'Z'], bizStep: 'x' } }),
      storedEvent({ eventID: 'C', q: { epc: [], parentID: 'b' } }),
    ]);
    const paths = ['q.epc', 'q.parentID'];
    assert.deepEqual(await store.distinctValues(paths, { limit: 10 }), ['Z', 'a', 'b', 'p', 'é']);
    assert.deepEqual(await store.distinctValues(paths, { limit: 2 }), ['Z', 'a']);
    assert.deepEqual(await store.distinctValues(paths, { after: 'a', limit: 2 }), ['b', 'p']);
    assert.deepEqual(await store.distinctValues(paths, { after: 'p', limit: 2 }), ['é']);
    assert.deepEqual(await store.distinctValues(paths, { after: 'é', limit: 2 }), []);
    assert.deepEqual(await store.distinctValues(['q.bizStep'], { limit: 5 }), ['x']);
    assert.deepEqual(await store.distinctValues(['q.nothing'], { limit: 5 }), []);
  });

  it('named queries: create, 409 on a taken name, get, list by name in pages, delete, across a reopen', async () => {
    for (const name of ['b', 'a', 'c d', 'é']) await store.createNamedQuery(named(name));
    await assert.rejects(
      store.createNamedQuery(named('a')),
      (error: unknown) => error instanceof EpcisError && error.exception === 'ResourceAlreadyExistsException',
    );
    store = await harness.reopen(store);
    assert.deepEqual(await store.getNamedQuery('c d'), named('c d'));
    assert.equal(await store.getNamedQuery('zzz'), null);
    const first = await store.listNamedQueries({ limit: 2 });
    assert.deepEqual(
      first.map((r) => r.name),
      ['a', 'b'],
    );
    const rest = await store.listNamedQueries({ after: 'b', limit: 5 });
    assert.deepEqual(
      rest.map((r) => r.name),
      ['c d', 'é'],
    );
    assert.equal(await store.deleteNamedQuery('b'), true);
    assert.equal(await store.deleteNamedQuery('b'), false);
    store = await harness.reopen(store);
    assert.equal(await store.getNamedQuery('b'), null);
    assert.equal((await store.listNamedQueries({ limit: 10 })).length, 3);
    await store.createNamedQuery(named('b'));
  });

  it('indexed equality, $in and $or give what a scan gives, in the same order', async () => {
    const events = Array.from({ length: 30 }, (_, n) =>
      storedEvent({
        eventID: `I${String(n).padStart(2, '0')}`,
        eventTime: `2024-01-01T00:00:${String(59 - n).padStart(2, '0')}.000Z`,
        q: { epc: [`e${n % 4}`, `e${n % 7}`], bizStep: n % 2 ? 'shipping' : 'receiving', parentID: `p${n % 3}` },
      }),
    );
    for (let start = 0; start < events.length; start += 10) await capture(store, events.slice(start, start + 10));
    const scanOf = (predicate: (n: number) => boolean) =>
      events.filter((_, n) => predicate(n)).map((event) => event._id);
    const sorted = { sort: [['_id', 1]] as [string, 1][] };
    assert.deepEqual(
      ids(await store.findEvents({ 'q.epc': 'e3' }, sorted)),
      scanOf((n) => n % 4 === 3 || n % 7 === 3),
    );
    assert.deepEqual(
      ids(await store.findEvents({ $and: [{ 'q.epc': { $in: ['e1', 'e5'] } }, { 'q.bizStep': 'shipping' }] }, sorted)),
      scanOf((n) => (n % 4 === 1 || n % 7 === 1 || n % 7 === 5) && n % 2 === 1),
    );
    assert.deepEqual(
      ids(await store.findEvents({ $or: [{ 'q.epc': 'e6' }, { 'q.parentID': 'p2' }] }, sorted)),
      scanOf((n) => n % 7 === 6 || n % 3 === 2),
    );
    const byTime = await store.findEvents({ 'q.bizStep': 'receiving' }, { sort: [['eventTime', 1]], limit: 3 });
    assert.deepEqual(ids(byTime), ['ev|I28', 'ev|I26', 'ev|I24']);
    assert.equal(
      await store.countEvents({ 'q.epc': { $in: ['e0'] } }),
      scanOf((n) => n % 4 === 0 || n % 7 === 0).length,
    );
  });
}
