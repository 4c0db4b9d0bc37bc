import assert from 'node:assert/strict';
import { parseEpcisXml } from '../../../src/formats/xml/parse-epcis-xml';
import type { JsonObject } from '../../../src/model/types';
import { doc2, objectEvent } from './xml-fixtures';

const firstEvent = async (xml: string, parser?: 'fast' | 'saxes' | 'xml2js'): Promise<JsonObject> => {
  const p = await parseEpcisXml(xml, parser ? { parser } : undefined);
  const body = p.document.epcisBody as JsonObject;
  return (body.eventList as JsonObject[])[0]!;
};

describe('XML -> JSON event mapping (EPCIS-DIGEST §f)', () => {
  for (const parser of ['fast', 'saxes', 'xml2js'] as const) {
    describe(`with the ${parser} tree builder`, () => {
      it('maps CBV URNs and Web URIs to bare words (§f rule 6) and keeps other URIs', async () => {
        const ev = await firstEvent(
          doc2(
            objectEvent(`
          <bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep>
          <disposition>https://ref.gs1.org/cbv/Disp-in_transit</disposition>
          <bizTransactionList>
            <bizTransaction type="urn:epcglobal:cbv:btt:po">urn:epc:id:gdti:0614141.00001.1</bizTransaction>
            <bizTransaction>http://example.com/tx/1</bizTransaction>
          </bizTransactionList>
          <sourceList><source type="urn:epcglobal:cbv:sdt:owning_party">urn:epc:id:pgln:4012345.00001</source></sourceList>
          <destinationList><destination type="http://example.com/sdt/custom">urn:epc:id:pgln:4012345.00002</destination></destinationList>`),
          ),
          parser,
        );
        assert.equal(ev.bizStep, 'shipping');
        assert.equal(ev.disposition, 'in_transit');
        assert.deepEqual(ev.bizTransactionList, [
          { type: 'po', bizTransaction: 'urn:epc:id:gdti:0614141.00001.1' },
          { bizTransaction: 'http://example.com/tx/1' },
        ]);
        assert.deepEqual(ev.sourceList, [{ type: 'owning_party', source: 'urn:epc:id:pgln:4012345.00001' }]);
        assert.deepEqual(ev.destinationList, [
          { type: 'http://example.com/sdt/custom', destination: 'urn:epc:id:pgln:4012345.00002' },
        ]);
      });

      it('leaves an unknown word under a CBV URN prefix untouched', async () => {
        const ev = await firstEvent(
          doc2(objectEvent('<bizStep>urn:epcglobal:cbv:bizstep:teleporting</bizStep>')),
          parser,
        );
        assert.equal(ev.bizStep, 'urn:epcglobal:cbv:bizstep:teleporting');
      });

      it('writes recordTime, eventID, errorDeclaration, certificationInfo and quantities with typed numbers', async () => {
        const ev = await firstEvent(
          doc2(
            objectEvent(
              `<quantityList>
                 <quantityElement><epcClass>urn:epc:class:lgtin:4012345.012345.998877</epcClass><quantity>25.50</quantity><uom>KGM</uom></quantityElement>
                 <quantityElement><epcClass>urn:epc:class:lgtin:4012345.012345.1</epcClass></quantityElement>
               </quantityList>`,
              `<recordTime>2024-01-02T00:00:00Z</recordTime>`,
            ).replace(
              '<epcList>',
              `<eventID>urn:uuid:1</eventID>
               <errorDeclaration>
                 <reason>urn:epcglobal:cbv:er:incorrect_data</reason>
                 <declarationTime>2024-01-03T00:00:00Z</declarationTime>
                 <correctiveEventIDs><correctiveEventID>urn:uuid:2</correctiveEventID></correctiveEventIDs>
                 <example:why>typo</example:why>
               </errorDeclaration>
               <certificationInfo>https://cert.example.org/1</certificationInfo>
               <epcList>`,
            ),
          ),
          parser,
        );
        assert.equal(ev.recordTime, '2024-01-02T00:00:00Z');
        assert.equal(ev.eventID, 'urn:uuid:1');
        assert.deepEqual(ev.errorDeclaration, {
          reason: 'incorrect_data',
          declarationTime: '2024-01-03T00:00:00Z',
          correctiveEventIDs: ['urn:uuid:2'],
          'example:why': 'typo',
        });
        assert.equal(ev.certificationInfo, 'https://cert.example.org/1');
        assert.deepEqual(ev.quantityList, [
          { epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', quantity: 25.5, uom: 'KGM' },
          { epcClass: 'urn:epc:class:lgtin:4012345.012345.1' },
        ]);
      });

      it('omits a nil quantity (xsi:nil) instead of inventing a number', async () => {
        const ev = await firstEvent(
          doc2(
            objectEvent(`<quantityList><quantityElement><epcClass>urn:epc:class:lgtin:1.2.3</epcClass>
              <quantity xsi:nil="true"/></quantityElement></quantityList>`),
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
          ),
          parser,
        );
        assert.deepEqual(ev.quantityList, [{ epcClass: 'urn:epc:class:lgtin:1.2.3' }]);
      });

      it('types sensor attributes: numbers, booleans, measurement types, components (§f rules 6-7)', async () => {
        const ev = await firstEvent(
          doc2(
            objectEvent(`<readPoint><id>urn:epc:id:sgln:4012345.00001.0</id></readPoint>
              <sensorElementList><sensorElement>
                <sensorMetadata time="2024-01-01T10:00:00Z" deviceID="urn:epc:id:giai:4000001.111" example:batch="b1"/>
                <sensorReport type="gs1:Temperature" value="26.0" uom="CEL" booleanValue="true" component="cbv:Comp-latitude"/>
                <sensorReport type="https://gs1.org/voc/RelativeHumidity" minValue="12.1" exception="gs1:ALARM_CONDITION"/>
                <sensorReport type="gs1:EffectiveDoseRate" component="urn:epcglobal:cbv:comp:x" example:cv="7"/>
                <example:note>n</example:note>
              </sensorElement></sensorElementList>`),
          ),
          parser,
        );
        assert.deepEqual(ev.sensorElementList, [
          {
            sensorMetadata: {
              time: '2024-01-01T10:00:00Z',
              deviceID: 'urn:epc:id:giai:4000001.111',
              'example:batch': 'b1',
            },
            sensorReport: [
              { type: 'Temperature', value: 26, uom: 'CEL', booleanValue: true, component: 'latitude' },
              { type: 'RelativeHumidity', minValue: 12.1, exception: 'ALARM_CONDITION' },
              { type: 'gs1:EffectiveDoseRate', component: 'x', 'example:cv': '7' },
            ],
            'example:note': 'n',
          },
        ]);
      });

      it('rejects a non-numeric sensor value', async () => {
        const xml = doc2(
          objectEvent(
            '<sensorElementList><sensorElement><sensorReport type="gs1:Mass" value="heavy"/></sensorElement></sensorElementList>',
          ),
        );
        await assert.rejects(parseEpcisXml(xml, { parser }), /not a finite number/);
      });

      it('maps persistentDisposition set/unset and readPoint/bizLocation extensions', async () => {
        const ev = await firstEvent(
          doc2(
            objectEvent(`<readPoint><id>urn:epc:id:sgln:1.2.3</id><example:gate>7</example:gate></readPoint>
              <bizLocation><id>urn:epc:id:sgln:1.2.0</id><extension><example:hall>A</example:hall></extension></bizLocation>
              <persistentDisposition><unset>urn:epcglobal:cbv:disp:completeness_inferred</unset>
              <set>urn:epcglobal:cbv:disp:completeness_verified</set></persistentDisposition>`),
          ),
          parser,
        );
        assert.deepEqual(ev.readPoint, { id: 'urn:epc:id:sgln:1.2.3', 'example:gate': '7' });
        assert.deepEqual(ev.bizLocation, { id: 'urn:epc:id:sgln:1.2.0', 'example:hall': 'A' });
        assert.deepEqual(ev.persistentDisposition, {
          set: ['completeness_verified'],
          unset: ['completeness_inferred'],
        });
      });

      it('rejects an unknown unqualified element inside an event', async () => {
        await assert.rejects(
          parseEpcisXml(doc2(objectEvent('<colour>red</colour>')), { parser }),
          /Unexpected element <colour>/,
        );
      });
    });
  }
});
