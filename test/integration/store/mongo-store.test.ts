/**
 * The MongoDB store on a real MongoDB wire-protocol server (test/support/mongo-server.ts): the storage contract,
 * plus start-up recovery after a simulated crash (DESIGN.md "Capture": undecided captures roll back, decided
 * ones roll forward) and the visibility rule for staged events.
 */
import assert from 'node:assert/strict';
import { type Db, MongoClient } from 'mongodb';
import type { InstanceDocument, JobDocument } from '../../../src/store/mongo/mongo-context';
import { MongoEventStore } from '../../../src/store/mongo/mongo-event-store';
import type { EventStore } from '../../../src/store/event-store';
import type { StoredEvent } from '../../../src/store/stored-event';
import { getTestMongo, uniqueDbName } from '../../support/mongo-server';
import { capture, ids, job, storedEvent } from './store-fixtures';
import { runOverlappingCaptures } from './store-concurrency';
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

    /** A running job of another instance that is alive (its lease runs for another minute). */
    async function liveJob(db: Db, captureID: string): Promise<void> {
      const heartbeatAt = new Date(Date.now() + 60_000);
      await db
        .collection<InstanceDocument>('storeInstances')
        .updateOne({ _id: 'other-live-instance' }, { $set: { heartbeatAt } }, { upsert: true });
      await db
        .collection<JobDocument>('captureJobs')
        .insertOne({ ...job(captureID), _id: captureID, instance: 'other-live-instance' });
    }

    const staged = (eventID: string, captureID: string): StoredEvent => ({
      ...storedEvent({ eventID }),
      captureID,
      state: 'staged',
      recordTime: null,
    });

    it('hides staged events from every read', async () => {
      const store = await openStore(dbName);
      await capture(store, [storedEvent({ eventID: 'visible' })]);
      const db = admin.db(dbName);
      await db.collection<StoredEvent>('stagedEvents').insertOne(staged('hidden', 'live-capture'));
      // Defence in depth: even a staged document inside \`events\` is never served.
      await db.collection<StoredEvent>('events').insertOne(staged('misplaced', 'live-capture'));
      // An event written by a pending capture is hidden until the pending mark goes (mongo-pending.ts).
      await db.collection('pendingCaptures').insertOne({ _id: 'writing' as never, since: new Date() });
      await db
        .collection<StoredEvent>('events')
        .insertOne({ ...staged('written', 'writing'), state: 'committed', recordTime: new Date() });
      assert.deepEqual(ids(await store.findEvents({})), ['ev|visible']);
      assert.deepEqual(await store.findEvents({ eventID: { $in: ['hidden', 'misplaced', 'written'] } }), []);
      assert.equal(await store.countEvents({}), 1);
      assert.deepEqual(await store.distinctValues(['eventID'], { limit: 10 }), ['visible']);
      await db.collection('pendingCaptures').deleteOne({ _id: 'writing' as never });
      assert.deepEqual(ids(await store.findEvents({}, { sort: [['_id', 1]] })), ['ev|visible', 'ev|written']);
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
      const stagedEvents = db.collection<StoredEvent>('stagedEvents');
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
      // Claims of the three captures (only `_id` and `captureID` matter in a claim).
      await stagedEvents.insertMany([
        staged('u1', 'undecided'),
        staged('u2', 'undecided'),
        staged('d1', 'decided'),
        staged('d2', 'decided'),
        staged('orphan', 'failed-earlier'),
      ]);
      // Both captures were pending: "undecided" had written one of its two events, "decided" both of its events.
      await db.collection('pendingCaptures').insertMany([
        { _id: 'undecided' as never, since: recordTime },
        { _id: 'decided' as never, since: recordTime },
      ]);
      const written = (eventID: string, captureID: string) => ({
        ...staged(eventID, captureID),
        state: 'committed' as const,
        recordTime,
      });
      await db
        .collection<StoredEvent>('events')
        .insertMany([written('u1', 'undecided'), written('d1', 'decided'), written('d2', 'decided')]);

      const store = await openStore(dbName);
      assert.deepEqual(store.lastRecovery, { rolledForward: ['decided'], rolledBack: ['undecided'] });
      const visible = await store.findEvents({}, { sort: [['_id', 1]] });
      assert.deepEqual(ids(visible), ['ev|d1', 'ev|d2', 'ev|kept']);
      for (const event of visible.filter((e) => e.captureID === 'decided'))
        assert.deepEqual(event.recordTime, recordTime);
      const claimsOf = async (captureID: string) =>
        (await stagedEvents.find({ captureID }).sort({ _id: 1 }).toArray()).map((claim) => claim._id);
      assert.deepEqual(await claimsOf('undecided'), [], 'the rolled-back capture released its claims');
      assert.deepEqual(await claimsOf('decided'), ['ev|d1', 'ev|d2'], 'committed events keep their claims');
      assert.deepEqual(
        (await db.collection('pendingCaptures').find({}).toArray()).map((doc) => doc._id),
        ['undecided'],
        'the rolled-back capture keeps a tombstone, the committed one is visible',
      );
      assert.equal(await db.collection('events').countDocuments({ captureID: 'undecided' }), 0, 'its write is removed');

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

      // The store is writable: the released ids, and the id under a failed capture's leftover claim, are captured
      // again; a committed one is recognised.
      const again = await capture(store, [
        storedEvent({ eventID: 'u1' }),
        storedEvent({ eventID: 'orphan' }),
        storedEvent({ eventID: 'd1' }),
      ]);
      assert.deepEqual(again.result.statuses, ['stored', 'stored', 'identical']);
      assert.deepEqual(await claimsOf(again.captureID), ['ev|orphan', 'ev|u1']);
      await store.close();
    });

    it('several instances with concurrent captures on one database store each event once (wait-die)', async () => {
      const instances = await Promise.all(
        [0, 1, 2].map(async () => {
          const store = new MongoEventStore({ uri, dbName, captureConcurrency: 4, stagedWaitMs: 60_000 });
          await store.open();
          return store;
        }),
      );
      try {
        await runOverlappingCaptures(instances);
      } finally {
        for (const store of instances) await store.close();
      }
    });

    it("leaves a live instance's capture alone when another instance starts, and recovers it once that dies", async () => {
      const first = new MongoEventStore({ uri, dbName, leaseMs: 1000 });
      await first.open();
      await first.createJob(job('in-flight'));
      // Mid-staging: a claim exists, no decision yet.
      await admin.db(dbName).collection<StoredEvent>('stagedEvents').insertOne(staged('F1', 'in-flight'));
      const second = new MongoEventStore({ uri, dbName, leaseMs: 1000 });
      await second.open();
      assert.deepEqual(second.lastRecovery, { rolledForward: [], rolledBack: [] });
      assert.equal((await second.getJob('in-flight'))?.running, true);

      // The first instance keeps working normally...
      const { result } = await capture(first, [storedEvent({ eventID: 'F2' })]);
      assert.deepEqual(result.statuses, ['stored']);
      // ...then disappears without finishing "in-flight" (its lease is removed, as after a crash plus lease expiry).
      await first.close();
      const deadline = Date.now() + 10_000;
      const claims = admin.db(dbName).collection('stagedEvents');
      const settled = async () =>
        !(await second.getJob('in-flight'))?.running && (await claims.countDocuments({ captureID: 'in-flight' })) === 0;
      while (!(await settled()) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const recovered = await second.getJob('in-flight');
      assert.equal(recovered?.running, false, "the survivors' heartbeat sweep rolled it back");
      assert.match(recovered?.errors[0]?.detail ?? '', /interrupted by a restart/);
      assert.equal(await claims.countDocuments({ captureID: 'in-flight' }), 0, 'its claims are released');
      assert.equal(await claims.countDocuments({}), 1, "F2's claim stays: it indexes a committed event");
      await second.close();
    });

    it('an instance restarted under the same stable instanceId recovers its previous run at once', async () => {
      const db = admin.db(dbName);
      // The previous run of "stable-1" crashed a moment ago: its lease still looks current.
      await db
        .collection<InstanceDocument>('storeInstances')
        .insertOne({ _id: 'stable-1', heartbeatAt: new Date(Date.now() + 60_000) });
      await db
        .collection<JobDocument>('captureJobs')
        .insertOne({ ...job('previous-run'), _id: 'previous-run', instance: 'stable-1' });
      await db.collection<StoredEvent>('stagedEvents').insertOne(staged('P1', 'previous-run'));

      const other = new MongoEventStore({ uri, dbName });
      await other.open();
      assert.deepEqual(other.lastRecovery?.rolledBack, [], 'another instance sees a live lease');
      await other.close();

      const restarted = new MongoEventStore({ uri, dbName, instanceId: 'stable-1' });
      await restarted.open();
      assert.deepEqual(restarted.lastRecovery?.rolledBack, ['previous-run']);
      assert.equal((await restarted.getJob('previous-run'))?.running, false);
      assert.equal(await db.collection('stagedEvents').countDocuments({ captureID: 'previous-run' }), 0);
      await restarted.close();
    });

    it('a capture with priority waits for a holder that rolls back, then stores the event itself', async () => {
      const store = await openStore(dbName);
      const db = admin.db(dbName);
      await liveJob(db, 'zzz-holder');
      await db.collection<StoredEvent>('stagedEvents').insertOne(staged('W', 'zzz-holder'));
      const waiting = capture(store, [storedEvent({ eventID: 'W' })], { captureID: 'aaa-waiter' });
      await new Promise((resolve) => setTimeout(resolve, 150));
      assert.equal(await store.countEvents({}), 0, 'still waiting, nothing visible');
      await db.collection<StoredEvent>('stagedEvents').deleteMany({ captureID: 'zzz-holder' }); // the holder rolls back
      const { result } = await waiting;
      assert.deepEqual(result.statuses, ['stored']);
      assert.deepEqual(ids(await store.findEvents({ captureID: 'aaa-waiter' })), ['ev|W']);
      await store.close();
    });

    it('replaces a late write of a rolled-back capture instead of taking it for the stored event', async () => {
      const store = await openStore(dbName);
      const db = admin.db(dbName);
      // "lost" was rolled back by a recovery (tombstone kept), then its process wrote one event late.
      await db.collection('pendingCaptures').insertOne({ _id: 'lost' as never, since: new Date() });
      await db
        .collection<StoredEvent>('events')
        .insertOne({ ...staged('late', 'lost'), contentHash: 'other', state: 'committed', recordTime: new Date() });
      const { result, captureID } = await capture(store, [storedEvent({ eventID: 'late' })]);
      assert.deepEqual(result.statuses, ['stored']);
      const [visible] = await store.findEvents({ eventID: 'late' });
      assert.equal(visible?.captureID, captureID);
      await store.close();
    });

    it('a capture failed by a recovery while it writes removes what it wrote, though its claims are gone', async () => {
      const store = await openStore(dbName);
      const db = admin.db(dbName);
      const captureID = 'overtaken';
      const events = Array.from({ length: 4000 }, (_, i) => storedEvent({ eventID: `o${i}` }));
      const committing = capture(store, events, { captureID });
      // Once its first events are written (hidden), another instance's recovery fails its job and releases its
      // claims (rollBackInterrupted), as when its lease expired: the capture must then remove its events itself.
      const written = () => db.collection('events').countDocuments({ captureID });
      const deadline = Date.now() + 60_000;
      while ((await written()) === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      await db
        .collection<JobDocument>('captureJobs')
        .updateOne({ _id: captureID, running: true }, { $set: { running: false, success: false } });
      await db.collection('stagedEvents').deleteMany({ captureID });
      await assert.rejects(committing, /finished by a concurrent recovery/);
      assert.equal(await written(), 0, 'every event it wrote is removed');
      assert.deepEqual(await store.findEvents({}), []);
      await store.close();
    });

    it('clears staged leftovers of a finished capture instead of waiting for them forever', async () => {
      const store = await openStore(dbName);
      const db = admin.db(dbName);
      for (const holder of ['aaa-gone', 'zzz-gone']) {
        await db.collection<JobDocument>('captureJobs').insertOne({ ...job(holder), _id: holder, running: false });
      }
      await db.collection<StoredEvent>('stagedEvents').insertMany([staged('L1', 'aaa-gone'), staged('L2', 'zzz-gone')]);
      // "mmm" withdraws before "aaa-gone" (smaller id) and waits for "zzz-gone" (greater id): both paths clean up.
      const { result } = await capture(store, [storedEvent({ eventID: 'L1' }), storedEvent({ eventID: 'L2' })], {
        captureID: 'mmm',
      });
      assert.deepEqual(result.statuses, ['stored', 'stored']);
      assert.deepEqual(ids(await store.findEvents({}, { sort: [['_id', 1]] })), ['ev|L1', 'ev|L2']);
      await store.close();
    });

    it('classifies against a holder that committed and kept its claim (claims index committed events)', async () => {
      const store = await openStore(dbName);
      const db = admin.db(dbName);
      await liveJob(db, 'aaa');
      await db.collection<StoredEvent>('stagedEvents').insertOne(staged('K', 'aaa'));
      const waiting = capture(store, [storedEvent({ eventID: 'K' })], { captureID: 'zzz' });
      await new Promise((resolve) => setTimeout(resolve, 150));
      assert.equal(await store.countEvents({}), 0, 'still waiting, nothing visible');
      // "aaa" commits the way mongo-commit.ts does: its event becomes visible, its job finishes, its claim stays.
      await db
        .collection<StoredEvent>('events')
        .insertOne({ ...staged('K', 'aaa'), state: 'committed', recordTime: new Date() });
      await db.collection<JobDocument>('captureJobs').updateOne({ _id: 'aaa' }, { $set: { running: false } });
      const { result } = await waiting;
      assert.deepEqual(result.statuses, ['identical']);
      const claims = await db.collection('stagedEvents').find({}).toArray();
      assert.deepEqual(
        claims.map((claim) => [claim._id, claim['captureID']]),
        [['ev|K', 'aaa']],
      );
      // A real capture keeps the claims of what it stored; capturing it again claims nothing and stores nothing.
      const first = await capture(store, [storedEvent({ eventID: 'N1' }), storedEvent({ eventID: 'N2' })]);
      assert.deepEqual(first.result.statuses, ['stored', 'stored']);
      const second = await capture(store, [
        storedEvent({ eventID: 'N1' }),
        storedEvent({ eventID: 'N2', body: { bizStep: 'other' } }),
      ]);
      assert.deepEqual(second.result.statuses, ['identical', 'conflict']);
      assert.equal(await db.collection('stagedEvents').countDocuments({ captureID: first.captureID }), 2);
      assert.equal(await db.collection('stagedEvents').countDocuments({ captureID: second.captureID }), 0);
      await store.close();
    });
  });
});
