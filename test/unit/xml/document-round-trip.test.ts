import assert from 'node:assert/strict';
import { serializeEpcisXml } from '../../../src/formats/xml/document-to-xml';
import { parseEpcisXml } from '../../../src/formats/xml/parse-epcis-xml';
import type { JsonObject } from '../../../src/model/types';

const CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

describe('Document-level JSON -> XML -> JSON', () => {
  it('keeps pseudo-SBDH fields (through an SBDH), master data and document extensions', async () => {
    const doc: JsonObject = {
      '@context': [CONTEXT, { ext1: 'http://example.com/ext1/' }],
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: '2024-01-01T00:00:00Z',
      sender: 'urn:epc:id:sgln:0353579.00001.0',
      receiver: 'urn:epc:id:sgln:5012345.00001.0',
      instanceIdentifier: '1234567890',
      epcisHeader: {
        epcisMasterData: {
          vocabularyList: [
            {
              type: 'urn:epcglobal:epcis:vtype:BusinessLocation',
              vocabularyElementList: [
                {
                  id: 'urn:epc:id:sgln:0037000.00729.0',
                  attributes: [
                    { id: 'urn:epcglobal:cbv:mda:site', attribute: '0037000007296' },
                    { id: 'http://example.com/ext1#obj', attribute: { 'ext1:a': 'x', 'ext1:list': ['1', '2'] } },
                  ],
                  children: ['urn:epc:id:sgln:0037000.00729.8201'],
                },
              ],
            },
          ],
        },
      },
      epcisBody: { eventList: [] },
      'ext1:documentNote': 'n',
    };
    const xml = serializeEpcisXml(doc, { ext1: 'http://example.com/ext1/' }, { cbvFormat: 'No_Preference' });
    assert.match(xml, /<sbdh:StandardBusinessDocumentHeader>/);
    const back = await parseEpcisXml(xml);
    const { ['@context']: ctx, ...rest } = back.document;
    const { ['@context']: ctx0, ...expected } = doc;
    assert.deepEqual(rest, expected);
    assert.deepEqual(ctx, ctx0);
    assert.equal((back.sbdh?.DocumentIdentification as JsonObject).InstanceIdentifier, '1234567890');
  });

  it('round-trips a custom (Extended-Event) type through EventList/extension', async () => {
    const ev: JsonObject = {
      type: 'example:CustomEvent',
      eventTime: '2024-01-01T00:00:00Z',
      eventTimeZoneOffset: '+00:00',
      bizStep: 'shipping',
      'example:k': { 'example:inner': 'v' },
    };
    const doc: JsonObject = {
      '@context': [CONTEXT, { example: 'https://ns.example.com/epcis/' }],
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: '2024-01-01T00:00:00Z',
      epcisBody: { eventList: [ev] },
    };
    const xml = serializeEpcisXml(doc, { example: 'https://ns.example.com/epcis/' }, { cbvFormat: 'No_Preference' });
    assert.match(xml, /<extension>\s*<example:CustomEvent>/);
    const back = await parseEpcisXml(xml);
    assert.deepEqual((back.document.epcisBody as JsonObject).eventList, [ev]);
  });

  it('writes master data query results as resultsBody/VocabularyList', async () => {
    const vocabularyList = [
      { type: 'urn:epcglobal:epcis:vtype:ReadPoint', vocabularyElementList: [{ id: 'urn:x:1' }] },
    ];
    const xml = serializeEpcisXml(
      {
        type: 'EPCISQueryDocument',
        creationDate: '2024-01-01T00:00:00Z',
        epcisBody: { queryResults: { queryName: 'SimpleMasterDataQuery', resultsBody: { vocabularyList } } },
      },
      {},
      { cbvFormat: 'No_Preference' },
    );
    const back = await parseEpcisXml(xml);
    const qr = (back.document.epcisBody as JsonObject).queryResults as JsonObject;
    assert.deepEqual(qr, { queryName: 'SimpleMasterDataQuery', resultsBody: { vocabularyList } });
  });
});
