import assert from 'node:assert/strict';
import fc from 'fast-check';
import { encodeKeys } from '../../../src/model/key-codec';
import { collectingSink, writtenUpTo } from '../../support/frame-sink';
import { jsonValueArbitrary } from '../../support/json-arbitrary';
import type { JsonObject } from '../../../src/model/types';
import {
  EVENTS_PER_PIECE,
  encodeJson,
  encodeRecordJson,
  frameRecord,
  journalForm,
  parseFrame,
  parseJournal,
  recordJsonPieces,
  writeFrame,
} from '../../../src/store/embedded/journal-codec';

// Keys that the encoding treats specially, besides arbitrary strings.
const key = fc.oneof(fc.string(), fc.constantFrom('$date', '$$x', '$gt', '__proto__', 'a.b', 'event', 'events', 'op'));

/** Plain JSON (what a captured event holds): no Dates. */
const jsonArbitrary = jsonValueArbitrary(key);

/** Query-field-like values: JSON with Dates, and keys that need escaping. */
const queryArbitrary = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.constant(null),
    fc.date({ noInvalidDate: true }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4, noNullPrototype: true }),
  ),
})).value;

/** A stored event as the capture pipeline builds it: `event` with keys made safe by key-codec. */
const storedEventArbitrary = fc
  .record(
    {
      _id: fc.string(),
      eventID: fc.string(),
      isErrorDeclaration: fc.boolean(),
      contentHash: fc.string(),
      eventIDAssigned: fc.boolean(),
      captureID: fc.string(),
      owner: fc.string(),
      state: fc.constantFrom('staged', 'committed'),
      recordTime: fc.option(fc.date({ noInvalidDate: true })),
      eventTime: fc.date({ noInvalidDate: true }),
      type: fc.string(),
      event: fc.dictionary(key, jsonArbitrary, { maxKeys: 6, noNullPrototype: true }),
      namespaces: fc.dictionary(key, fc.string(), { maxKeys: 3, noNullPrototype: true }),
      q: fc.dictionary(key, queryArbitrary, { maxKeys: 6, noNullPrototype: true }),
    },
    { requiredKeys: ['_id', 'eventID', 'eventTime', 'event', 'namespaces', 'q'], noNullPrototype: true },
  )
  .map((stored) => ({ ...stored, event: encodeKeys(stored.event as JsonObject) }));

const finishRecordArbitrary = fc.record(
  {
    op: fc.constant('finish'),
    captureID: fc.string(),
    finish: fc.record(
      {
        success: fc.boolean(),
        errors: fc.array(fc.dictionary(key, queryArbitrary, { maxKeys: 3, noNullPrototype: true }), { maxLength: 2 }),
        finishedAt: fc.date({ noInvalidDate: true }),
        storedCount: fc.nat(),
        duplicateCount: fc.nat(),
      },
      { noNullPrototype: true },
    ),
    events: fc.array(storedEventArbitrary, { maxLength: 5 }),
    // Present: the journal leaves every event's `q` out (replay recomputes it with these namespaces).
    namespaces: fc.dictionary(key, fc.string(), { maxKeys: 3, noNullPrototype: true }),
    vocabulary: fc.array(fc.dictionary(key, queryArbitrary, { maxKeys: 3, noNullPrototype: true }), { maxLength: 2 }),
  },
  { requiredKeys: ['op', 'captureID', 'finish', 'events', 'vocabulary'], noNullPrototype: true },
);

