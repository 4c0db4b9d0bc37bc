/**
 * The embedded journal keeps no query fields when a capture names their namespaces (journal-codec.ts `journalForm`):
 * replay recomputes them (replay-query-fields.ts). After a restart, every stored event, its query fields included,
 * must equal what the store held before it, for every kind of event the server captures: the GS1 JSON-LD and XML
 * examples (EPCIS 2.0 and 1.2), the query corpus (custom CURIE business steps, extension values of three types,
 * sensors, error declarations) and extension keys that key-codec encodes.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { defaultConfig } from '../../../src/config/config';
import { createApp } from '../../../src/http/app';
import { createLogger } from '../../../src/logging/logger';
import type { JsonObject } from '../../../src/model/types';
import { composeApp } from '../../../src/server/compose';
import { parseJournal } from '../../../src/store/embedded/journal-codec';
import { JOURNAL_FILE } from '../../../src/store/embedded/journal-file';
import type { EventStore } from '../../../src/store/event-store';
import { openStore } from '../../../src/store/open-store';
import type { StoredEvent } from '../../../src/store/stored-event';
import { waitForJob } from '../../support/app-harness';
import { XML_EXAMPLES, gs1JsonExamples, listFiles, readText, sharedGs1Available } from '../../support/gs1-examples';
import { generateEvent, prng } from '../../support/query-corpus';

const CONTEXT = [
  'https://ref.gs1.org/standards/epcis/epcis-context.jsonld',
  { example: 'http://ns.example.com/epcis/', ex2: 'http://other.example.org/ns#' },
];

const document = (events: JsonObject[]): JsonObject => ({
  '@context': CONTEXT,
  type: 'EPCISDocument',
  schemaVersion: '2.0',
  creationDate: '2024-01-01T00:00:00Z',
  epcisBody: { eventList: events },
});

/** Events whose extension keys key-codec encodes (`.`, a leading `$`, `%`), and a custom CURIE business step. */
const encodedKeyEvents = (): JsonObject[] =>
  ['ex2:a.b', 'example:plain'].map((key, i) => ({
    type: 'ObjectEvent',
    eventID: `urn:uuid:20000000-0000-4000-8000-00000000000${i}`,
    eventTime: `2024-02-0${i + 1}T00:00:00Z`,
    eventTimeZoneOffset: '+00:00',
    epcList: [`urn:epc:id:sgtin:0614141.107346.${i}`],
    action: 'OBSERVE',
    bizStep: 'ex2:packing',
    [key]: { $gt: i, 'a.b': { 'c%d': [{ $ne: null }] }, 'example:when': '2024-03-01T10:00:00+02:00' },
  }));

const byId = (events: StoredEvent[]): Map<string, StoredEvent> => new Map(events.map((event) => [event._id, event]));

describe('embedded store: query fields recomputed by journal replay', function () {
  this.timeout(300_000);
  let dataDir: string;
  let store: EventStore;

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'epcis-replay-q-'));
    store = await openStore({ dataDir });
  });
  after(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores the same events, query fields included, after a restart', async () => {
    const app = createApp(composeApp(defaultConfig({ dataDir, logLevel: 'silent' }), store, createLogger('silent')));
    const proceed = { 'GS1-Capture-Error-Behaviour': 'proceed' };
    const capture = async (body: string, contentType: string) => {
      const response = await request(app)
        .post('/capture')
        .set({ 'Content-Type': contentType, ...proceed })
        .send(body);
      assert.equal(response.status, 202, response.text);
      return waitForJob(app, String(response.headers['location']));
    };
    const random = prng(7);
    const sizes = { epcs: 300, locations: 40, bizSteps: 30 };
    // Under `proceed`: the corpus, made for the query tests, has events that capture refuses (fields of other types).
    const corpus = await capture(
      JSON.stringify(document(Array.from({ length: 400 }, (_, i) => generateEvent(i, random, sizes)))),
      'application/ld+json',
    );
    const encoded = await capture(JSON.stringify(document(encodedKeyEvents())), 'application/ld+json');
    assert.deepEqual(encoded['errors'], []);
    if (sharedGs1Available()) {
      // Several examples reuse one eventID for different events: under `proceed` the later ones are refused.
      for (const { value } of gs1JsonExamples().filter((example) => !example.standalone))
        await capture(JSON.stringify(value), 'application/ld+json');
      for (const file of listFiles(XML_EXAMPLES, '.xml').filter((f) => !f.includes(`${path.sep}CaptureJob${path.sep}`)))
        await capture(readText(file), 'application/xml');
    } else {
      console.log('      (../shared/gs1 is absent: the GS1 examples are left out of this test)');
    }

    const before = await store.findEvents({});
    const captured = Number(corpus['eventCount']) - (corpus['errors'] as unknown[]).length + 2;
    assert.ok(captured > 100 && before.length >= captured + (sharedGs1Available() ? 80 : 0), `${before.length} stored`);
    assert.ok(
      before.some((event) => JSON.stringify(event.event).includes('%2E')),
      'an event with an encoded key is stored',
    );
    assert.ok(
      before.some((event) => String(event.q['bizStep']).startsWith('http://ns.example.com/epcis/')),
      'an event with a custom CURIE business step is stored',
    );

    // The journal holds the events without their query fields.
    const journal = parseJournal(readFileSync(path.join(dataDir, JOURNAL_FILE)));
    const journaled = journal.records.flatMap((record) =>
      (record as { op?: string }).op === 'finish' ? (record as { events: JsonObject[] }).events : [],
    );
    assert.equal(journaled.length, before.length);
    // A JSON capture's events are journaled as their places in its document (journaled-documents.test.ts).
    assert.ok(
      journaled.every((event) => typeof event !== 'object' || Array.isArray(event) || !('q' in event)),
      'no journaled event holds its query fields',
    );
    if (sharedGs1Available())
      assert.ok(
        journaled.some((event) => typeof event === 'object' && !Array.isArray(event)),
        'events journaled themselves (the XML examples)',
      );

    await store.close();
    store = await openStore({ dataDir });
    const after = byId(await store.findEvents({}));
    assert.equal(after.size, before.length);
    for (const event of before) assert.deepStrictEqual(after.get(event._id), event, event._id);
  });
});
