/**
 * A JSON capture into the embedded store journals its document's bytes once, and for each stored event its place in
 * the document's event list (with its eventID when the server assigned it) instead of the event itself (journal-codec.ts
 * `recordJsonPieces`); replay rebuilds the events from the document (replay-captured-events.ts). After a restart every stored event must be what the store held
 * before, key order included, whatever the document held: events with and without eventIDs, client recordTimes, keys
 * that key-codec encodes, values that look like the journal's own markers (`{"$date": ...}`, `$$` keys), `__proto__`
 * keys, error declarations, an EPCISQueryDocument, a byte order mark, pretty-printed text, events refused or already
 * stored in between.
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
import { serializeEpcisXml } from '../../../src/formats/xml';
import { EXAMPLE_NS, aggregationEvent, epcisDocument, objectEvent } from '../../support/event-factory';

const NOTE = 'é ✓ \u2028 "quoted" \\ 𝄞';

/** Events whose stored content differs from what was sent, or that look like the journal's markers. */
function unusualEvents(): JsonObject[] {
  const withoutId = objectEvent(1);
  delete withoutId['eventID'];
  const markers = objectEvent(2, {
    'example:when': { $date: 5 },
    'example:escaped': { $$x: 1, $x: [{ $date: 'not a date' }] },
    'example:dotted': { 'a.b': { 'c%d': 1 } },
  });
  const proto = JSON.parse(`{"type":"ObjectEvent","eventTime":"2024-01-01T00:00:00Z","eventTimeZoneOffset":"+00:00",
    "eventID":"urn:uuid:30000000-0000-4000-8000-000000000003","epcList":["urn:epc:id:sgtin:0614141.107346.3"],
    "action":"OBSERVE","example:x":{"__proto__":{"polluted":true}}}`) as JsonObject;
  const declared = objectEvent(4, {
    errorDeclaration: { declarationTime: '2024-05-01T00:00:00Z', reason: 'incorrect_data' },
  });
  return [
    withoutId,
    objectEvent(5, { recordTime: '2020-01-01T00:00:00Z', 'example:note': NOTE }),
    markers,
    proto,
    objectEvent(4),
    declared,
    aggregationEvent(6),
  ];
}

const queryDocument = (events: JsonObject[]): JsonObject => {
  const { epcisBody: _body, ...rest } = epcisDocument(events);
  return {
    ...rest,
    type: 'EPCISQueryDocument',
    epcisBody: { queryResults: { queryName: 'SimpleEventQuery', resultsBody: { eventList: events } } },
  };
};

/** Each event's stored form with the order of its keys and of its content's keys: what JSON.stringify shows. */
const ordered = (event: StoredEvent): string => JSON.stringify({ ...event, q: undefined });

