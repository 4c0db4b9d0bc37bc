import assert from 'node:assert/strict';
import { parseEpcisXml } from '../../../src/formats/xml/parse-epcis-xml';
import type { JsonObject } from '../../../src/model/types';
import { doc2, objectEvent } from './xml-fixtures';

const eventsOf = (d: JsonObject): JsonObject[] => (d.epcisBody as JsonObject).eventList as JsonObject[];

describe('XML extensions -> CURIE keys (EPCIS-DIGEST §f rules 8-9)', () => {
  it('keeps the XML prefix and the namespace string verbatim, nests objects and repeats as arrays', async () => {
    const p = await parseEpcisXml(
      doc2(
        objectEvent(`<example:myField>v</example:myField>
          <example:group><example:a>1</example:a><example:a>2</example:a><example:b/></example:group>`),
      ),
    );
    const ev = eventsOf(p.document)[0]!;
    assert.equal(ev['example:myField'], 'v');
    assert.deepEqual(ev['example:group'], { 'example:a': ['1', '2'], 'example:b': '' });
    assert.deepEqual(p.namespaces, { example: 'http://ns.example.com/epcis' });
    assert.deepEqual(p.document['@context'], [
      'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld',
      { example: 'http://ns.example.com/epcis' },
    ]);
  });

  it('invents a prefix for a default namespace and for a clash with a protected context prefix or term', async () => {
    const p = await parseEpcisXml(
      doc2(
        objectEvent(`<f xmlns="urn:acme:ns">1</f><gs1:g xmlns:gs1="urn:not-gs1">2</gs1:g>
          <x:h xmlns:x="urn:acme:ns">3</x:h><bizStep:k xmlns:bizStep="urn:term">4</bizStep:k>`),
      ),
    );
    const ev = eventsOf(p.document)[0]!;
    assert.equal(ev['ext1:f'], '1');
    assert.equal(ev['ext2:g'], '2');
    assert.equal(ev['ext1:h'], '3', 'the same namespace keeps one prefix, whatever the XML prefix');
    assert.equal(ev['ext3:k'], '4', 'a context term (bizStep) is never reused as a prefix');
    assert.equal(p.namespaces.ext1, 'urn:acme:ns');
    assert.equal(p.namespaces.ext2, 'urn:not-gs1');
  });

  it('maps urn:epcglobal:cbv:mda to the protected cbvmda prefix, left out of @context', async () => {
    const p = await parseEpcisXml(
      doc2(
        objectEvent(`<ilmd><cbvmda:lotNumber>L1</cbvmda:lotNumber><example:grade>A</example:grade>
          <extension><example:old>o</example:old></extension></ilmd>`),
        'xmlns:cbvmda="urn:epcglobal:cbv:mda"',
      ),
    );
    assert.deepEqual(eventsOf(p.document)[0]!.ilmd, {
      'cbvmda:lotNumber': 'L1',
      'example:grade': 'A',
      'example:old': 'o',
    });
    assert.equal(p.namespaces.cbvmda, 'urn:epcglobal:cbv:mda:');
    const ctx = p.document['@context'] as [string, JsonObject];
    assert.equal(ctx[1].cbvmda, undefined);
  });

  it('flattens the legacy event extension wrapper and maps extension attributes to CURIE keys', async () => {
    const p = await parseEpcisXml(
      doc2(
        objectEvent(`<extension><example:legacy><inner>x</inner></example:legacy></extension>
          <example:furtherData example:line="2" plain="p">t</example:furtherData>`),
      ),
    );
    const ev = eventsOf(p.document)[0]!;
    assert.deepEqual(ev['example:legacy'], { inner: 'x' });
    assert.deepEqual(ev['example:furtherData'], { 'example:line': '2', plain: 'p', '#text': 't' });
  });

  it('maps a custom event type inside EventList/extension to a CURIE type (§f rule 2)', async () => {
    const p = await parseEpcisXml(
      doc2(`<extension><example:CustomEvent><eventTime>2024-01-01T00:00:00Z</eventTime>
        <eventTimeZoneOffset>+00:00</eventTimeZoneOffset><example:k>v</example:k></example:CustomEvent></extension>`),
    );
    assert.deepEqual(eventsOf(p.document)[0], {
      type: 'example:CustomEvent',
      eventTime: '2024-01-01T00:00:00Z',
      eventTimeZoneOffset: '+00:00',
      'example:k': 'v',
    });
  });

  it('keeps __proto__, constructor and prototype names as inert own keys', async () => {
    const p = await parseEpcisXml(
      doc2(
        objectEvent(`<example:__proto__><example:polluted>yes</example:polluted></example:__proto__>
          <example:constructor>c</example:constructor><example:x example:prototype="p"/>`),
        'xmlns:__proto__="urn:proto"',
      ),
    );
    const ev = eventsOf(p.document)[0]!;
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(ev), Object.prototype);
    assert.deepEqual(Object.getOwnPropertyDescriptor(ev, 'example:__proto__')?.value, { 'example:polluted': 'yes' });
    assert.equal(ev['example:constructor'], 'c');
    assert.deepEqual(ev['example:x'], { 'example:prototype': 'p' });
  });
});

