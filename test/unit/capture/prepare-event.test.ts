import assert from 'node:assert/strict';
import { contentDigest, contentHash } from '../../../src/store/content-digest';
import { documentParts } from '../../../src/capture/document-parts';
import { identityKey, prepareEvent } from '../../../src/capture/prepare-event';
import { renderEvents } from '../../../src/formats/jsonld/query-document';
import type { JsonObject } from '../../../src/model/types';
import { queryFieldsOf } from '../../../src/query';
import { storedQueryFields } from '../../../src/store/stored-query-fields';

const deps = { assignEventId: () => 'urn:uuid:assigned', queryFields: () => ({ marker: 1 }) };
const context = {
  captureID: 'c1',
  owner: 'anonymous',
  namespaces: { example: 'http://ns.example.com/epcis/', other: 'urn:x:' },
};
const event: JsonObject = {
  type: 'ObjectEvent',
  eventTime: '2024-01-01T00:00:00Z',
  eventTimeZoneOffset: '+00:00',
  recordTime: '1999-01-01T00:00:00Z',
  action: 'OBSERVE',
  epcList: [],
  'example:a.b': { $gt: 1 },
};

describe('prepareEvent', () => {
  it('drops the client recordTime, assigns a missing eventID, encodes keys and records used namespaces only', () => {
    const stored = prepareEvent(event, context, deps);
    assert.equal(stored.eventID, 'urn:uuid:assigned');
    assert.equal(stored.eventIDAssigned, true);
    assert.equal(stored._id, identityKey('urn:uuid:assigned', false));
    assert.equal(stored.event['recordTime'], undefined);
    assert.equal(stored.event['eventID'], 'urn:uuid:assigned');
    assert.deepEqual(stored.event['example:a%2Eb'], { '%24gt': 1 });
    assert.deepEqual(stored.namespaces, { example: 'http://ns.example.com/epcis/' });
    assert.deepEqual(stored.eventTime, new Date('2024-01-01T00:00:00Z'));
    assert.deepEqual(stored.q, { marker: 1 });
    assert.equal(stored.state, 'staged');
  });

  it('leaves the query fields out without a queryFields function; the store computes the same ones from the event', () => {
    const { queryFields: _none, ...withoutQueryFields } = deps;
    const prepared = prepareEvent(event, context, withoutQueryFields);
    assert.equal('q' in prepared, false);
    // storedQueryFields (what a store computes) from the stored, key-encoded event: the fields prepareEvent computes
    // with src/query's function.
    const expected = prepareEvent(event, context, { ...deps, queryFields: queryFieldsOf }).q;
    const computed = storedQueryFields(prepared, context.namespaces);
    assert.deepEqual(computed, expected);
    assert.equal(computed['type'], 'ObjectEvent', 'real query fields');
    assert.ok(computed['x'], 'the extension field is indexed');
    assert.deepEqual(storedQueryFields(prepareEvent(event, context, deps), context.namespaces), { marker: 1 });
  });

  it('stores the captured event itself when nothing changes, a copy otherwise, and never modifies it', () => {
    const { recordTime: _dropped, 'example:a.b': _encoded, ...plain } = event;
    const given: JsonObject = { ...plain, eventID: 'urn:uuid:given' };
    const asGiven = structuredClone(given);
    assert.equal(prepareEvent(given, context, deps).event, given);
    // A client recordTime is dropped, a missing eventID assigned, keys encoded: each time a copy.
    const cases: JsonObject[] = [{ ...given, recordTime: '1999-01-01T00:00:00Z' }, plain, event];
    for (const captured of cases) {
      const before = structuredClone(captured);
      assert.notEqual(prepareEvent(captured, context, deps).event, captured);
      assert.deepEqual(captured, before);
    }
    assert.deepEqual(given, asGiven);
  });

  it('keys an error declaration apart from its original', () => {
    const withId = { ...event, eventID: 'urn:uuid:1' };
    const declared = { ...withId, errorDeclaration: { declarationTime: '2024-02-01T00:00:00Z' } };
    assert.equal(prepareEvent(withId, context, deps)._id, 'ev|urn:uuid:1');
    assert.equal(prepareEvent(declared, context, deps)._id, 'ed|urn:uuid:1');
  });

  it('content hashes ignore key order and recordTime but see every other change', () => {
    assert.equal(
      contentHash({ a: 1, b: [1, { c: 2, d: 3 }] }),
      contentHash({ b: [1, { d: 3, c: 2 }], a: 1, recordTime: 'x' }),
    );
    assert.notEqual(contentHash({ a: 1, b: [1, 2] }), contentHash({ a: 1, b: [2, 1] }));
  });

  it('leaves the digest of a given eventID to be computed on demand, equal to the digest of its content', () => {
    const withId: JsonObject = { ...event, eventID: 'urn:uuid:3' };
    const stored = prepareEvent(withId, context, deps);
    assert.equal(stored.contentHash, undefined);
    const { recordTime: _r, ...content } = withId;
    assert.equal(contentDigest(stored), contentHash(content), 'digest of the decoded stored content');
    const reordered = prepareEvent({ 'example:a.b': { $gt: 1 }, ...withId }, context, deps);
    assert.equal(contentDigest(reordered), contentDigest(stored));
    const changed = prepareEvent({ ...withId, action: 'ADD' }, context, deps);
    assert.notEqual(contentDigest(changed), contentDigest(stored));
    const hashIdentified = prepareEvent(event, context, { ...deps, assignEventId: () => 'ni:///sha-256;x?ver=CBV2.0' });
    assert.equal(hashIdentified.contentHash, 'ni:///sha-256;x?ver=CBV2.0', 'a hash ID is its own digest');
  });

  it('renders the stored event back as captured, with recordTime', () => {
    const stored = {
      ...prepareEvent({ ...event, eventID: 'urn:uuid:2' }, context, deps),
      recordTime: new Date('2024-03-01T00:00:00Z'),
    };
    const { events, prefixes } = renderEvents([stored]);
    const { recordTime: _r, ...sent }: JsonObject = { ...event, eventID: 'urn:uuid:2' };
    assert.deepEqual({ ...events[0], recordTime: undefined }, { ...sent, recordTime: undefined });
    assert.equal(events[0]!['recordTime'], '2024-03-01T00:00:00.000Z');
    assert.deepEqual(prefixes, { example: 'http://ns.example.com/epcis/' });
  });

  it('renames a prefix bound to two namespaces in one response', () => {
    const a = { ...prepareEvent({ ...event, eventID: 'urn:uuid:3' }, context, deps), recordTime: new Date() };
    const b = {
      ...prepareEvent({ ...event, eventID: 'urn:uuid:4' }, { ...context, namespaces: { example: 'urn:other:' } }, deps),
      recordTime: new Date(),
    };
    const { events, prefixes } = renderEvents([a, b]);
    assert.deepEqual(prefixes, { example: 'http://ns.example.com/epcis/', example2: 'urn:other:' });
    assert.ok('example2:a.b' in events[1]!);
  });
});

