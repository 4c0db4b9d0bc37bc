/**
 * A large capture shares the event loop (src/capture/turn-budget.ts): `submit` returns (the 202) after the first
 * slice of validation, not after every event was validated and prepared, and the capture then completes.
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

describe('capture: sharing the event loop', function () {
  this.timeout(60_000);

  it('answers before validating every event of a large document, then stores them all', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'epcis-turns-'));
    const store = new EmbeddedEventStore({ dataDir, logger: { warn: () => undefined } });
    await store.open();
    try {
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
      const count = 5000;
      const job = await service.submit(epcisDocument(range(0, count).map((i) => objectEvent(i))), {
        behaviour: 'rollback',
        owner: 'anonymous',
        namespaces: { example: 'http://ns.example.com/epcis/' },
      });
      assert.ok(validated < count, `submit returned after ${validated} of ${count} events were validated`);
      await service.drain();
      assert.equal(validated, count);
      const finished = await store.getJob(job.captureID);
      assert.equal(finished?.success, true);
      assert.equal(await store.countEvents({}), count);
    } finally {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