describe('XML documents -> JSON documents (EPCIS-DIGEST §f rules 1, 11, 12)', () => {
  it('reads the header: SBDH sender/receiver and master data with children and nested attributes', async () => {
    const header = `<EPCISHeader>
      <sbdh:StandardBusinessDocumentHeader xmlns:sbdh="http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader">
        <sbdh:HeaderVersion>1.0</sbdh:HeaderVersion>
        <sbdh:Sender><sbdh:Identifier Authority="GS1">urn:epc:id:sgln:1.1.0</sbdh:Identifier></sbdh:Sender>
        <sbdh:Receiver><sbdh:Identifier>urn:epc:id:sgln:2.2.0</sbdh:Identifier></sbdh:Receiver>
        <sbdh:DocumentIdentification><sbdh:Standard>EPCglobal</sbdh:Standard><sbdh:TypeVersion>2.0</sbdh:TypeVersion>
          <sbdh:InstanceIdentifier>42</sbdh:InstanceIdentifier><sbdh:Type>Events</sbdh:Type>
          <sbdh:CreationDateAndTime>2024-01-01T00:00:00Z</sbdh:CreationDateAndTime></sbdh:DocumentIdentification>
      </sbdh:StandardBusinessDocumentHeader>
      <extension><EPCISMasterData><VocabularyList>
        <Vocabulary type="urn:epcglobal:epcis:vtype:BusinessLocation"><VocabularyElementList>
          <VocabularyElement id="urn:epc:id:sgln:1.1.0">
            <attribute id="urn:epcglobal:cbv:mda:site">0614141000010</attribute>
            <attribute id="http://example.com/a#obj"><example:inner>v</example:inner></attribute>
            <children><id>urn:epc:id:sgln:1.1.1</id></children>
          </VocabularyElement>
        </VocabularyElementList></Vocabulary>
      </VocabularyList></EPCISMasterData></extension></EPCISHeader>`;
    const p = await parseEpcisXml(doc2('', '', header));
    assert.equal(p.document.sender, 'urn:epc:id:sgln:1.1.0');
    assert.equal(p.document.receiver, 'urn:epc:id:sgln:2.2.0');
    assert.equal(p.document.instanceIdentifier, '42');
    assert.deepEqual((p.sbdh?.Sender as JsonObject).Identifier, { Authority: 'GS1', '#text': 'urn:epc:id:sgln:1.1.0' });
    assert.deepEqual(p.document.epcisHeader, {
      epcisMasterData: {
        vocabularyList: [
          {
            type: 'urn:epcglobal:epcis:vtype:BusinessLocation',
            vocabularyElementList: [
              {
                id: 'urn:epc:id:sgln:1.1.0',
                attributes: [
                  { id: 'urn:epcglobal:cbv:mda:site', attribute: '0614141000010' },
                  { id: 'http://example.com/a#obj', attribute: { 'example:inner': 'v' } },
                ],
                children: ['urn:epc:id:sgln:1.1.1'],
              },
            ],
          },
        ],
      },
    });
  });

  it('reads a query document into epcisBody.queryResults', async () => {
    const xml = `<epcisq:EPCISQueryDocument xmlns:epcisq="urn:epcglobal:epcis-query:xsd:2" schemaVersion="2.0"
      creationDate="2024-01-01T00:00:00Z"><EPCISBody><epcisq:QueryResults><queryName>SimpleEventQuery</queryName>
      <subscriptionID>s1</subscriptionID><resultsBody><EventList>${objectEvent('')}</EventList></resultsBody>
      </epcisq:QueryResults></EPCISBody></epcisq:EPCISQueryDocument>`;
    const p = await parseEpcisXml(xml);
    assert.equal(p.kind, 'EPCISQueryDocument');
    assert.equal(p.document.type, 'EPCISQueryDocument');
    const qr = (p.document.epcisBody as JsonObject).queryResults as JsonObject;
    assert.equal(qr.queryName, 'SimpleEventQuery');
    assert.equal(qr.subscriptionID, 's1');
    assert.equal(((qr.resultsBody as JsonObject).eventList as JsonObject[])[0]!.type, 'ObjectEvent');
  });

  it('upgrades EPCIS 1.2: wrappers flattened, TransformationEvent and QuantityEvent to 2.0 events', async () => {
    const xml = `<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:1" schemaVersion="1.2"
      creationDate="2024-01-01T00:00:00Z"><EPCISBody><EventList>
      <ObjectEvent><eventTime>2024-01-01T00:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
        <baseExtension><eventID>urn:uuid:9</eventID><errorDeclaration><declarationTime>2024-01-02T00:00:00Z</declarationTime>
        <reason>urn:epcglobal:cbv:er:did_not_occur</reason></errorDeclaration></baseExtension>
        <epcList/><action>ADD</action>
        <extension><quantityList><quantityElement><epcClass>urn:epc:class:lgtin:1.2.3</epcClass><quantity>3</quantity>
        </quantityElement></quantityList><ilmd><example:best xmlns:example="urn:ex">x</example:best></ilmd>
        <extension><futureField>f</futureField></extension></extension></ObjectEvent>
      <QuantityEvent><eventTime>2024-01-01T00:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
        <epcClass>urn:epc:idpat:sgtin:1.2.*</epcClass><quantity>200</quantity></QuantityEvent>
      <extension><TransformationEvent><eventTime>2024-01-01T00:00:00Z</eventTime>
        <eventTimeZoneOffset>+00:00</eventTimeZoneOffset><transformationID>urn:x:t</transformationID></TransformationEvent></extension>
      </EventList></EPCISBody></epcis:EPCISDocument>`;
    const p = await parseEpcisXml(xml);
    assert.equal(p.epcisVersion, '1.2');
    assert.equal(p.document.schemaVersion, '2.0');
    const [ob, qe, te] = eventsOf(p.document);
    assert.deepEqual(ob, {
      type: 'ObjectEvent',
      eventTime: '2024-01-01T00:00:00Z',
      eventTimeZoneOffset: '+00:00',
      eventID: 'urn:uuid:9',
      errorDeclaration: { declarationTime: '2024-01-02T00:00:00Z', reason: 'did_not_occur' },
      epcList: [],
      action: 'ADD',
      quantityList: [{ epcClass: 'urn:epc:class:lgtin:1.2.3', quantity: 3 }],
      ilmd: { 'example:best': 'x' },
      'epcis12:futureField': 'f',
    });
    assert.equal(p.namespaces.epcis12, 'urn:epcglobal:epcis:xsd:1');
    assert.deepEqual(qe, {
      type: 'ObjectEvent',
      eventTime: '2024-01-01T00:00:00Z',
      eventTimeZoneOffset: '+00:00',
      action: 'OBSERVE',
      quantityList: [{ epcClass: 'urn:epc:idpat:sgtin:1.2.*', quantity: 200 }],
    });
    assert.equal(te!.type, 'TransformationEvent');
    assert.equal(te!.transformationID, 'urn:x:t');
  });
});