describe('journal codec: finish records', () => {
  it('writes a finish record exactly as the generic encoding writes its journal form', () => {
    fc.assert(
      fc.property(finishRecordArbitrary, (record) => {
        assert.equal(encodeRecordJson(record), encodeJson(journalForm(record)));
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips the journal form of a finish record through its frame', () => {
    fc.assert(
      fc.property(finishRecordArbitrary, (record) => {
        const frame = frameRecord(record);
        assert.deepStrictEqual(parseFrame(frame, 0)?.record, journalForm(record));
      }),
      { numRuns: 200 },
    );
  });

  it("leaves the events' query fields out when the record names their namespaces, and only then", () => {
    const stored = { _id: 'ev|x', eventTime: new Date(5), event: { type: 'ObjectEvent' }, q: { when: [new Date(6)] } };
    const record = { op: 'finish', captureID: 'c', events: [stored], vocabulary: [] };
    const withNamespaces = { ...record, namespaces: { example: 'http://ns.example.com/epcis/' } };
    assert.equal(
      encodeRecordJson(withNamespaces),
      '{"op":"finish","captureID":"c","events":[{"_id":"ev|x","eventTime":{"$date":5},' +
        '"event":{"type":"ObjectEvent"}}],"vocabulary":[],"namespaces":{"example":"http://ns.example.com/epcis/"}}',
    );
    assert.match(encodeRecordJson(record), /"q":\{"when":\[\{"\$date":6\}\]\}/);
    assert.deepEqual(stored.q, { when: [new Date(6)] }, 'the stored event itself keeps its query fields');
    assert.equal(journalForm(record), record);
  });

  it('writes any other record exactly as the generic encoding does', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          queryArbitrary,
          fc.record(
            { op: fc.constantFrom('job', 'query', 'prefixes'), events: queryArbitrary, event: queryArbitrary },
            { noNullPrototype: true },
          ),
        ),
        (record) => {
          assert.equal(encodeRecordJson(record), encodeJson(record));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('still escapes the bookkeeping fields, namespaces and query fields of a stored event', () => {
    const stored = {
      _id: 'ev|x',
      eventTime: new Date(5),
      event: { type: 'ObjectEvent', '%24gt': 1 },
      namespaces: { $ns: 'urn:x' },
      q: { when: [new Date(6)], $op: 'y' },
    };
    const json = encodeRecordJson({ op: 'finish', captureID: 'c', events: [stored], vocabulary: [] });
    assert.equal(
      json,
      '{"op":"finish","captureID":"c","events":[{"_id":"ev|x","eventTime":{"$date":5},' +
        '"event":{"type":"ObjectEvent","%24gt":1},"namespaces":{"$$ns":"urn:x"},' +
        '"q":{"when":[{"$date":6}],"$$op":"y"}}],"vocabulary":[]}',
    );
  });
});

describe('journal codec: a finish record written in pieces', () => {
  it('gives the same text in pieces of any size', () => {
    fc.assert(
      fc.property(finishRecordArbitrary, fc.integer({ min: 1, max: 4 }), (record, perPiece) => {
        const pieces = [...recordJsonPieces(record, perPiece)];
        assert.equal(pieces.join(''), encodeJson(journalForm(record)));
        assert.equal(pieces.length, Math.max(1, Math.ceil(record.events.length / perPiece)));
      }),
      { numRuns: 300 },
    );
  });

  const storedEvent = (i: number) => ({
    _id: `ev|urn:uuid:${i}`,
    eventTime: new Date(i),
    event: { type: 'ObjectEvent', 'example:note': 'é'.repeat(i % 7), epcList: [`urn:epc:id:sscc:0614141.${i}`] },
    namespaces: { example: 'http://ns.example.com/epcis/' },
    q: { epc: [`x${i}`] },
  });
  const bigRecord = (count: number) => ({
    op: 'finish',
    captureID: 'c',
    finish: { success: true, errors: [], finishedAt: new Date(1), storedCount: count, duplicateCount: 0 },
    events: Array.from({ length: count }, (_, i) => storedEvent(i)),
    vocabulary: [],
  });

  for (const stagingBytes of [64, 4096, 1024 * 1024]) {
    it(`writes the bytes of frameRecord, header last, through a ${stagingBytes}-byte staging buffer`, async () => {
      const record = bigRecord(EVENTS_PER_PIECE * 8 + 5);
      const { sink, bytes, writes } = collectingSink();
      const length = await writeFrame(record, sink, { stagingBytes });
      assert.deepEqual(bytes(), frameRecord(record));
      assert.equal(length, bytes().length);
      assert.deepEqual(writes.at(-1), { at: 0, length: 18 });
      if (stagingBytes < length / 4) {
        assert.ok(writes.length >= 6, `${writes.length} writes`);
        assert.ok(Math.max(...writes.map((w) => w.length)) < length / 3, 'no write holds the whole record');
      }
    });
  }

  it('writes a small record at once', async () => {
    const record = bigRecord(3);
    const { sink, bytes, writes } = collectingSink();
    await writeFrame(record, sink);
    assert.deepEqual(bytes(), frameRecord(record));
    assert.equal(writes.length, 1);
  });

  it('leaves a torn record, wherever the writing stops, that the journal drops', async () => {
    const before = frameRecord({ op: 'job', job: { captureID: 'a' } });
    const record = bigRecord(EVENTS_PER_PIECE * 2 + 1);
    const options = { stagingBytes: 4096 };
    const total = collectingSink();
    await writeFrame(record, total.sink, options);
    for (let stopAfter = 1; stopAfter < total.writes.length; stopAfter += 1) {
      const parsed = parseJournal(Buffer.concat([before, await writtenUpTo(record, options, stopAfter)]));
      assert.equal(parsed.records.length, 1, `stopped after ${stopAfter} writes`);
      assert.equal(parsed.validLength, before.length);
    }
  });
});
