/**
 * The storage port's contract (src/store/event-store.ts), run unchanged over both adapters: jobs, atomic capture
 * under rollback and proceed, identity and idempotence (EPCIS 2.0 §7.4.1.2), recordTime assigned at commit,
 * concurrency, visibility, master data merging and encoded keys.
 */
import assert from 'node:assert/strict';
import { EpcisError } from '../../../src/errors/epcis-errors';
import type { EventStore } from '../../../src/store/event-store';
import { capture, ids, job, newCaptureID, storedEvent, strictDecide } from './store-fixtures';
import { runOverlappingCaptures } from './store-concurrency';

export interface StoreHarness {
  /** A fresh, opened, empty store. */
  create(): Promise<EventStore>;
  /** Closes the store and opens a new instance over the same data. */
  reopen(store: EventStore): Promise<EventStore>;
}

export function storeContract(harness: StoreHarness): void {
  let store: EventStore;
  beforeEach(async () => {
    store = await harness.create();
  });
  afterEach(async () => {
    await store.close();
  });

  it('creates, gets and lists jobs by (createdAt, captureID) with keyset pagination', async () => {
    const t = Date.parse('2024-05-01T10:00:00.000Z');
    const jobs = [
      job('job-c', new Date(t + 2000)),
      job('job-a', new Date(t)),
      job('job-e', new Date(t + 1000)),
      job('job-b', new Date(t)),
      job('job-d', new Date(t + 1000)),
    ];
    for (const record of jobs) await store.createJob(record);
    assert.deepEqual(await store.getJob('job-e'), jobs[2]);
    assert.equal(await store.getJob('job-zzz'), null);
    await assert.rejects(store.createJob(job('job-a')), (error: unknown) => {
      return error instanceof EpcisError && error.exception === 'ResourceAlreadyExistsException';
    });

    const seen: string[] = [];
    let after: { createdAt: Date; captureID: string } | undefined;
    for (;;) {
      const page = await store.listJobs({ ...(after ? { after } : {}), limit: 2 });
      if (page.length === 0) break;
      assert.ok(page.length <= 2);
      seen.push(...page.map((record) => record.captureID));
      const last = page[page.length - 1]!;
      after = { createdAt: last.createdAt, captureID: last.captureID };
    }
    assert.deepEqual(seen, ['job-a', 'job-b', 'job-d', 'job-e', 'job-c']);
  });

  it('failJob finishes a job without events; the record survives a reopen with its Dates', async () => {
    const created = job(newCaptureID(), new Date('2024-05-01T10:00:00.000Z'));
    await store.createJob(created);
    const problem = { type: 'epcisException:ValidationException', title: 'Invalid', status: 400, detail: 'bad' };
    await store.failJob(created.captureID, [problem]);
    store = await harness.reopen(store);
    const failed = await store.getJob(created.captureID);
    assert.ok(failed);
    assert.equal(failed.running, false);
    assert.equal(failed.success, false);
    assert.deepEqual(failed.errors, [problem]);
    assert.ok(failed.finishedAt instanceof Date && failed.createdAt instanceof Date);
    assert.deepEqual(failed.createdAt, created.createdAt);
  });

  it('rollback with a conflict stores nothing and fails the job', async () => {
    await capture(store, [storedEvent({ eventID: 'A' })]);
    const events = [
      storedEvent({ eventID: 'B' }),
      storedEvent({ eventID: 'A', body: { changed: true } }),
      storedEvent({ eventID: 'C' }),
    ];
    const { captureID, result } = await capture(store, events);
    assert.deepEqual(result.statuses, ['stored', 'conflict', 'stored']);
    assert.equal(result.outcome.success, false);
    assert.equal(result.recordTime, null);
    assert.deepEqual(ids(await store.findEvents({})), ['ev|A']);
    const finished = await store.getJob(captureID);
    assert.equal(finished?.running, false);
    assert.equal(finished?.success, false);
    assert.equal(finished?.storedCount, 0);
    assert.equal(finished?.errors.length, 1);
    assert.equal(finished?.errors[0]?.instance, '/epcisBody/eventList/1');
  });

  it('proceed stores the valid events and reports the rejected ones', async () => {
    await capture(store, [storedEvent({ eventID: 'A' })]);
    const events = [
      storedEvent({ eventID: 'B' }),
      storedEvent({ eventID: 'A', body: { changed: true } }),
      storedEvent({ eventID: 'C' }),
    ];
    const { captureID, result } = await capture(store, events, { behaviour: 'proceed' });
    assert.deepEqual(result.statuses, ['stored', 'conflict', 'stored']);
    assert.deepEqual(ids(await store.findEvents({}, { sort: [['_id', 1]] })), ['ev|A', 'ev|B', 'ev|C']);
    const stored = await store.findEvents({ _id: 'ev|A' });
    assert.deepEqual(stored[0]?.event, storedEvent({ eventID: 'A' }).event, 'the original is kept');
    const finished = await store.getJob(captureID);
    assert.equal(finished?.running, false);
    assert.equal(finished?.storedCount, 2);
    assert.equal(finished?.success, false);
    assert.deepEqual(finished?.errors, result.outcome.errors);
  });

  it('an identical re-capture is idempotent: statuses identical, nothing stored again', async () => {
    const events = [storedEvent({ eventID: 'A' }), storedEvent({ eventID: 'B' })];
    const first = await capture(store, events);
    const again = await capture(store, events);
    assert.deepEqual(again.result.statuses, ['identical', 'identical']);
    assert.equal(again.result.outcome.success, true);
    assert.equal(again.result.recordTime, null);
    const stored = await store.findEvents({}, { sort: [['_id', 1]] });
    assert.deepEqual(ids(stored), ['ev|A', 'ev|B']);
    assert.ok(stored.every((event) => event.captureID === first.captureID));
    assert.deepEqual(
      stored.map((event) => event.recordTime),
      [first.result.recordTime, first.result.recordTime],
    );
    const job2 = await store.getJob(again.captureID);
    assert.equal(job2?.success, true);
    assert.equal(job2?.storedCount, 0);
    assert.equal(job2?.duplicateCount, 2);
  });

  it('repeats inside one document: identical ones count once, different ones conflict', async () => {
    const events = [
      storedEvent({ eventID: 'A' }),
      storedEvent({ eventID: 'A' }),
      storedEvent({ eventID: 'B' }),
      storedEvent({ eventID: 'B', body: { other: 1 } }),
    ];
    const { result } = await capture(store, events, { behaviour: 'proceed' });
    assert.deepEqual(result.statuses, ['stored', 'identical', 'stored', 'conflict']);
    assert.equal(await store.countEvents({}), 2);
  });

  it('stores an error declaration (ed|...) beside the original event (ev|...)', async () => {
    await capture(store, [storedEvent({ eventID: 'X' })]);
    const { result } = await capture(store, [storedEvent({ eventID: 'X', errorDeclaration: true })]);
    assert.deepEqual(result.statuses, ['stored']);
    const stored = await store.findEvents({ eventID: 'X' }, { sort: [['_id', 1]] });
    assert.deepEqual(ids(stored), ['ed|X', 'ev|X']);
    assert.deepEqual(
      stored.map((event) => event.isErrorDeclaration),
      [true, false],
    );
  });

  it('assigns one recordTime per capture at commit, not before the job was created', async () => {
    const captureID = newCaptureID();
    const created = job(captureID, new Date());
    await store.createJob(created);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const events = [1, 2, 3].map((n) => storedEvent({ eventID: `R${n}` }));
    const result = await store.commitCapture({
      captureID,
      behaviour: 'rollback',
      events,
      vocabulary: [],
      decide: strictDecide,
    });
    assert.ok(result.recordTime instanceof Date);
    assert.ok(result.recordTime.getTime() > created.createdAt.getTime());
    const stored = await store.findEvents({ captureID });
    assert.equal(stored.length, 3);
    for (const event of stored) {
      assert.deepEqual(event.recordTime, result.recordTime);
      assert.equal(event.state, 'committed');
    }
    const finished = await store.getJob(captureID);
    assert.ok(finished?.finishedAt && finished.finishedAt.getTime() >= result.recordTime.getTime());
    const later = await capture(store, [storedEvent({ eventID: 'R9' })]);
    assert.ok(later.result.recordTime && later.result.recordTime.getTime() >= result.recordTime.getTime());
  });

  it('never shows the events of an undecided or rolled-back capture', async () => {
    const captureID = newCaptureID();
    await store.createJob(job(captureID));
    let peek: Promise<number> | null = null;
    const result = await store.commitCapture({
      captureID,
      behaviour: 'rollback',
      events: [storedEvent({ eventID: 'S1' }), storedEvent({ eventID: 'S2' })],
      vocabulary: [],
      decide: () => {
        peek = store.countEvents({}); // issued while the capture is staged and undecided
        return { success: false, errors: [] };
      },
    });
    assert.equal(await peek, 0);
    assert.equal(result.recordTime, null);
    assert.equal(await store.countEvents({}), 0);
    assert.deepEqual(await store.findEvents({ eventID: 'S1' }), []);
  });

  it('stores each distinct event once under 10 concurrent overlapping captures; jobs stay consistent', async () => {
    await runOverlappingCaptures([store]);
  });

  it('merges master data by (type, id): attributes by id, children as a set', async () => {
    const type = 'urn:epcglobal:epcis:vtype:BusinessLocation';
    const id = 'urn:epc:id:sgln:0614141.00777.0';
    await capture(store, [storedEvent({ eventID: 'V1' })], {
      vocabulary: [
        {
          type,
          id,
          attributes: [
            { id: 'name', attribute: 'Old' },
            { id: 'city', attribute: 'Brussels' },
          ],
          children: ['c1'],
        },
      ],
    });
    await capture(store, [storedEvent({ eventID: 'V2' })], {
      vocabulary: [
        {
          type,
          id,
          attributes: [
            { id: 'name', attribute: 'New' },
            { id: 'zip', attribute: '1000' },
          ],
          children: ['c2', 'c1'],
        },
        { type, id: 'other', attributes: [], children: [] },
      ],
    });
    const found = await store.findVocabulary({ type, id });
    assert.deepEqual(found, [
      {
        type,
        id,
        attributes: [
          { id: 'name', attribute: 'New' },
          { id: 'city', attribute: 'Brussels' },
          { id: 'zip', attribute: '1000' },
        ],
        children: ['c1', 'c2'],
      },
    ]);
    assert.equal((await store.findVocabulary({ type })).length, 2);
  });

  it('keeps encoded keys (%2E, %24) and raw dotted master-data keys losslessly, across a reopen', async () => {
    const body = { 'example:a%2Eb': { '%24gt': 1, 'x%25y': ['%24where'] }, 'http://ns%2Eexample%2Ecom/f': 'v' };
    const event = storedEvent({ eventID: 'K', body });
    const attribute = { 'a.b': { $gt: 1, $date: 5 } };
    await capture(store, [event], {
      vocabulary: [{ type: 't', id: 'i', attributes: [{ id: 'ext', attribute }], children: [] }],
    });
    store = await harness.reopen(store);
    const [found] = await store.findEvents({ 'event.example:a%2Eb.%24gt': 1 });
    assert.deepEqual(found?.event, event.event);
    assert.deepEqual(found?.eventTime, event.eventTime);
    assert.deepEqual((await store.findVocabulary({ id: 'i' }))[0]?.attributes, [{ id: 'ext', attribute }]);
  });

  it('saves learned company prefix lengths by digits (a later entry replaces one), across a reopen', async () => {
    assert.deepEqual(await store.loadCompanyPrefixes(), []);
    await store.saveCompanyPrefixes([]);
    await store.saveCompanyPrefixes([
      ['0614141', 7],
      ['95012345', 8],
    ]);
    await store.saveCompanyPrefixes([
      ['0614141', 7],
      ['4012345', 7],
      ['06', 8],
    ]);
    await store.saveCompanyPrefixes([['06', 9]]);
    const expected = [
      ['06', 9],
      ['0614141', 7],
      ['4012345', 7],
      ['95012345', 8],
    ];
    assert.deepEqual(await store.loadCompanyPrefixes(), expected);
    store = await harness.reopen(store);
    assert.deepEqual(await store.loadCompanyPrefixes(), expected);
  });
}
