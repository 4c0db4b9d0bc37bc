import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { contextNamespaces as namespacesOf } from '../../../src/hash/context-namespaces';
import { eventHash, preHashString } from '../../../src/hash/event-hash';
import type { JsonObject, JsonValue } from '../../../src/model/types';

/**
 * Oracle fixtures generated once with the reference implementation (test/fixtures/event-hash/README.md).
 * On a mismatch the message shows both pre-hash strings (EPCIS-DIGEST §h: the fastest way to debug).
 */
const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'event-hash');
const GS1_EXAMPLES = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'gs1', 'examples');

interface GeneratedFixture {
  name: string;
  document: JsonObject;
  hash: string;
  preHash: string;
}
interface ExampleFixture {
  file: string;
  accepted: boolean;
  hashes?: string[];
  preHashes?: string[];
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

const contextNamespaces = (doc: JsonObject) => namespacesOf(doc['@context']);

function eventsOf(doc: JsonObject): JsonObject[] {
  const body = doc['epcisBody'] as { eventList?: JsonValue[]; event?: JsonValue } | undefined;
  return (body?.eventList ?? (body?.event ? [body.event] : [])) as JsonObject[];
}

function assertSameHash(event: JsonObject, ns: Record<string, string>, hash: string, preHash: string, label: string) {
  const actual = eventHash(event, ns);
  if (actual !== hash) {
    assert.fail(`${label}: hash differs\n  ours:      ${preHashString(event, ns)}\n  reference: ${preHash}`);
  }
}

describe('CBV 2.0 event hash', () => {
  const generated = readJson<GeneratedFixture[]>(path.join(FIXTURES, 'generated-events.json'));

  it(`matches the reference implementation on ${generated.length} generated events`, () => {
    assert.ok(generated.length >= 100);
    for (const f of generated) {
      const [event] = eventsOf(f.document);
      assert.ok(event, f.name);
      assertSameHash(event, contextNamespaces(f.document), f.hash, f.preHash, f.name);
    }
  });

  it('matches the worked vector of EPCIS-DIGEST §h (XML twin written as JSON)', () => {
    const event: JsonObject = {
      type: 'ObjectEvent',
      eventTime: '2020-03-04T11:00:30.000+01:00',
      eventTimeZoneOffset: '+01:00',
      epcList: [
        'urn:epc:id:sscc:4012345.0000000333',
        'urn:epc:id:sscc:4012345.0000000111',
        'https://id.gs1.org/00/040123450000002225',
      ],
      action: 'OBSERVE',
      bizStep: 'urn:epcglobal:cbv:bizstep:departing',
      readPoint: { id: 'urn:epc:id:sgln:4012345.00011.987' },
      'example:myField1': { 'example:mySubField1': '2', 'example:mySubField2': '5' },
      'example:myField2': '0',
      'example:myField3': { 'example:mySubField3': ['3', '1'] },
    };
    assert.equal(
      eventHash(event, { example: 'https://ns.example.com/epcis/' }),
      'ni:///sha-256;6ae96341e0acc6d7a261364751f60e68278a81cdf51da0abb6b4e617014e39d7?ver=CBV2.0',
    );
  });

  it('ignores eventID, recordTime and errorDeclaration, and the order of list entries', () => {
    const base = generated[0]?.document;
    const [event] = base ? eventsOf(base) : [];
    assert.ok(event);
    const copy: JsonObject = { ...event, eventID: 'urn:uuid:x', recordTime: '2030-01-01T00:00:00Z' };
    copy['errorDeclaration'] = { declarationTime: '2030-01-01T00:00:00Z', reason: 'did_not_occur' };
    const ns = contextNamespaces(base as JsonObject);
    assert.equal(eventHash(copy, ns), eventHash(event, ns));
  });

  it('gives one hash whatever the representation: URN/Digital Link, bare word/URN, time zone, list order', () => {
    const a: JsonObject = {
      type: 'ObjectEvent',
      eventTime: '2024-05-01T12:00:00.000+02:00',
      eventTimeZoneOffset: '+02:00',
      epcList: ['urn:epc:id:sgtin:0614141.107346.2017', 'urn:epc:id:sscc:0614141.1234567890'],
      action: 'OBSERVE',
      bizStep: 'shipping',
      disposition: 'in_transit',
      readPoint: { id: 'urn:epc:id:sgln:4012345.00011.987' },
      bizTransactionList: [{ type: 'po', bizTransaction: 'urn:epcglobal:cbv:bt:0614141073467:1152' }],
      'ex:note': 'val',
    };
    const b: JsonObject = {
      'my:note': 'val',
      eventID: 'ni:///sha-256;00?ver=CBV2.0',
      readPoint: { id: 'https://resolver.example.com/414/4012345000115/254/987?linkType=all' },
      bizTransactionList: [
        { bizTransaction: 'urn:epcglobal:cbv:bt:0614141073467:1152', type: 'urn:epcglobal:cbv:btt:po' },
      ],
      disposition: 'urn:epcglobal:cbv:disp:in_transit',
      bizStep: 'urn:epcglobal:cbv:bizstep:shipping',
      action: 'OBSERVE',
      epcList: ['https://id.gs1.org/00/106141412345678908', 'https://example.org/gtin/10614141073464/ser/2017'],
      eventTimeZoneOffset: '+02:00',
      eventTime: '2024-05-01T10:00:00Z',
      type: 'ObjectEvent',
    };
    assert.equal(eventHash(b, { my: 'https://ns.example/' }), eventHash(a, { ex: 'https://ns.example/' }));
  });

  describe('GS1 examples (expected values recorded from the reference implementation)', () => {
    const examples = readJson<ExampleFixture[]>(path.join(FIXTURES, 'gs1-examples.json'));
    before(function () {
      if (!existsSync(GS1_EXAMPLES)) {
        console.log(`skipping GS1 example hashes: ${GS1_EXAMPLES} is missing`);
        this.skip();
      }
    });

    for (const ex of examples.filter((e) => e.accepted && !e.file.endsWith('.xml'))) {
      it(`hashes ${ex.file} like the reference`, () => {
        const doc = readJson<JsonObject>(path.join(GS1_EXAMPLES, ex.file));
        const events = eventsOf(doc);
        assert.equal(events.length, ex.hashes?.length);
        events.forEach((event, i) =>
          assertSameHash(
            event,
            contextNamespaces(doc),
            ex.hashes?.[i] ?? '',
            ex.preHashes?.[i] ?? '',
            `${ex.file}#${i}`,
          ),
        );
      });
    }
  });
});
