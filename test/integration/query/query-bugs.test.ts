/**
 * The bugs other EPCIS servers shipped (issue 4, Acceptance), end to end over HTTP on both stores: captured
 * through POST /capture, queried through GET /events.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import type { JsonObject } from '../../../src/model/types';
import { captureAndWait, describeEachStore } from '../../support/app-harness';
import { EPCIS_CONTEXT, EXAMPLE_NS } from '../../support/event-factory';

const SITE = 'urn:epc:id:sgln:0614141.00000.0';
const BUILDING = 'urn:epc:id:sgln:0614141.00002.0';
const ROOM = 'https://id.gs1.org/414/0614141000012'; // urn:epc:id:sgln:0614141.00001.0 as a Digital Link
const OTHER = 'urn:epc:id:sgln:0614141.00009.0';

const event = (id: string, fields: JsonObject): JsonObject => ({
  type: 'ObjectEvent',
  eventID: `urn:uuid:aaaaaaaa-0000-4000-8000-${id.padStart(12, '0')}`,
  eventTime: `2024-05-0${(Number(id) % 9) + 1}T10:00:00.000Z`,
  eventTimeZoneOffset: '+00:00',
  action: 'OBSERVE',
  ...fields,
});

const EVENTS: JsonObject[] = [
  event('1', {
    epcList: ['urn:epc:id:sgtin:0614141.107346.2017'],
    bizLocation: { id: ROOM },
    bizTransactionList: [
      { type: 'po', bizTransaction: 'urn:x:po:100' },
      { type: 'desadv', bizTransaction: 'urn:x:doc:200' },
    ],
    sourceList: [{ type: 'owning_party', source: 'urn:x:party:A' }],
    destinationList: [{ type: 'possessing_party', destination: 'urn:x:party:B' }],
  }),
  event('2', {
    epcList: ['https://id.gs1.org/01/10614141073464/21/2018'],
    bizLocation: { id: OTHER },
    bizTransactionList: [
      { type: 'desadv', bizTransaction: 'urn:x:po:100' },
      { type: 'po', bizTransaction: 'urn:x:doc:200' },
    ],
    sourceList: [{ type: 'possessing_party', source: 'urn:x:party:A' }],
    destinationList: [{ type: 'owning_party', destination: 'urn:x:party:B' }],
  }),
  {
    type: 'AggregationEvent',
    eventID: 'urn:uuid:aaaaaaaa-0000-4000-8000-000000000003',
    eventTime: '2024-05-03T10:00:00.000Z',
    eventTimeZoneOffset: '+00:00',
    action: 'ADD',
    parentID: 'urn:epc:id:sscc:0614141.1234567890',
    childEPCs: ['urn:example:private:thing:42', 'urn:epc:id:giai:4000001.111'],
    bizLocation: { id: BUILDING },
  },
  {
    type: 'TransformationEvent',
    eventID: 'urn:uuid:aaaaaaaa-0000-4000-8000-000000000004',
    eventTime: '2024-05-04T10:00:00.000Z',
    eventTimeZoneOffset: '+00:00',
    inputEPCList: ['urn:epc:id:sgtin:4012345.011111.1'],
    outputEPCList: ['urn:custom:batch:7'],
    bizLocation: { id: SITE },
  },
];

const MASTER_DATA = {
  epcisMasterData: {
    vocabularyList: [
      {
        type: 'urn:epcglobal:epcis:vtype:BusinessLocation',
        vocabularyElementList: [
          { id: SITE, children: [BUILDING] },
          { id: BUILDING, children: ['urn:epc:id:sgln:0614141.00001.0'] },
        ],
      },
    ],
  },
};

describeEachStore('query bugs other servers shipped (issue 4 acceptance)', (t) => {
  before(async function () {
    this.timeout(60_000);
    const document = {
      '@context': [EPCIS_CONTEXT, { example: EXAMPLE_NS }],
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: '2024-05-01T00:00:00Z',
      epcisHeader: MASTER_DATA,
      epcisBody: { eventList: EVENTS },
    };
    const job = await captureAndWait(t().app, document);
    assert.equal(job['success'], true, JSON.stringify(job));
  });

  /** The numeric suffixes of the eventIDs a query returns, sorted. */
  async function found(query: string): Promise<string[]> {
    const response = await request(t().app).get(`/events?${query}`).set('GS1-EPC-Format', 'Never_Translates');
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const events = response.body.epcisBody.queryResults.resultsBody.eventList as JsonObject[];
    return events.map((e) => String(e['eventID']).slice(-1)).sort();
  }

  const q = encodeURIComponent;

  it('EQ_bizTransaction_<type> matches type and value in the SAME entry', async () => {
    assert.deepEqual(await found(`EQ_bizTransaction_po=${q('urn:x:po:100')}`), ['1']);
    assert.deepEqual(await found(`EQ_bizTransaction_desadv=${q('urn:x:po:100')}`), ['2']);
    assert.deepEqual(await found(`EQ_bizTransaction_po=${q('urn:x:po:100|urn:x:doc:200')}`), ['1', '2']);
    assert.deepEqual(await found(`EQ_bizTransaction_inv=${q('urn:x:po:100')}`), []);
  });

  it('EQ_source_<type> and EQ_destination_<type> match type and value in the SAME entry', async () => {
    assert.deepEqual(await found(`EQ_source_owning_party=${q('urn:x:party:A')}`), ['1']);
    assert.deepEqual(await found(`EQ_source_possessing_party=${q('urn:x:party:A')}`), ['2']);
    assert.deepEqual(await found(`EQ_destination_owning_party=${q('urn:x:party:B')}`), ['2']);
    assert.deepEqual(await found(`EQ_destination_possessing_party=${q('urn:x:party:B')}`), ['1']);
  });

  it('EQ_eventID', async () => {
    assert.deepEqual(await found(`EQ_eventID=${q('urn:uuid:aaaaaaaa-0000-4000-8000-000000000003')}`), ['3']);
    const both = `urn:uuid:aaaaaaaa-0000-4000-8000-000000000001|urn:uuid:aaaaaaaa-0000-4000-8000-000000000004`;
    assert.deepEqual(await found(`EQ_eventID=${q(both)}`), ['1', '4']);
    assert.deepEqual(await found(`EQ_eventID=${q('urn:uuid:nope')}`), []);
  });

  it('WD_bizLocation follows a three-level hierarchy from captured master data', async () => {
    assert.deepEqual(await found(`WD_bizLocation=${q(SITE)}`), ['1', '3', '4']);
    assert.deepEqual(await found(`WD_bizLocation=${q(BUILDING)}`), ['1', '3']);
    assert.deepEqual(await found(`WD_bizLocation=${q('urn:epc:id:sgln:0614141.00001.0')}`), ['1']);
    assert.deepEqual(await found(`EQ_bizLocation=${q(SITE)}`), ['4']);
  });

  it('MATCH_anyEPC covers parentID and the transformation lists', async () => {
    assert.deepEqual(await found(`MATCH_anyEPC=${q('urn:epc:id:sscc:0614141.1234567890')}`), ['3']);
    assert.deepEqual(await found(`MATCH_anyEPC=${q('urn:epc:id:sgtin:4012345.011111.1')}`), ['4']);
    assert.deepEqual(await found(`MATCH_anyEPC=${q('urn:custom:batch:7')}`), ['4']);
    assert.deepEqual(await found(`MATCH_epc=${q('urn:epc:id:sscc:0614141.1234567890')}`), []);
    assert.deepEqual(await found(`MATCH_anyEPC=${q('urn:epc:idpat:sgtin:0614141.107346.*')}`), ['1', '2']);
  });

  it('a URN query finds a Digital Link capture, and a Digital Link query a URN capture', async () => {
    assert.deepEqual(await found(`MATCH_epc=${q('urn:epc:id:sgtin:0614141.107346.2018')}`), ['2']);
    assert.deepEqual(await found(`MATCH_epc=${q('https://id.gs1.org/01/10614141073464/21/2017')}`), ['1']);
    assert.deepEqual(await found(`EQ_bizLocation=${q('urn:epc:id:sgln:0614141.00001.0')}`), ['1']);
    assert.deepEqual(await found(`MATCH_parentID=${q('https://id.gs1.org/00/106141412345678908')}`), ['3']);
  });

  it('private and custom URNs are accepted and matched', async () => {
    assert.deepEqual(await found(`MATCH_epc=${q('urn:example:private:thing:42')}`), ['3']);
    assert.deepEqual(await found(`MATCH_outputEPC=${q('urn:custom:batch:7')}`), ['4']);
  });
});
