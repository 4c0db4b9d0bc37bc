import assert from 'node:assert/strict';
import { EpcisError } from '../../../src/errors/epcis-errors';
import { parseGs1ExtensionsHeader } from '../../../src/query/params/gs1-extensions-header';
import { toBase } from '../../../src/query/units/convert';
import { UNITS } from '../../../src/query/units/uom-table';

describe('unit conversion to base units (UN/ECE Rec 20)', () => {
  const CASES: [number, string, 'level' | 'spread', string, number][] = [
    [20, 'CEL', 'level', 'KEL', 293.15],
    [-40, 'FAH', 'level', 'KEL', 233.15],
    [212, 'FAH', 'level', 'KEL', 373.15],
    [9, 'FAH', 'spread', 'KEL', 5],
    [1, 'CEL', 'spread', 'KEL', 1],
    [1, 'LBR', 'level', 'KGM', 0.45359237],
    [250, 'GRM', 'level', 'KGM', 0.25],
    [1, 'INH', 'level', 'MTR', 0.0254],
    [2, 'KMT', 'level', 'MTR', 2000],
    [1500, 'MLT', 'level', 'MTQ', 0.0015],
    [1, 'GLL', 'level', 'MTQ', 0.003785411784],
    [1, 'BAR', 'level', 'PAL', 100000],
    [1013.25, 'A97', 'level', 'PAL', 101325],
    [0.5, 'C62', 'level', 'P1', 50],
    [12.1, 'A93', 'level', 'KMQ', 0.0121],
    [2, 'HUR', 'level', 'SEC', 7200],
    [36, 'KMH', 'level', 'MTS', 10],
    [7, 'LUX', 'level', 'LUX', 7],
  ];
  for (const [value, uom, kind, unit, expected] of CASES) {
    it(`${value} ${uom} (${kind}) = ${expected} ${unit}`, () =>
      assert.deepEqual(toBase(value, uom, kind), { unit, value: expected }));
  }

  it('each dimension has its base unit with factor 1 and offset 0', () => {
    for (const definition of Object.values(UNITS)) {
      assert.deepEqual(UNITS[definition.base], { base: definition.base, factor: 1, offset: 0 });
    }
    for (const dimension of ['KEL', 'KGM', 'MTR', 'MTQ', 'PAL', 'P1', 'SEC']) assert.ok(UNITS[dimension]);
  });
});

describe('GS1-Extensions header', () => {
  it('reads the OpenAPI syntax prefix=IRI', () => {
    assert.deepEqual(parseGs1ExtensionsHeader('example-epc-ext=http://org1.example.com/epcis/, ext2=urn:x:'), {
      'example-epc-ext': 'http://org1.example.com/epcis/',
      ext2: 'urn:x:',
    });
  });

  it('reads the spec §12.3 syntax "prefix":"IRI", with or without braces', () => {
    const expected = { 'example-epc-ext': 'http://example.com/epcis/', b: 'https://b.example/#' };
    assert.deepEqual(
      parseGs1ExtensionsHeader('"example-epc-ext":"http://example.com/epcis/", "b": "https://b.example/#"'),
      expected,
    );
    assert.deepEqual(
      parseGs1ExtensionsHeader('{"example-epc-ext":"http://example.com/epcis/","b":"https://b.example/#"}'),
      expected,
    );
  });

  it('an empty header declares nothing; __proto__ stays an own key', () => {
    assert.deepEqual(parseGs1ExtensionsHeader('  '), {});
    const out = parseGs1ExtensionsHeader('__proto__=urn:x:');
    assert.equal(Object.getPrototypeOf(out), Object.prototype);
    assert.equal(Object.getOwnPropertyDescriptor(out, '__proto__')?.value, 'urn:x:');
  });

  for (const bad of ['ex', 'ex=', '=urn:x', 'ex=notaniri', '"ex":urn:x', 'a=urn:x,a=urn:y']) {
    it(`refuses ${JSON.stringify(bad)}`, () => {
      assert.throws(
        () => parseGs1ExtensionsHeader(bad),
        (error: unknown) => error instanceof EpcisError && error.exception === 'QueryParameterException',
      );
    });
  }
});
