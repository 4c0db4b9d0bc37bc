/**
 * A finish record that holds the captured JSON document its events come from (embedded-state.ts `source`): the
 * journal writes the document's bytes as they are and each event's place in it (journal-codec.ts); replay rebuilds
 * the events' contents (replay-captured-events.ts). For any document and any choice of stored events, the replayed
 * events must equal the stored ones, key order included.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { JsonObject } from '../../../src/model/types';
import type { JournalRecord } from '../../../src/store/embedded/embedded-state';
import {
  frameRecord,
  journalForm,
  parseFrame,
  parseJournal,
  recordJsonPieces,
  writeFrame,
} from '../../../src/store/embedded/journal-codec';
import { restoreCapturedEvents } from '../../../src/store/embedded/replay-captured-events';
import type { StoredEvent } from '../../../src/store/stored-event';
import { collectingSink, writtenUpTo } from '../../support/frame-sink';
import { jsonValueArbitrary } from '../../support/json-arbitrary';
import { storedForm, withoutClientRecordTime } from '../../../src/store/stored-form';

const key = fc.oneof(
  fc.string(),
  fc.constantFrom('$date', '$$x', '$gt', '__proto__', 'a.b', 'c%d', 'event', 'source', 'recordTime', 'eventID'),
  fc.constantFrom('example:x', 'other:y', 'example:a.b', 'errorDeclaration'),
);
const json = jsonValueArbitrary(key);

/** A captured event: any JSON object, with or without an eventID and a client recordTime. */
const capturedEvent = fc
  .record(
    {
      extra: fc.dictionary(key, json, { maxKeys: 5, noNullPrototype: true }),
      eventID: fc.option(fc.oneof(fc.string(), fc.constant('ni:///sha-256;given')), { nil: undefined }),
      recordTime: fc.option(fc.string(), { nil: undefined }),
    },
    { noNullPrototype: true },
  )
  .map(({ extra, eventID, recordTime }) => {
    const event: JsonObject = { type: 'ObjectEvent', ...extra, eventTime: '2024-01-01T00:00:00.5+01:00' };
    if (eventID !== undefined) event['eventID'] = eventID;
    if (recordTime !== undefined) event['recordTime'] = recordTime;
    return event;
  });

const documentArbitrary: fc.Arbitrary<DocumentCase> = fc.record(
  {
    events: fc.array(capturedEvent, { minLength: 1, maxLength: 6 }),
    query: fc.boolean(),
    indent: fc.constantFrom(undefined, 1, '\t'),
    chosen: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  },
  { noNullPrototype: true },
);

interface DocumentCase {
  events: JsonObject[];
  query: boolean;
  indent: number | string | undefined;
  chosen: boolean[];
}

interface Case {
  record: JournalRecord & { op: 'finish' };
  stored: StoredEvent[];
}

/** A finish record of the stored events of a document (the chosen ones), with the document's bytes. */
function finishRecord({ events: given, query, indent, chosen }: DocumentCase): Case {
  // Every event has its time (capture validates it): the stored form holds it as a Date.
  const events = given.map((event) => ({ eventTime: '2024-01-01T00:00:00Z', ...event }));
  const document = query
    ? { type: 'EPCISQueryDocument', epcisBody: { queryResults: { resultsBody: { eventList: events } } } }
    : { type: 'EPCISDocument', epcisBody: { eventList: events } };
  const eventList = query ? '/epcisBody/queryResults/resultsBody/eventList' : '/epcisBody/eventList';
  // Stored as capture stores them: from the document as the server parsed it.
  const parsed = JSON.parse(JSON.stringify(document)) as JsonObject;
  const list = events.map((_, i) => i).filter((i) => chosen[i] !== false);
  const parsedEvents = query
    ? (((parsed['epcisBody'] as JsonObject)['queryResults'] as JsonObject)['resultsBody'] as JsonObject)['eventList']
    : (parsed['epcisBody'] as JsonObject)['eventList'];
  const namespaces = { example: 'http://ns.example.com/epcis/', other: 'urn:other:' };
  const recordTime = new Date(1_700_000_000_000);
  const stored = list.map((place): StoredEvent => {
    const captured = (parsedEvents as JsonObject[])[place]!;
    const given = captured['eventID'];
    const eventIDAssigned = typeof given !== 'string';
    const eventID = typeof given === 'string' ? given : `ni:///sha-256;assigned-${place}`;
    // As if a given `ni:` eventID were the event's hash.
    const decisions = { eventID, eventIDAssigned, hashIdentified: eventIDAssigned || eventID.startsWith('ni:') };
    const event = storedForm(
      withoutClientRecordTime(captured, eventIDAssigned),
      { ...decisions, captureID: 'c', owner: 'urn:principal:x' },
      namespaces,
    ) as StoredEvent;
    event.state = 'committed';
    event.recordTime = recordTime;
    event.q = { epc: [`x${place}`], when: [new Date(place)] };
    return event;
  });
  const record: Case['record'] = {
    op: 'finish',
    captureID: 'c',
    finish: { success: true, errors: [], finishedAt: new Date(2), storedCount: stored.length, duplicateCount: 0 },
    events: stored,
    namespaces,
    vocabulary: [],
    source: { json: Buffer.from(JSON.stringify(document, null, indent), 'utf8'), eventList, eventIndexes: list },
  };
  return { record, stored };
}

