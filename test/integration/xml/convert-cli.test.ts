/** The `epcis-convert` CLI: argument handling and conversions through the same code the server uses. */
import assert from 'node:assert/strict';
import { convertDocument, parseArgs } from '../../../src/cli/convert';
import { EpcisError } from '../../../src/errors/epcis-errors';
import { validateEpcisXmlSchema } from '../../../src/formats/xml/xsd-validator';

const XML12 = `<?xml version="1.0"?><epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:1" xmlns:ex="urn:ex:"
  schemaVersion="1.2" creationDate="2024-01-01T00:00:00Z"><EPCISBody><EventList><ObjectEvent>
  <eventTime>2024-01-01T00:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
  <epcList><epc>urn:epc:id:sgtin:1.2.3</epc></epcList><action>OBSERVE</action>
  <bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep>
  <extension><sourceList><source type="urn:epcglobal:cbv:sdt:owning_party">urn:epc:id:pgln:1.2</source></sourceList></extension>
  <ex:note>n</ex:note></ObjectEvent></EventList></EPCISBody></epcis:EPCISDocument>`;

describe('epcis-convert', () => {
  it('parses its arguments', () => {
    assert.deepEqual(parseArgs(['--to', 'xml', 'f.json']), { options: { to: 'xml' }, file: 'f.json' });
    assert.deepEqual(parseArgs(['--to=json', '--cbv-format', 'Always_Web_URI', '-']), {
      options: { to: 'json', cbvFormat: 'Always_Web_URI' },
      file: undefined,
    });
    assert.throws(() => parseArgs(['--to', 'yaml']), /--to must be json or xml/);
    assert.throws(() => parseArgs(['--to', 'xml', '--cbv-format', 'Sometimes']), /--cbv-format/);
  });

  it('converts EPCIS 1.2 XML to JSON-LD, and that JSON-LD back to XML that validates as EPCIS 2.0', async () => {
    const json = JSON.parse(await convertDocument(XML12, { to: 'json' }));
    assert.deepEqual(json['@context'], [
      'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld',
      { ex: 'urn:ex:' },
    ]);
    const ev = json.epcisBody.eventList[0];
    assert.equal(ev.bizStep, 'shipping');
    assert.deepEqual(ev.sourceList, [{ type: 'owning_party', source: 'urn:epc:id:pgln:1.2' }]);
    assert.equal(ev['ex:note'], 'n');
    const xml = await convertDocument(JSON.stringify(json), { to: 'xml', cbvFormat: 'Always_Web_URI' });
    assert.match(xml, /xmlns:epcis="urn:epcglobal:epcis:xsd:2"/);
    assert.match(xml, /https:\/\/ref\.gs1\.org\/cbv\/SDT-owning_party/);
    assert.deepEqual(await validateEpcisXmlSchema(xml), []);
    const again = JSON.parse(await convertDocument(xml, { to: 'json' }));
    assert.deepEqual(again.epcisBody.eventList, json.epcisBody.eventList);
  });

  it('reports invalid input as a ValidationException', async () => {
    await assert.rejects(convertDocument('{not json', { to: 'xml' }), EpcisError);
    await assert.rejects(convertDocument('<a/>', { to: 'json' }), /Not an EPCIS document/);
  });
});
