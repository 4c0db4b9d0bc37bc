/**
 * The MongoDB store on a real MongoDB wire-protocol server (test/support/mongo-server.ts): the storage contract,
 * plus start-up recovery after a simulated crash (DESIGN.md "Capture": undecided captures roll back, decided
 * ones roll forward) and the visibility rule for staged events.
 */
import assert from 'node:assert/strict';
import { MongoClient } from 'mongodb';
import type { JobDocument } from '../../../src/store/mongo/mongo-context';
import { MongoEventStore } from '../../../src/store/mongo/mongo-event-store';
import type { EventStore } from '../../../src/store/event-store';
import type { StoredEvent } from '../../../src/store/stored-event';
import { getTestMongo, uniqueDbName } from '../../support/mongo-server';
import { capture, ids, job, storedEvent } from './store-fixtures';
import { storeContract } from './store-contract';
import { storeQueryContract } from './store-query-contract';

describe('MongoEventStore', function () {
  this.timeout(120_000);
  let uri: string;
  let admin: MongoClient;
  const databases: string[] = [];
  const dbNameOf = new WeakMap<EventStore, string>();

  async function openStore(dbName: string): Promise<MongoEventStore> {
    const store = new MongoEventStore({ uri, dbName, stagedWaitMs: 60_000 });
    await store.open();
    dbNameOf.set(store, dbName);
    return store;
  }

  before(async () => {
    uri = (await getTestMongo()).uri;
    admin = await MongoClient.connect(uri);
  });
  after(async () => {
    for (const name of databases)
      await admin
        .db(name)
        .dropDatabase()
        .catch(() => undefined);
    await admin.close();
  });

  const freshDb = (prefix: string) => {
    const name = uniqueDbName(prefix);
    databases.push(name);
    return name;
  };

  describe('storage contract', () => {
    storeContract({
      create: () => openStore(freshDb('contract')),
      async reopen(store) {
        const dbName = dbNameOf.get(store)!;
        await store.close();
        return openStore(dbName);
      },
    });
  });

  describe('storage contract: query side', () => {
    storeQueryContract({
      create: () => openStore(freshDb('qcontract')),
      async reopen(store) {
        const dbName = dbNameOf.get(store)!;
        await store.close();
        return openStore(dbName);
      },
    });
  });

  describe('crash recovery and visibility', () => {
    let dbName: string;
    beforeEach(() => {
      dbName = freshDb('recovery');
    });

    const staged = (eventID: string, captureID: string): StoredEvent => ({
      ...storedEvent({ eventID }),
      captureID,
      state: 'staged',
      recordTime: null,
    });

    it('hides staged events from every read', async () => {
      const store = await openStore(dbName);
      await capture(store, [storedEvent({ eventID: 'visible' })]);
      await admin.db(dbName).collection<StoredEvent>('events').insertOne(staged('hidden', 'live-capture'));
      assert.deepEqual(ids(await store.findEvents({})), ['ev|visible']);
      assert.deepEqual(await store.findEvents({ eventID: 'hidden' }), []);
      assert.equal(await store.countEvents({}), 1);
      assert.equal(await store.countEvents({ state: 'staged' }), 0);
      await store.close();
    });

    it('rolls an undecided capture back and a decided one forward when it opens', async () => {
      const first = await openStore(dbName);
      const kept = await capture(first, [storedEvent({ eventID: 'kept' })]);
      await first.close();

      // The state a crash leaves behind, written directly.
      const db = admin.db(dbName);
      const jobs = db.collection<JobDocument>('captureJobs');
      const events = db.collection<StoredEvent>('events');
      const recordTime = new Date('2024-06-01T12:00:00.000Z');
      await jobs.insertMany([
        { ...job('undecided', new Date('2024-06-01T11:00:00.000Z'), 2), _id: 'undecided' },
        {
          ...job('decided', new Date('2024-06-01T11:00:00.000Z'), 2),
          _id: 'decided',
          decision: {
            recordTime,
            outcome: { success: true, errors: [] },
            storedCount: 2,
            duplicateCount: 0,
            vocabulary: [{ type: 't', id: 'loc', attributes: [{ id: 'name', attribute: 'Depot' }], children: [] }],
          },
        },
        { ...job('failed-earlier', new Date('2024-06-01T11:00:00.000Z')), _id: 'failed-earlier', running: false },
      ]);
      await events.insertMany([
        staged('u1', 'undecided'),
        staged('u2', 'undecided'),
        staged('d1', 'decided'),
        staged('d2', 'decided'),
        staged('orphan', 'failed-earlier'),
      ]);

      const store = await openStore(dbName);
      assert.deepEqual(store.lastRecovery, { rolledForward: ['decided'], rolledBack: ['undecided'] });
      const visible = await store.findEvents({}, { sort: [['_id', 1]] });
      assert.deepEqual(ids(visible), ['ev|d1', 'ev|d2', 'ev|kept']);
      for (const event of visible.filter((e) => e.captureID === 'decided'))
        assert.deepEqual(event.recordTime, recordTime);
      assert.equal(await events.countDocuments({ state: 'staged' }), 0, 'no staged leftovers');

      const rolledBack = await store.getJob('undecided');
      assert.equal(rolledBack?.running, false);
      assert.equal(rolledBack?.success, false);
      assert.match(rolledBack?.errors[0]?.detail ?? '', /interrupted by a restart/);
      const rolledForward = await store.getJob('decided');
      assert.equal(rolledForward?.running, false);
      assert.equal(rolledForward?.success, true);
      assert.equal(rolledForward?.storedCount, 2);
      assert.deepEqual(rolledForward?.finishedAt, recordTime);
      assert.equal((await jobs.findOne({ _id: 'decided' }))?.decision, undefined, 'the decision is dropped once done');
      assert.deepEqual((await store.findVocabulary({ id: 'loc' }))[0]?.attributes, [
        { id: 'name', attribute: 'Depot' },
      ]);
      assert.equal((await store.getJob(kept.captureID))?.success, true);

      // The store is writable and the released ids can be captured again.
      const again = await capture(store, [storedEvent({ eventID: 'u1' })]);
      assert.deepEqual(again.result.statuses, ['stored']);
      await store.close();
    });

    it('a capture with priority waits for a holder that rolls back, then stores the event itself', async () => {
      const store = await openStore(dbName);
      const db = admin.db(dbName);
      await db.collection<JobDocument>('captureJobs').insertOne({ ...job('zzz-holder'), _id: 'zzz-holder' });
      await db.collection<StoredEvent>('events').insertOne(staged('W', 'zzz-holder'));
      const waiting = capture(store, [storedEvent({ eventID: 'W' })], { captureID: 'aaa-waiter' });
      await new Promise((resolve) => setTimeout(resolve, 150));
      assert.equal(await store.countEvents({}), 0, 'still waiting, nothing visible');
      await db.collection<StoredEvent>('events').deleteMany({ captureID: 'zzz-holder' }); // the holder rolls back
      const { result } = await waiting;
      assert.deepEqual(result.statuses, ['stored']);
      assert.deepEqual(ids(await store.findEvents({ captureID: 'aaa-waiter' })), ['ev|W']);
      await store.close();
    });

    it('clears staged leftovers of a finished capture instead of waiting for them forever', async () => {
      const store = await openStore(dbName);
      const db = admin.db(dbName);
      for (const holder of ['aaa-gone', 'zzz-gone']) {
        await db.collection<JobDocument>('captureJobs').insertOne({ ...job(holder), _id: holder, running: false });
      }
      await db.collection<StoredEvent>('events').insertMany([staged('L1', 'aaa-gone'), staged('L2', 'zzz-gone')]);
      // "mmm" withdraws before "aaa-gone" (smaller id) and waits for "zzz-gone" (greater id): both paths clean up.
      const { result } = await capture(store, [storedEvent({ eventID: 'L1' }), storedEvent({ eventID: 'L2' })], {
        captureID: 'mmm',
      });
      assert.deepEqual(result.statuses, ['stored', 'stored']);
      assert.deepEqual(ids(await store.findEvents({}, { sort: [['_id', 1]] })), ['ev|L1', 'ev|L2']);
      await store.close();
    });

    it('waits for a capture holding the same event and then classifies against its outcome', async () => {
      const store = await openStore(dbName);
      const db = admin.db(dbName);
      // Capture "aaa" (it has priority: smaller id) holds W staged, undecided, as if still running elsewhere.
      await db.collection<JobDocument>('captureJobs').insertOne({ ...job('aaa'), _id: 'aaa' });
      await db.collection<StoredEvent>('events').insertOne(staged('W', 'aaa'));
      const waiting = capture(store, [storedEvent({ eventID: 'W' })], { captureID: 'zzz' });
      await new Promise((resolve) => setTimeout(resolve, 150));
      assert.equal(await store.countEvents({}), 0, 'still waiting, nothing visible');
      // "aaa" commits: its decision, then the flip (what rollForward does).
      await db
        .collection<StoredEvent>('events')
        .updateMany({ captureID: 'aaa' }, { $set: { state: 'committed', recordTime: new Date() } });
      const { result } = await waiting;
      assert.deepEqual(result.statuses, ['identical']);
      assert.deepEqual(ids(await store.findEvents({ captureID: 'aaa' })), ['ev|W']);
      await store.close();
    });
  });
});
