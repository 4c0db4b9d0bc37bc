import assert from 'node:assert/strict';
import type { JsonObject, JsonValue } from '../../../src/model/types';
import { computeQueryFields } from '../../../src/query/query-fields';
import { masterDataNeeds, resolveMasterData } from '../../../src/query/translate/master-data';
import { parseQuery } from '../../../src/query/params/parse-query';
import { EVENTS, VOCABULARY } from './corpus';
import { canonicalEpc, NAMESPACES, params } from './support';

const EX = 'http://ns.example.com/epcis/';
const EXP = 'http://ns%2Eexample%2Ecom/epcis/';
const fields = (name: string) => computeQueryFields(EVENTS[name] as JsonObject, NAMESPACES, { canonicalEpc });

describe('computeQueryFields: the shape of q', () => {
  it('an ObjectEvent with transactions, sensors and extensions', () => {
    assert.deepEqual(fields('shipUrn'), {
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'shipping',
      disposition: 'in_transit',
      readPoint: 'https://id.gs1.org/414/0614141000012/254/7',
      bizLocation: 'https://id.gs1.org/414/0614141000012',
      epc: ['https://id.gs1.org/01/10614141073464/21/2017'],
      bizTx: ['po|urn:x:po:100', 'desadv|urn:x:doc:200'],
      source: ['owning_party|urn:x:party:A'],
      destination: ['possessing_party|urn:x:party:B'],
      sensor: {
        deviceID: ['https://id.gs1.org/8004/4000001111'],
        type: ['Temperature', 'Humidity', `${EX}Pressure`],
        time: [new Date('2024-03-01T09:30:00Z')],
        m: { value: { KEL: [282.65], P1: [70], PAL: [101325] }, sDev: { KEL: [0.5] } },
        mt: {
          Temperature: { value: { KEL: [282.65] }, sDev: { KEL: [0.5] } },
          Humidity: { value: { P1: [70] } },
          [`${EXP}Pressure`]: { value: { PAL: [101325] } },
        },
      },
      x: {
        eq: {
          event: [`${EX}temp|12.5`, `${EX}shipped|2024-03-01T09:00:00Z`],
          eventInner: [`${EX}inner|deep`, 'https://example.org/ext#level|5', 'https://example.org/ext#level|x'],
          readPoint: [`${EX}dock|D1`],
          sensorMetadata: [`${EX}fw|1.2`],
          sensorReport: [`${EX}calibrated|true`],
        },
        has: {
          event: [`${EX}temp`, `${EX}shipped`, `${EX}note`],
          eventInner: [`${EX}inner`, 'https://example.org/ext#level'],
          readPoint: [`${EX}dock`],
          sensorMetadata: [`${EX}fw`],
          sensorReport: [`${EX}calibrated`],
        },
        num: {
          event: { [`${EXP}temp`]: [12.5] },
          eventInner: { 'https://example%2Eorg/ext#level': [5] },
          sensorMetadata: { [`${EXP}fw`]: [1.2] },
        },
        time: { event: { [`${EXP}shipped`]: [new Date('2024-03-01T09:00:00Z')] } },
        sort: { [`${EXP}temp`]: 12.5, [`${EXP}shipped`]: new Date('2024-03-01T09:00:00Z') },
      },
    });
  });

  it('a TransformationEvent with quantities and ilmd', () => {
    assert.deepEqual(fields('transform'), {
      type: 'TransformationEvent',
      transformationID: 'urn:x:transformation:1',
      inputEPC: ['https://id.gs1.org/01/04012345111118/21/1'],
      outputEPC: ['urn:example:private:out-9'],
      inputEPCClass: ['https://id.gs1.org/01/10614141073464'],
      outputEPCClass: ['urn:example:class:x'],
      qty: [2, 3],
      qtyBase: { KGM: [2] },
      x: {
        eq: { ilmd: [`${EX}lot|L1`, `${EX}best|2025-01-01T00:00:00Z`], ilmdInner: [`${EX}grade|A`] },
        has: { ilmd: [`${EX}lot`, `${EX}best`, `${EX}spec`], ilmdInner: [`${EX}grade`] },
        time: { ilmd: { [`${EXP}best`]: [new Date('2025-01-01T00:00:00Z')] } },
      },
    });
  });

  it('an error declaration and an aggregation', () => {
    const declared = fields('shipUrnError');
    assert.deepEqual(declared['ed'], {
      corrective: ['urn:uuid:fix-1'],
      time: new Date('2024-03-05T00:00:00Z'),
      reason: 'incorrect_data',
    });
    const pack = fields('pack');
    assert.equal(pack['parentID'], 'https://id.gs1.org/00/106141412345678908');
    assert.deepEqual(pack['epc'], ['https://id.gs1.org/01/10614141073464/21/2017', 'urn:acme:asset:7']);
    assert.deepEqual(pack['epcClass'], ['https://id.gs1.org/01/10614141073464/10/LOT1']);
    assert.deepEqual(pack['qtyBase'], { KGM: [0.5] });
  });

  it('never produces a key with a dot or a leading dollar, whatever the extension keys', () => {
    const hostile: JsonObject = {
      type: 'ObjectEvent',
      eventTime: '2024-01-01T00:00:00Z',
      '$x:y': 1,
      'ex:a.b': { 'ex:$gt': 2, '$where:z': 'w' },
      sensorElementList: [{ sensorReport: [{ type: '$t.x', value: 1, uom: 'A.B' }] }],
    };
    const check = (value: unknown, path: string): void => {
      if (value instanceof Date || value === null || typeof value !== 'object') return;
      for (const [key, child] of Object.entries(value as Record<string, JsonValue>)) {
        assert.ok(!key.includes('.') && !key.startsWith('$'), `${path}.${key}`);
        check(child, `${path}.${key}`);
      }
    };
    for (const event of [...Object.values(EVENTS), hostile]) {
      check(computeQueryFields(event, NAMESPACES, { canonicalEpc }), 'q');
    }
    const q = computeQueryFields(hostile, NAMESPACES, { canonicalEpc }) as unknown as {
      x: { num: Record<string, Record<string, number[]>> };
      sensor: { m: Record<string, Record<string, number[]>> };
    };
    assert.deepEqual(q.x.num['event'], { '%24x:y': [1] });
    assert.deepEqual(q.x.num['eventInner'], { [`${EXP}$gt`]: [2] });
    assert.deepEqual(q.sensor.m['value'], { 'A%2EB': [1] });
  });
});

