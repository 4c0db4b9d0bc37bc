/**
 * POST /capture with the event-check worker (capture/event-check-pool.ts) validating every JSON document's events
 * (EPCIS_VALIDATION_WORKER_MIN_BYTES=0): each capture ends exactly as it does when the capture validates its events
 * itself (job outcome, errors, stored events), over both stores, under rollback and proceed; and a document the
 * server refuses on receipt leaves no job behind in the worker.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import { sharedEventCheckPool } from '../../../src/capture/event-check-pool';
import { defaultConfig } from '../../../src/config/config';
import type { JsonObject } from '../../../src/model/types';
import { allEvents, captureAndWait, STORE_KINDS, startTestApp, type TestApp } from '../../support/app-harness';
import { aggregationEvent, epcisDocument, objectEvent, range } from '../../support/event-factory';

const withWorker = (minBytes: number | null) => ({
  capture: { ...defaultConfig().capture, validationWorkerMinBytes: minBytes },
});

/** What a finished job says, without what differs between any two captures (ids and times). */
const outcome = (job: JsonObject): JsonObject =>
  Object.fromEntries(Object.entries(job).filter(([key]) => !['captureID', 'createdAt', 'finishedAt'].includes(key)));

const withoutRecordTime = (events: JsonObject[]): JsonObject[] =>
  events.map((event) => Object.fromEntries(Object.entries(event).filter(([key]) => key !== 'recordTime')));

const documents: [name: string, document: JsonObject, headers: Record<string, string>][] = [
  ['valid events', epcisDocument(range(0, 40).map((i) => (i % 2 ? objectEvent(i) : aggregationEvent(i)))), {}],
  [
    'invalid events, rollback',
    epcisDocument([
      objectEvent(100),
      objectEvent(101, { action: 'SHIP' }),
      'x' as unknown as JsonObject,
      objectEvent(102),
    ]),
    {},
  ],
  [
    'invalid events over several chunks, proceed',
    epcisDocument(range(200, 600).map((i) => (i % 50 === 3 ? objectEvent(i, { eventTime: 'soon' }) : objectEvent(i)))),
    { 'GS1-Capture-Error-Behaviour': 'proceed' },
  ],
  ['events without eventID', epcisDocument(range(900, 5).map((i) => objectEvent(i, { eventID: null }))), {}],
];

for (const kind of STORE_KINDS) {
  describe(`capture with the event-check worker validating the events [${kind}]`, function () {
    this.timeout(120_000);
    const pool = sharedEventCheckPool();
    let checked: TestApp;
    let inThread: TestApp;
    before(async () => {
      await pool.whenReady();
      checked = await startTestApp(kind, withWorker(0));
      inThread = await startTestApp(kind, withWorker(null));
    });
    after(async () => {
      await checked?.close();
      await inThread?.close();
    });

    for (const [name, document, headers] of documents) {
      it(`${name}: the same job and the same stored events as without the worker`, async () => {
        const [before, completed] = [pool.jobsStarted, pool.jobsCompleted];
        const withChecks = await captureAndWait(checked.app, document, headers);
        assert.equal(pool.jobsStarted, before + 1, 'the worker validated the document');
        assert.equal(pool.jobsCompleted, completed + 1, 'and gave every verdict');
        const without = await captureAndWait(inThread.app, document, headers);
        assert.equal(pool.jobsStarted, before + 1, 'no worker without the setting');
        assert.deepEqual(outcome(withChecks), outcome(without));
        assert.deepEqual(
          withoutRecordTime(await allEvents(checked.app)),
          withoutRecordTime(await allEvents(inThread.app)),
        );
        assert.equal(pool.activeJobs, 0);
      });
    }

    it('a document refused on receipt leaves no job in the worker', async () => {
      const before = pool.jobsStarted;
      const tooMany = epcisDocument(range(0, checked.config.capture.maxEvents + 1).map((i) => objectEvent(i)));
      const refusals: [string, number][] = [
        ['{"type": "EPCISDocument", ', 400],
        [JSON.stringify({ ...epcisDocument([objectEvent(1)]), schemaVersion: 7 }), 400],
        [JSON.stringify(tooMany), 413],
      ];
      for (const [body, status] of refusals) {
        const response = await request(checked.app)
          .post('/capture')
          .set('Content-Type', 'application/ld+json')
          .send(body);
        assert.equal(response.status, status, body.slice(0, 80));
      }
      assert.equal(pool.jobsStarted, before + refusals.length);
      assert.equal(pool.activeJobs, 0);
    });
  });
}
