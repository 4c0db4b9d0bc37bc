import assert from 'node:assert/strict';
import fc from 'fast-check';
import { encodeKeys } from '../../../src/model/key-codec';
import type { JsonObject } from '../../../src/model/types';
import { encodeJson, encodeRecordJson, frameRecord, parseFrame } from '../../../src/store/embedded/journal-codec';

// Keys that the encoding treats specially, besides arbitrary strings.
const key = fc.oneof(fc.string(), fc.constantFrom('$date', '$$x', '$gt', '__proto__', 'a.b', 'event', 'events', 'op'));

/** Plain JSON (what a captured event holds): no Dates. */
const jsonArbitrary = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4, noNullPrototype: true }),
  ),
})).value;

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
    vocabulary: fc.array(fc.dictionary(key, queryArbitrary, { maxKeys: 3, noNullPrototype: true }), { maxLength: 2 }),
  },
  { noNullPrototype: true },
);

describe('journal codec: finish records', () => {
  it('writes a finish record exactly as the generic encoding does (so its frame is byte-identical)', () => {
    fc.assert(
      fc.property(finishRecordArbitrary, (record) => {
        assert.equal(encodeRecordJson(record), encodeJson(record));
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips a finish record through its frame', () => {
    fc.assert(
      fc.property(finishRecordArbitrary, (record) => {
        const frame = frameRecord(record);
        assert.deepStrictEqual(parseFrame(frame, 0)?.record, record);
      }),
      { numRuns: 200 },
    );
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
