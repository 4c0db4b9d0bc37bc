import assert from 'node:assert/strict';
import { serializeCaptureJobXml } from '../../../src/formats/xml/capture-job-xml';
import { serializeEpcisXml } from '../../../src/formats/xml/document-to-xml';
import { parseEpcisXml } from '../../../src/formats/xml/parse-epcis-xml';
import { serializeProblemXml } from '../../../src/formats/xml/problem-xml';
import type { JsonObject } from '../../../src/model/types';

const docWith = (events: JsonObject[], extra: JsonObject = {}): JsonObject => ({
  '@context': [
    'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld',
    { example: 'http://ns.example.com/epcis/' },
  ],
  type: 'EPCISDocument',
  schemaVersion: '2.0',
  creationDate: '2024-01-01T00:00:00Z',
  epcisBody: { eventList: events },
  ...extra,
});

/** Positions of the given element names in the XML text, to check the XSD order. */
const order = (xml: string, names: string[]): number[] => names.map((n) => xml.search(new RegExp(`<${n}[ >/]`)));
const increasing = (xs: number[]) => xs.every((x, i) => x >= 0 && (i === 0 || x > xs[i - 1]!));

const transaction: JsonObject = {
  type: 'TransactionEvent',
  action: 'ADD',
  persistentDisposition: { set: ['completeness_verified'], unset: ['completeness_inferred'] },
  eventTimeZoneOffset: '+01:00',
  'example:myField': 'x',
  bizStep: 'shipping',
  parentID: 'urn:epc:id:sscc:0614141.1234567890',
  recordTime: '2024-01-01T12:00:00Z',
  bizTransactionList: [{ type: 'po', bizTransaction: 'urn:epc:id:gdti:0614141.00001.1' }],
  eventTime: '2024-01-01T10:00:00Z',
  epcList: ['urn:epc:id:sgtin:4012345.011111.1'],
};

