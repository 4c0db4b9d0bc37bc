/**
 * The embedded store: the storage contract, plus its journal's crash behaviour (DESIGN.md "Embedded store":
 * fsync'd before success, replayed at start; a torn last record is dropped, never served, never fatal).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EmbeddedEventStore, INDEXING_SLICE } from '../../../src/store/embedded/embedded-event-store';
import { parseJournal } from '../../../src/store/embedded/journal-codec';
import { JOURNAL_FILE } from '../../../src/store/embedded/journal-file';
import { LOCK_FILE } from '../../../src/store/embedded/data-dir-lock';
import type { EventStore } from '../../../src/store/event-store';
import { capture, ids, job, newCaptureID, storedEvent } from './store-fixtures';
import { storeContract } from './store-contract';
import { storeQueryContract } from './store-query-contract';

const dirs: string[] = [];
const warnings: string[] = [];
const quietLogger = { warn: (message: string) => warnings.push(message) };

function freshDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'epcis-embedded-'));
  dirs.push(dir);
  return dir;
}

async function openAt(dataDir: string): Promise<EmbeddedEventStore> {
  const store = new EmbeddedEventStore({ dataDir, logger: quietLogger });
  await store.open();
  return store;
}

const dataDirOf = new WeakMap<EventStore, string>();

describe('EmbeddedEventStore', () => {
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const harness = {
    async create() {
      const dir = freshDir();
      const store = await openAt(dir);
      dataDirOf.set(store, dir);
      return store;
    },
    async reopen(store: EventStore) {
      const dir = dataDirOf.get(store)!;
      await store.close();
      const reopened = await openAt(dir);
      dataDirOf.set(reopened, dir);
      return reopened;
    },
  };

  describe('storage contract', () => {
    storeContract(harness);
  });

  describe('storage contract: query side', () => {
    storeQueryContract(harness);
  });

  describe('journal and crash recovery', () => {
    let dir: string;
    let journal: string;
    beforeEach(() => {
      dir = path.join(freshDir(), 'nested', 'data'); // created on open
      journal = path.join(dir, JOURNAL_FILE);
      warnings.length = 0;
    });

    it('drops a torn last record (truncated mid-record), keeps everything before it, stays writable', async () => {
      let store = await openAt(dir);
      const first = await capture(store, [storedEvent({ eventID: 'A' }), storedEvent({ eventID: 'B' })]);
      const secondID = newCaptureID();
      await store.createJob(job(secondID));
      const sizeBeforeCommit = statSync(journal).size;
      await store.commitCapture({
        captureID: secondID,
        behaviour: 'rollback',
        events: [storedEvent({ eventID: 'C' })],
        vocabulary: [],
        decide: () => ({ success: true, errors: [] }),
      });
      await store.close();
      const fullSize = statSync(journal).size;
      const goodPrefix = readFileSync(journal).subarray(0, sizeBeforeCommit);
      truncateSync(journal, sizeBeforeCommit + Math.floor((fullSize - sizeBeforeCommit) / 2));

      store = await openAt(dir);
      assert.equal(warnings.length, 1, 'one warning about the dropped record');
      const after = readFileSync(journal);
      assert.deepEqual(after.subarray(0, sizeBeforeCommit), goodPrefix, 'the good records are untouched');
      const tail = parseJournal(after.subarray(sizeBeforeCommit));
      assert.equal(tail.validLength, after.length - sizeBeforeCommit, 'the torn bytes are gone');
      assert.deepEqual(
        tail.records.map((record) => (record as { op: string }).op),
        ['finish'],
        'only the failure of the interrupted job follows',
      );
      assert.deepEqual(ids(await store.findEvents({}, { sort: [['_id', 1]] })), ['ev|A', 'ev|B']);
      const firstJob = await store.getJob(first.captureID);
      assert.equal(firstJob?.success, true);
      const interrupted = await store.getJob(secondID);
      assert.equal(interrupted?.running, false, 'a job running at crash time is failed');
      assert.equal(interrupted?.success, false);
      assert.match(interrupted?.errors[0]?.detail ?? '', /interrupted by a restart/);

      const third = await capture(store, [storedEvent({ eventID: 'D' })]);
      assert.equal(third.result.outcome.success, true);
      await store.close();
      store = await openAt(dir);
      assert.deepEqual(ids(await store.findEvents({}, { sort: [['_id', 1]] })), ['ev|A', 'ev|B', 'ev|D']);
      assert.equal((await store.getJob(secondID))?.success, false, 'the failure of the interrupted job is durable');
      await store.close();
    });

    it('drops garbage appended at the end of the journal', async () => {
      let store = await openAt(dir);
      await capture(store, [storedEvent({ eventID: 'A' })]);
      await store.close();
      const goodSize = statSync(journal).size;
      appendFileSync(journal, Buffer.from('0000002a 00000000 {"op":"finish","torn'));
      store = await openAt(dir);
      assert.equal(warnings.length, 1);
      assert.equal(statSync(journal).size, goodSize);
      assert.deepEqual(ids(await store.findEvents({})), ['ev|A']);
      await capture(store, [storedEvent({ eventID: 'B' })]);
      await store.close();
      store = await openAt(dir);
      assert.deepEqual(ids(await store.findEvents({}, { sort: [['_id', 1]] })), ['ev|A', 'ev|B']);
      await store.close();
    });

    it('refuses to start on corruption in the middle (valid records after a bad one)', async () => {
      const store = await openAt(dir);
      await capture(store, [storedEvent({ eventID: 'A' })]);
      await capture(store, [storedEvent({ eventID: 'B' })]);
      await store.close();
      const content = readFileSync(journal);
      content[30] = content[30] === 0x41 ? 0x42 : 0x41; // inside the first record's JSON: CRC mismatch
      writeFileSync(journal, content);
      await assert.rejects(openAt(dir), /corrupted at byte 0/);
    });

    it('allows one store per data directory; a lock left by a dead process is taken over', async () => {
      const store = await openAt(dir);
      await assert.rejects(openAt(dir), /already open/);
      await store.close();
      writeFileSync(path.join(dir, LOCK_FILE), String(process.ppid)); // a live process that is not us
      await assert.rejects(openAt(dir), /in use by another running process/);
      const dead = spawnSync(process.execPath, ['-e', '']).pid!;
      writeFileSync(path.join(dir, LOCK_FILE), String(dead));
      const reopened = await openAt(dir);
      await reopened.close();
    });

    it('restores Dates as Dates (event fields, precomputed fields, jobs) after a replay', async () => {
      let store = await openAt(dir);
      const event = storedEvent({ eventID: 'T', q: { times: [new Date('2020-02-02T00:00:00Z')] } });
      const { captureID } = await capture(store, [event]);
      await store.close();
      store = await openAt(dir);
      const [found] = await store.findEvents({ 'q.times': { $gte: new Date('2020-01-01T00:00:00Z') } });
      assert.ok(found?.eventTime instanceof Date && found.recordTime instanceof Date);
      assert.deepEqual(found.q, event.q);
      assert.ok((await store.getJob(captureID))?.createdAt instanceof Date);
      await store.close();
    });
  });

  describe('deferred indexing', () => {
    const batch = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) =>
        storedEvent({ eventID: `D${from + i}`, q: { bizStep: (from + i) % 2 === 0 ? 'even' : 'odd' } }),
      );
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

    it('answers a query right after a commit with every event, and makes the postings a slice per turn', async () => {
      const dir = freshDir();
      let store = await openAt(dir);
      const count = 2 * INDEXING_SLICE + 100;
      await capture(store, batch(0, count));
      // The commit has answered; its events' postings are still to be made, and a query makes them first.
      assert.equal(store.indexingBehind, count);
      assert.equal((await store.findEvents({ 'q.bizStep': 'even' })).length, count / 2);
      assert.equal(store.indexingBehind, 0);

      await capture(store, batch(count, count));
      assert.equal(store.indexingBehind, count);
      await nextTurn();
      assert.equal(store.indexingBehind, count - INDEXING_SLICE, 'one slice per turn');
      for (let turn = 0; turn < 5 && store.indexingBehind > 0; turn += 1) await nextTurn();
      assert.equal(store.indexingBehind, 0, 'the store catches up by itself');
      assert.equal(await store.countEvents({ 'q.bizStep': 'odd' }), count);

      // Closed before catching up, then reopened: the replay indexes everything.
      await capture(store, batch(2 * count, 10));
      assert.equal(store.indexingBehind, 10);
      await store.close();
      store = await openAt(dir);
      assert.equal(store.indexingBehind, 0);
      assert.equal(await store.countEvents({ 'q.bizStep': 'even' }), count + 5);
      await store.close();
    });
  });
});
