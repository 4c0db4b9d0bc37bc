/**
 * A large capture shares the event loop (src/capture/turn-budget.ts): `submit` returns (the 202) after the first
 * slice of validation, not after every event was validated and prepared, and the capture then completes. The XML
 * path starts that work (`begin`) while the schema validation runs, and drops it when the document is refused.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CaptureService } from '../../../src/capture/capture-service';
import type { EventValidator } from '../../../src/capture/ports';
import { eventPreparation } from '../../../src/server/compose';
import { EmbeddedEventStore } from '../../../src/store/embedded/embedded-event-store';
import { createEpcisValidator } from '../../../src/validation';
import { epcisDocument, objectEvent, range } from '../../support/event-factory';

const namespaces = { example: 'http://ns.example.com/epcis/' };
const request = { behaviour: 'rollback' as const, owner: 'anonymous', namespaces };

/** An embedded store and a capture service whose validator counts the events it validated. */
async function countingService(): Promise<{
  service: CaptureService;
  store: EmbeddedEventStore;
  validated: () => number;
  close: () => Promise<void>;
}> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'epcis-turns-'));
  const store = new EmbeddedEventStore({ dataDir, logger: { warn: () => undefined } });
  await store.open();
  const real = createEpcisValidator();
  let validated = 0;
  const validator: EventValidator = {
    validateDocumentEnvelope: (document) => real.validateDocumentEnvelope(document),
    validateEvent: (event, where, options) => {
      validated += 1;
      return real.validateEvent(event, where, options);
    },
  };
  const service = new CaptureService({
    store,
    validator,
    preparation: eventPreparation,
    limits: { maxEvents: 100_000 },
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  const close = async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { service, store, validated: () => validated, close };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('capture: sharing the event loop', function () {
  this.timeout(60_000);

  it('answers before validating every event of a large document, then stores them all', async () => {
    const { service, store, validated, close } = await countingService();
    try {
      const count = 5000;
      const job = await service.submit(epcisDocument(range(0, count).map((i) => objectEvent(i))), request);
      assert.ok(validated() < count, `submit returned after ${validated()} of ${count} events were validated`);
      await service.drain();
      assert.equal(validated(), count);
      const finished = await store.getJob(job.captureID);
      assert.equal(finished?.success, true);
      assert.equal(await store.countEvents({}), count);
    } finally {
      await close();
    }
  });

  it('begin validates events before the document is submitted; submit goes on from there, validating each once', async () => {
    const { service, store, validated, close } = await countingService();
    try {
      const count = 5000;
      const document = epcisDocument(range(0, count).map((i) => objectEvent(i)));
      const begun = service.begin(document, request);
      while (validated() < count / 2) await turn(); // the caller's other work (XML: the schema validation) goes on
      assert.equal(await store.getJob(begun.captureID), null, 'nothing stored before submit');
      const job = await service.submit(document, request, begun);
      assert.equal(job.captureID, begun.captureID);
      await service.drain();
      assert.equal(validated(), count, 'every event validated exactly once');
      assert.equal((await store.getJob(job.captureID))?.success, true);
      assert.equal(await store.countEvents({}), count);
    } finally {
      await close();
    }
  });

  it('a begun capture that is cancelled stops validating and stores nothing', async () => {
    const { service, store, validated, close } = await countingService();
    try {
      const count = 5000;
      const begun = service.begin(epcisDocument(range(0, count).map((i) => objectEvent(i))), request);
      begun.cancel();
      for (let i = 0; i < 50; i += 1) await turn();
      assert.ok(validated() < count, `stopped after ${validated()} of ${count} events`);
      assert.equal(await store.getJob(begun.captureID), null);
      assert.equal(await store.countEvents({}), 0);
    } finally {
      await close();
    }
  });

  it('begin refuses an envelope or a limit problem at once, as submit does', async () => {
    const { service, validated, close } = await countingService();
    try {
      assert.throws(() => service.begin({ type: 'EPCISDocument' }, request), { exception: 'ValidationException' });
      const tooMany = epcisDocument(range(0, 100_001).map(() => ({})));
      assert.throws(() => service.begin(tooMany, request), { exception: 'CaptureLimitExceededException' });
      assert.equal(validated(), 0);
    } finally {
      await close();
    }
  });
});