describe('documentParts', () => {
  it('finds events and master data in an EPCISDocument and an EPCISQueryDocument', () => {
    const vocabularyList = [
      {
        type: 'urn:epcglobal:epcis:vtype:ReadPoint',
        vocabularyElementList: [
          { id: 'urn:x:1', attributes: [{ id: 'urn:a', attribute: 'v' }], children: ['urn:x:2'] },
        ],
      },
    ];
    const doc = documentParts({
      type: 'EPCISDocument',
      epcisHeader: { epcisMasterData: { vocabularyList } },
      epcisBody: { eventList: [event] },
    });
    assert.equal(doc.events.length, 1);
    assert.equal(doc.eventListPointer, '/epcisBody/eventList');
    assert.deepEqual(doc.vocabulary, [
      {
        type: 'urn:epcglobal:epcis:vtype:ReadPoint',
        id: 'urn:x:1',
        attributes: [{ id: 'urn:a', attribute: 'v' }],
        children: ['urn:x:2'],
      },
    ]);
    const query = documentParts({
      type: 'EPCISQueryDocument',
      epcisBody: { queryResults: { queryName: 'SimpleEventQuery', resultsBody: { eventList: [event, event] } } },
    });
    assert.equal(query.events.length, 2);
    assert.equal(query.eventListPointer, '/epcisBody/queryResults/resultsBody/eventList');
  });
});