/** What replay makes of a frame: parsed, then the events' contents rebuilt (their query fields come after). */
const replayed = (frame: Buffer): StoredEvent[] => {
  const record = restoreCapturedEvents(parseFrame(frame, 0)!.record as JournalRecord);
  assert.equal(record.op, 'finish');
  assert.equal(Object.hasOwn(record, 'source'), false, 'replay drops the document');
  return (record as { events: StoredEvent[] }).events;
};

const withoutQ = (events: StoredEvent[]) => events.map(({ q: _q, ...event }) => event);

describe('journal codec: a finish record with its captured document', () => {
  it('replays the stored events, key order included, from the document and their places', () => {
    fc.assert(
      fc.property(documentArbitrary, (value) => {
        const { record, stored } = finishRecord(value);
        const events = replayed(frameRecord(record));
        assert.deepStrictEqual(events, withoutQ(stored));
        assert.equal(JSON.stringify(events), JSON.stringify(withoutQ(stored)));
      }),
      { numRuns: 400 },
    );
  });

  it("writes each event's place and capture's decisions, not its content, and the document's bytes as they are", () => {
    const { record } = finishRecord({
      events: [
        { type: 'ObjectEvent', eventID: 'a', 'x:when': { $date: 5 } },
        { type: 'ObjectEvent', eventID: 'b' },
        { type: 'ObjectEvent', eventID: 'ni:///sha-256;given' },
        { type: 'ObjectEvent' },
      ],
      query: false,
      indent: undefined,
      chosen: [false, true, true, true],
    });
    const pieces = [...recordJsonPieces(record)];
    const bytes = pieces.find((piece) => typeof piece !== 'string');
    assert.equal(bytes, record.source!.json, 'the very bytes');
    const text = pieces.map((piece) => (typeof piece === 'string' ? piece : Buffer.from(piece).toString())).join('');
    assert.match(text, /"events":\[1,\[2,"ni:\/\/\/sha-256;given",false\],\[3,"ni:\/\/\/sha-256;assigned-3",true\]\]/);
    assert.ok(
      text.endsWith(
        '"source":{"eventList":"/epcisBody/eventList","owner":"urn:principal:x","recordTime":1700000000000,' +
          `"document":${bytes!.toString()}}}`,
      ),
    );
    // The document is left as parsed: a `$date` object in it stays an object.
    const parsed = parseFrame(frameRecord(record), 0)!.record as { source: { document: JsonObject } };
    const list = (parsed.source.document['epcisBody'] as JsonObject)['eventList'] as JsonObject[];
    assert.deepEqual(list[0]!['x:when'], { $date: 5 });
  });

  it('writes the events themselves when they are not as capture makes them', () => {
    const unusual: Array<(event: StoredEvent) => void> = [
      (event) => (event.owner = 'someone else'),
      (event) => (event.recordTime = new Date(3)),
      (event) => (event.state = 'staged'),
      (event) => (event.captureID = 'other'),
      (event) => (event.contentHash = 'sha-256 of something'),
      (event) => Object.assign(event, { extra: 1 }),
    ];
    for (const change of unusual) {
      const { record, stored } = finishRecord({
        events: [
          { type: 'ObjectEvent', eventID: 'a' },
          { type: 'ObjectEvent', eventID: 'b' },
        ],
        query: false,
        indent: undefined,
        chosen: [true, true],
      });
      change(stored[1]!);
      const parsed = parseFrame(frameRecord(record), 0)!.record as JsonObject;
      assert.equal(Object.hasOwn(parsed, 'source'), false, String(change));
      assert.deepStrictEqual(parsed, journalForm(record));
    }
  });

  it('writes the events themselves when the bytes are not a JSON object (a byte order mark before it)', () => {
    const { record, stored } = finishRecord({
      events: [{ type: 'ObjectEvent', eventID: 'a' }],
      query: false,
      indent: undefined,
      chosen: [true],
    });
    const json = record.source!.json;
    record.source!.json = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json]);
    const parsed = parseFrame(frameRecord(record), 0)!.record as JsonObject;
    assert.equal(Object.hasOwn(parsed, 'source'), false);
    assert.deepStrictEqual(parsed, journalForm(record));
    assert.deepStrictEqual(replayed(frameRecord(record)), withoutQ(stored));
  });

  it('writes the document from its own memory through any staging buffer; a torn write is dropped', async () => {
    const { record } = finishRecord({
      events: Array.from({ length: 80 }, (_, i) => ({ type: 'ObjectEvent', eventID: `e${i}`, note: 'é'.repeat(i) })),
      query: true,
      indent: 2,
      chosen: [true, false, true, true, false, true],
    });
    const before = frameRecord({ op: 'job', job: { captureID: 'a' } });
    for (const stagingBytes of [64, 1024 * 1024]) {
      const { sink, bytes, writes } = collectingSink();
      const length = await writeFrame(record, sink, { stagingBytes, eventsPerPiece: 2 });
      assert.deepEqual(bytes(), frameRecord(record));
      assert.equal(length, bytes().length);
      assert.ok(
        writes.some((write) => write.length === record.source!.json.length),
        'the document in one write of its own',
      );
      for (let stopAfter = 1; stopAfter < writes.length; stopAfter += 1) {
        const partial = await writtenUpTo(record, { stagingBytes, eventsPerPiece: 2 }, stopAfter);
        const parsed = parseJournal(Buffer.concat([before, partial]));
        assert.equal(parsed.records.length, 1, `stopped after ${stopAfter} writes`);
      }
    }
  });
});