describe('JSON -> XML serialization (EPCIS-DIGEST §e order tables, §f rule 10)', () => {
  it('writes fields in XSD order whatever the JSON key order', () => {
    const xml = serializeEpcisXml(
      docWith([transaction]),
      { example: 'http://ns.example.com/epcis/' },
      {
        cbvFormat: 'No_Preference',
      },
    );
    assert.ok(
      increasing(
        order(xml, [
          'eventTime',
          'recordTime',
          'eventTimeZoneOffset',
          'bizTransactionList',
          'parentID',
          'epcList',
          'action',
          'bizStep',
          'persistentDisposition',
          'unset',
          'set',
          'example:myField',
        ]),
      ),
      xml,
    );
    assert.match(xml, /<bizStep>urn:epcglobal:cbv:bizstep:shipping<\/bizStep>/);
    assert.match(xml, /type="urn:epcglobal:cbv:btt:po"/);
    assert.match(xml, /xmlns:example="http:\/\/ns\.example\.com\/epcis\/"/);
  });

  it('follows GS1-CBV-XML-Format for CBV values and measurement types', () => {
    const ev: JsonObject = {
      type: 'ObjectEvent',
      eventTime: '2024-01-01T10:00:00Z',
      eventTimeZoneOffset: '+01:00',
      action: 'OBSERVE',
      bizStep: 'receiving',
      readPoint: { id: 'urn:epc:id:sgln:1.2.3' },
      sensorElementList: [{ sensorReport: [{ type: 'Temperature', value: 1.5, component: 'x' }] }],
    };
    const web = serializeEpcisXml(docWith([ev]), {}, { cbvFormat: 'Always_Web_URI' });
    assert.match(web, /<bizStep>https:\/\/ref\.gs1\.org\/cbv\/BizStep-receiving<\/bizStep>/);
    assert.match(web, /type="https:\/\/gs1\.org\/voc\/Temperature"/);
    assert.match(web, /component="https:\/\/ref\.gs1\.org\/cbv\/Comp-x"/);
    const urn = serializeEpcisXml(
      docWith([{ ...ev, bizStep: 'https://ref.gs1.org/cbv/BizStep-receiving' }]),
      {},
      {
        cbvFormat: 'Always_URN',
      },
    );
    assert.match(urn, /<bizStep>urn:epcglobal:cbv:bizstep:receiving<\/bizStep>/);
    assert.match(urn, /type="gs1:Temperature"/);
    const never = serializeEpcisXml(
      docWith([{ ...ev, bizStep: 'https://ref.gs1.org/cbv/BizStep-receiving' }]),
      {},
      {
        cbvFormat: 'Never_Translates',
      },
    );
    assert.match(never, /<bizStep>https:\/\/ref\.gs1\.org\/cbv\/BizStep-receiving<\/bizStep>/);
  });

  it('writes a query document with a qualified QueryResults, queryName before subscriptionID', () => {
    const xml = serializeEpcisXml(
      {
        type: 'EPCISQueryDocument',
        epcisBody: { queryResults: { subscriptionID: 's', queryName: 'q', resultsBody: { eventList: [] } } },
      },
      {},
      { cbvFormat: 'No_Preference' },
    );
    assert.match(xml, /^<\?xml/);
    assert.match(xml, /<epcisq:EPCISQueryDocument [^>]*schemaVersion="2\.0"/);
    assert.ok(
      increasing(order(xml, ['EPCISBody', 'epcisq:QueryResults', 'queryName', 'subscriptionID', 'resultsBody'])),
    );
  });

  it('escapes text and attributes, and the result parses back to the same values', async () => {
    const ev: JsonObject = {
      type: 'ObjectEvent',
      eventTime: '2024-01-01T10:00:00Z',
      eventTimeZoneOffset: '+01:00',
      epcList: [],
      action: 'OBSERVE',
      'example:text': 'a < b & "c" \r\n d',
      sensorElementList: [{ sensorReport: [{ type: 'Mass', stringValue: '<&">\t' }] }],
    };
    const xml = serializeEpcisXml(
      docWith([ev]),
      { example: 'http://ns.example.com/epcis/' },
      { cbvFormat: 'No_Preference' },
    );
    const back = await parseEpcisXml(xml);
    const got = ((back.document.epcisBody as JsonObject).eventList as JsonObject[])[0]!;
    assert.deepEqual(got.sensorElementList, ev.sensorElementList);
    assert.equal(got['example:text'], 'a < b & "c" \r\n d');
  });

  it('refuses what XML cannot carry: undeclared prefixes, bad names, control characters, unknown bare fields', () => {
    const base = {
      type: 'ObjectEvent',
      eventTime: '2024-01-01T10:00:00Z',
      eventTimeZoneOffset: '+01:00',
      action: 'ADD',
    };
    const ser = (ev: JsonObject, ns: Record<string, string> = {}) =>
      serializeEpcisXml(docWith([ev]), ns, { cbvFormat: 'No_Preference' });
    assert.throws(() => ser({ ...base, 'nope:x': '1' }), /prefix "nope".*not declared/);
    assert.throws(() => ser({ ...base, 'example:has space': '1' }, { example: 'urn:x' }), /cannot be written/);
    assert.throws(() => ser({ ...base, 'example:x': 'a\u0001b' }, { example: 'urn:x' }), /XML 1\.0 cannot represent/);
    assert.throws(() => ser({ ...base, colour: 'red' }), /has no place in XML/);
    assert.throws(() => ser({ ...base, type: 'MysteryEvent' }), /Unknown event type/);
  });

  it('writes a capture job and a problem as their XSD elements', () => {
    const job = serializeCaptureJobXml({
      captureID: 'c1',
      running: false,
      success: false,
      captureErrorBehaviour: 'rollback',
      createdAt: new Date('2024-01-01T00:00:00Z'),
      finishedAt: new Date('2024-01-01T00:00:01Z'),
      errors: [{ type: 'epcisException:ValidationException', title: 'Invalid', status: 400, detail: 'd' }],
    });
    assert.match(
      job,
      /<epcis:EPCISCaptureJob xmlns:epcis="urn:epcglobal:epcis:xsd:2" captureID="c1" running="false" success="false">/,
    );
    assert.ok(
      increasing(
        order(job, [
          'captureErrorBehaviour',
          'createdAt',
          'finishedAt',
          'errors',
          'error',
          'type',
          'title',
          'status',
          'detail',
        ]),
      ),
    );
    const running = serializeCaptureJobXml({
      captureID: 'c2',
      running: true,
      success: false,
      captureErrorBehaviour: 'proceed',
      createdAt: new Date('2024-01-01T00:00:00Z'),
      finishedAt: null,
      errors: [],
    });
    assert.doesNotMatch(running, /finishedAt|errors/);
    const problem = serializeProblemXml({ type: 'epcisException:NotAcceptableException', title: 'No', status: 406 });
    assert.match(
      problem,
      /<epcis:EPCISException xmlns:epcis="urn:epcglobal:epcis:xsd:2">\s*<type>epcisException:NotAcceptableException<\/type>\s*<title>No<\/title>\s*<status>406<\/status>/,
    );
  });
});
