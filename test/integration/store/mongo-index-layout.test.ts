/**
 * Index layouts (src/store/mongo/mongo-index-layout.ts): a new database gets the `terms` index, no per-family index
 * and no captureID index (one an earlier version created is dropped); a database written by an earlier version
 * (per-family indexes, events without index terms) keeps its layout and its events stay found; an empty one of the
 * earlier layout is moved to the new one.
 */
import assert from 'node:assert/strict';
import { MongoClient } from 'mongodb';
import { MongoEventStore } from '../../../src/store/mongo/mongo-event-store';
import type { StoredEvent } from '../../../src/store/stored-event';
import { objectEvent, range } from '../../support/event-factory';
import { getTestMongo, uniqueDbName } from '../../support/mongo-server';
import { preparedEvents } from '../../support/seed-events';
import { capture } from './store-fixtures';

describe('MongoDB store: index layouts', function () {
  this.timeout(120_000);
  let client: MongoClient;
  let uri: string;
  const dbNames: string[] = [];

  before(async () => {
    uri = (await getTestMongo()).uri;
    client = await MongoClient.connect(uri);
  });
  after(async () => {
    for (const name of dbNames) await client.db(name).dropDatabase();
    await client.close();
  });

  const newDb = () => {
    const name = uniqueDbName('layout');
    dbNames.push(name);
    return name;
  };
  const indexNames = async (dbName: string) =>
    (await client.db(dbName).collection('events').listIndexes().toArray()).map((index) => String(index.name)).sort();
  const earlierLayout = async (dbName: string) => {
    const events = client.db(dbName).collection<StoredEvent>('events');
    await events.createIndex({ captureID: 1 }, { name: 'captureID' });
    await events.createIndex({ 'q.bizStep': 1 }, { name: 'q_q_bizStep_1' });
    await events.createIndex({ type: 1 }, { name: 'type' });
    return events;
  };
  const bizStepOf = (i: number) => (i % 2 === 0 ? 'shipping' : 'receiving');

  it('creates the terms index and no per-family index in a new database', async () => {
    const dbName = newDb();
    const store = new MongoEventStore({ uri, dbName });
    await store.open();
    await store.close();
    assert.deepEqual(await indexNames(dbName), ['_id_', 'q_eventTime_1__id_1', 'q_recordTime_1__id_1', 'terms']);
  });

  it('keeps the layout of a database with events of the earlier version, whose events are still found', async () => {
    const dbName = newDb();
    const events = await earlierLayout(dbName);
    const old = preparedEvents(
      range(0, 40).map((i) => objectEvent(i, { bizStep: bizStepOf(i) })),
      'earlier',
      new Date('2024-06-01T00:00:00.000Z'),
    );
    await events.insertMany(old, { ordered: false }); // as the earlier version wrote them: no `qt`
    const store = new MongoEventStore({ uri, dbName });
    await store.open();
    try {
      const { result } = await capture(
        store,
        preparedEvents([objectEvent(100, { bizStep: 'shipping' })], 'x', new Date()),
      );
      assert.deepEqual(result.statuses, ['stored']);
      const shipping = await store.findEvents({ 'q.bizStep': { $in: ['shipping'] } });
      assert.equal(shipping.length, 21, 'the 20 earlier events and the new one');
      // Their captures released their claims: a capture looks each key up in `events` there.
      const again = preparedEvents(
        [objectEvent(3, { bizStep: bizStepOf(3) }), objectEvent(4, { bizStep: 'other' })],
        'again',
        new Date(),
      );
      const { result: recaptured } = await capture(store, again, { behaviour: 'proceed' });
      assert.deepEqual(recaptured.statuses, ['identical', 'conflict']);
    } finally {
      await store.close();
    }
    const names = await indexNames(dbName);
    assert.ok(names.includes('q_q_bizStep_1') && names.includes('type') && !names.includes('terms'), names.join());
    assert.ok(names.includes('captureID'), `its recovery searches events by captureID: ${names.join()}`);
  });

  it('moves an empty database of the earlier layout to the terms index', async () => {
    const dbName = newDb();
    await earlierLayout(dbName);
    const store = new MongoEventStore({ uri, dbName });
    await store.open();
    try {
      await capture(store, preparedEvents([objectEvent(1, { bizStep: 'shipping' })], 'x', new Date()));
      assert.equal((await store.findEvents({ 'q.bizStep': 'shipping' })).length, 1);
    } finally {
      await store.close();
    }
    const names = await indexNames(dbName);
    assert.ok(!names.includes('q_q_bizStep_1') && !names.includes('type') && names.includes('terms'), names.join());
    assert.ok(!names.includes('captureID'), names.join());
  });

  it('drops the captureID index an earlier version gave the events of a terms-layout database', async () => {
    const dbName = newDb();
    const first = new MongoEventStore({ uri, dbName });
    await first.open();
    await capture(first, preparedEvents([objectEvent(1)], 'x', new Date()));
    await first.close();
    await client.db(dbName).collection('events').createIndex({ captureID: 1 }, { name: 'captureID' });
    // Two instances open at once: each may find the index, only one can drop it.
    const stores = [new MongoEventStore({ uri, dbName }), new MongoEventStore({ uri, dbName })];
    await Promise.all(stores.map((store) => store.open()));
    for (const store of stores) await store.close();
    assert.ok(!(await indexNames(dbName)).includes('captureID'));
  });
});
