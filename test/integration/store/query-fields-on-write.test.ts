/**
 * Who computes the query fields (EventStore.queryFieldsOnWrite): for a store that computes them as it writes (the
 * MongoDB adapter), the capture service hands over events without `q`, so that a large capture never holds them all;
 * for the others, every event comes with its `q`. Either way the stored events are the same, query fields included:
 * the same document captured both ways into embedded stores (whose commit fills in a missing `q`) gives deep-equal
 * events.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CaptureService } from '../../../src/capture/capture-service';
import { eventPreparation } from '../../../src/server/compose';
import { EmbeddedEventStore } from '../../../src/store/embedded/embedded-event-store';
import type { CommitRequest, EventStore } from '../../../src/store/event-store';
import { createEpcisValidator } from '../../../src/validation';
import { aggregationEvent, EXAMPLE_NS, epcisDocument, objectEvent, range } from '../../support/event-factory';

const request = { behaviour: 'rollback' as const, owner: 'anonymous', namespaces: { example: EXAMPLE_NS } };

/** An embedded store that says it computes query fields on write (or not), recording what it is given. */
function recording(store: EmbeddedEventStore, queryFieldsOnWrite: boolean) {
  // What each request held when it was made (the store then fills in what is missing, in place).
  const requests: { events: { hasQ: boolean }[]; namespaces: CommitRequest['namespaces'] }[] = [];
  const view = Object.create(store, {
    queryFieldsOnWrite: { value: queryFieldsOnWrite },
    commitCapture: {
      value: (commit: CommitRequest) => {
        requests.push({
          events: commit.events.map((event) => ({ hasQ: event.q !== undefined })),
          namespaces: commit.namespaces,
        });
        return store.commitCapture(commit);
      },
    },
  }) as EventStore;
  return { view, requests };
}

describe('capture: query fields computed by the capture service or by the store', function () {
  this.timeout(60_000);
  const dirs: string[] = [];
  after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  async function captureWith(queryFieldsOnWrite: boolean) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'epcis-qfw-'));
    dirs.push(dataDir);
    const store = new EmbeddedEventStore({ dataDir, logger: { warn: () => undefined } });
    await store.open();
    const { view, requests } = recording(store, queryFieldsOnWrite);
    const service = new CaptureService({
      store: view,
      validator: createEpcisValidator(),
      preparation: eventPreparation,
      limits: { maxEvents: 1000 },
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
      newCaptureId: () => 'capture-1',
    });
    const events = [...range(0, 20).map((i) => objectEvent(i)), ...range(0, 20).map((i) => aggregationEvent(i))];
    const job = await service.submit(epcisDocument(events), request);
    await service.drain();
    assert.equal((await store.getJob(job.captureID))?.success, true);
    const stored = await store.findEvents({});
    await store.close();
    return { requests, stored };
  }

  it('hands events without q to a store that computes them on write, with q to the others; stores the same', async () => {
    const onWrite = await captureWith(true);
    const precomputed = await captureWith(false);
    assert.equal(onWrite.requests.length, 1);
    assert.equal(precomputed.requests.length, 1);
    assert.ok(onWrite.requests[0]!.events.every((event) => !event.hasQ));
    assert.ok(precomputed.requests[0]!.events.every((event) => event.hasQ));
    assert.equal(onWrite.requests[0]!.events.length, 40);
    assert.deepEqual(onWrite.requests[0]!.namespaces, request.namespaces);
    const byId = (a: { _id: string }, b: { _id: string }) => a._id.localeCompare(b._id);
    const withoutTimes = (events: typeof onWrite.stored) =>
      events.sort(byId).map(({ recordTime: _r, ...rest }) => ({ ...rest, q: { ...rest.q, recordTime: undefined } }));
    assert.equal(onWrite.stored.length, 40);
    assert.ok(onWrite.stored.every((event) => event.q['type'] === event.type));
    assert.deepEqual(withoutTimes(onWrite.stored), withoutTimes(precomputed.stored));
  });
});