describe('master data resolution (WD_, HASATTR_, EQATTR_)', () => {
  const resolve = (queryString: string, vocabulary = VOCABULARY) => {
    const query = parseQuery({ params: params(queryString) }, { namespaces: NAMESPACES });
    return Object.values(resolveMasterData(masterDataNeeds(query), vocabulary, canonicalEpc));
  };

  it('direct and indirect descendants, across URN and DL forms', () => {
    assert.deepEqual(resolve('WD_bizLocation=urn:epc:id:sgln:0614141.00000.0'), [
      [
        'https://id.gs1.org/414/0614141000005',
        'https://id.gs1.org/414/0614141000029',
        'https://id.gs1.org/414/0614141000012',
      ],
    ]);
  });

  it('tolerates cycles and merges several records of one element', () => {
    const cyclic = [
      { type: 't', id: 'urn:a', attributes: [], children: ['urn:b'] },
      { type: 't', id: 'urn:b', attributes: [], children: ['urn:a'] },
      { type: 't', id: 'urn:b', attributes: [], children: ['urn:c'] },
    ];
    assert.deepEqual(resolve('WD_readPoint=urn:a', cyclic), [['urn:a', 'urn:b', 'urn:c']]);
  });

  it('attributes: present (non-null) and equal to a value', () => {
    assert.deepEqual(resolve('HASATTR_bizLocation=urn:epcglobal:cbv:mda:sst|urn:x:flag'), [
      ['urn:epc:id:sgln:0614141.00000.0', 'https://id.gs1.org/414/0614141000029'],
    ]);
    assert.deepEqual(resolve('EQATTR_bizLocation_cbvmda:sst=201|203'), [['urn:epc:id:sgln:0614141.00000.0']]);
  });
});