describe('embedded store: JSON captures journaled as their documents', function () {
  this.timeout(120_000);
  let dataDir: string;
  let store: EventStore;

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'epcis-journaled-doc-'));
    store = await openStore({ dataDir });
  });
  after(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores the same events, key order included, after a restart', async () => {
    const app = createApp(composeApp(defaultConfig({ dataDir, logLevel: 'silent' }), store, createLogger('silent')));
    const capture = async (body: string, headers: Record<string, string> = {}) => {
      const response = await request(app)
        .post('/capture')
        .set({ 'Content-Type': 'application/ld+json', ...headers })
        .send(body);
      assert.equal(response.status, 202, response.text);
      return waitForJob(app, String(response.headers['location']));
    };
    const proceed = { 'GS1-Capture-Error-Behaviour': 'proceed' };

    const first = await capture(JSON.stringify(epcisDocument(unusualEvents())));
    assert.deepEqual(first['errors'], []);
    // Pretty-printed, behind a byte order mark, with an invalid event and events already stored between new ones.
    const invalid = objectEvent(7, { action: 'NOT_AN_ACTION' });
    // Already stored: objectEvent(4), and objectEvent(5), whose client recordTime differs (ignored on capture).
    const mixed = [
      objectEvent(8),
      invalid,
      objectEvent(4),
      objectEvent(9),
      objectEvent(5, { recordTime: '2021-01-01T00:00:00Z', 'example:note': NOTE }),
    ];
    const bom = `\uFEFF${JSON.stringify(epcisDocument(mixed), null, 2)}`; // sent as UTF-8: EF BB BF first
    const second = await capture(bom, proceed);
    assert.equal((second['errors'] as unknown[]).length, 1, JSON.stringify(second['errors']));
    const third = await capture(JSON.stringify(queryDocument([objectEvent(10), aggregationEvent(11)])));
    assert.deepEqual(third['errors'], []);

    const before = await store.findEvents({});
    assert.equal(before.length, unusualEvents().length + 2 + 2);
    const markers = before.find((event) => event.eventID.endsWith('2'))!;
    // Stored with key-codec's encoding of a leading `$` (and so shown as sent).
    assert.deepEqual(markers.event['example:when'], { '%24date': 5 }, 'content that looks like a Date marker');

    // The three captures' records hold their documents, and each of their events its place in it.
    const records = parseJournal(readFileSync(path.join(dataDir, JOURNAL_FILE))).records as JsonObject[];
    const finishes = records.filter((record) => record['op'] === 'finish');
    assert.equal(finishes.length, 3);
    // An event's entry is its place, or [place, eventID, true] when the server assigned its eventID (the first).
    const entries = finishes.map((record) => record['events'] as unknown[]);
    const assignedEntry = entries[0]![0] as unknown[];
    assert.equal(assignedEntry[0], 0);
    assert.match(String(assignedEntry[1]), /^ni:\/\/\/sha-256;/);
    assert.equal(assignedEntry[2], true);
    const places = entries.map((list) => list.map((entry) => (Array.isArray(entry) ? entry[0] : entry)));
    assert.deepEqual(places, [
      [0, 1, 2, 3, 4, 5, 6],
      [0, 3],
      [0, 1],
    ]);
    for (const record of finishes) assert.equal(typeof (record['source'] as JsonObject)['document'], 'object');

    await store.close();
    store = await openStore({ dataDir });
    const after = new Map((await store.findEvents({})).map((event) => [event._id, event]));
    assert.equal(after.size, before.length);
    for (const event of before) {
      const replayed = after.get(event._id);
      assert.deepStrictEqual(replayed, event, event._id);
      assert.equal(ordered(replayed!), ordered(event), `${event._id}: key order`);
    }
    const assigned = [...after.values()].find((event) => event.eventIDAssigned)!;
    assert.equal(assigned.event['eventID'], assigned.eventID);
    assert.ok(
      before.every((event) => !Object.hasOwn(event.event, 'recordTime')),
      'no client recordTime is kept',
    );
    assert.ok(
      [...after.values()].some((event) => JSON.stringify(event.event).includes('%2E')),
      'a key encoded by key-codec',
    );
  });

  it('journals an XML capture, and a capture that stores nothing new, without a document', async () => {
    const app = createApp(composeApp(defaultConfig({ dataDir, logLevel: 'silent' }), store, createLogger('silent')));
    const finishes = () =>
      (parseJournal(readFileSync(path.join(dataDir, JOURNAL_FILE))).records as JsonObject[]).filter(
        (record) => record['op'] === 'finish',
      );
    const capture = async (body: string, contentType: string) => {
      const response = await request(app).post('/capture').set('Content-Type', contentType).send(body);
      assert.equal(response.status, 202, response.text);
      const job = await waitForJob(app, String(response.headers['location']));
      assert.equal(job['success'], true, JSON.stringify(job['errors']));
      return finishes().at(-1)!;
    };
    const json = JSON.stringify(epcisDocument([objectEvent(20)]));
    const stored = await capture(json, 'application/json');
    assert.equal((stored['events'] as unknown[]).length, 1);
    assert.equal(Object.hasOwn(stored, 'source'), true);
    const nothingNew = await capture(json, 'application/json');
    assert.deepEqual(nothingNew['events'], []);
    assert.equal(Object.hasOwn(nothingNew, 'source'), false);
    const xml = serializeEpcisXml(
      epcisDocument([objectEvent(21)]),
      { example: EXAMPLE_NS },
      { cbvFormat: 'Always_URN' },
    );
    const fromXml = await capture(xml, 'application/xml');
    assert.equal(Object.hasOwn(fromXml, 'source'), false);
    const [event] = fromXml['events'] as JsonObject[];
    assert.equal(typeof event!['event'], 'object', 'an XML capture journals its events themselves');
  });
});
