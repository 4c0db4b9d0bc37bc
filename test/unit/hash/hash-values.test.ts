import assert from 'node:assert/strict';
import fc from 'fast-check';
import { preHashString } from '../../../src/hash/event-hash';
import { canonicalNumber, canonicalTimestamp, canonicalValue } from '../../../src/hash/hash-values';
import { contextNamespaces } from '../../../src/hash/context-namespaces';

/** Value rules of EPCIS-DIGEST §h (numbers, timestamps, CBV URNs, EPCs), with the reference's exact behaviour. */
describe('event hash value rules', () => {
  it('writes numbers without trailing zeros, like a float repr', () => {
    const cases: [string, string | null][] = [
      ['26.0', '26'],
      ['1e3', '1000'],
      ['+5', '5'],
      ['0012', '12'],
      ['-0.0', '0'],
      ['0.1', '0.1'],
      ['0.0001', '0.0001'],
      ['0.00001', '1e-05'],
      ['1.5e-7', '1.5e-07'],
      ['1_000', '1000'],
      ['12345678901234567890', '12345678901234567168'],
      ['nan', null],
      ['1e400', null],
      ['12a', null],
      ['', null],
    ];
    for (const [text, expected] of cases) assert.equal(canonicalNumber(text), expected, text);
  });

  it('writes timestamps in UTC with 3 digits, rounding microseconds half to even', () => {
    const cases: [string, string][] = [
      ['2020-03-04T11:00:30+01:00', '2020-03-04T10:00:30.000Z'],
      ['2019-01-01T00:00:00.1415+14:00', '2018-12-31T10:00:00.142Z'],
      ['2021-06-30T10:00:00.1225Z', '2021-06-30T10:00:00.122Z'],
      ['2021-06-30T10:00:00.1235Z', '2021-06-30T10:00:00.124Z'],
      ['2021-06-30T10:00:00.12250001Z', '2021-06-30T10:00:00.122Z'],
      ['2021-06-30T23:59:59.9994-02:00', '2021-07-01T01:59:59.999Z'],
      ['2021-12-31T23:59:59.9996Z', '2022-01-01T00:00:00.000Z'],
      ['2024-02-29T12:00:00.5-05:30', '2024-02-29T17:30:00.500Z'],
    ];
    for (const [text, expected] of cases) assert.equal(canonicalTimestamp(text), expected, text);
    for (const text of ['2023-02-29T00:00:00Z', 'yesterday', '2020-13-01T00:00:00Z']) {
      assert.equal(canonicalTimestamp(text), text);
    }
  });

  it('reads timestamps the same on the fast path and the general path', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(
        fc.record({
          y: fc.integer({ min: 1000, max: 9998 }),
          mo: fc.integer({ min: 1, max: 12 }),
          d: fc.integer({ min: 1, max: 31 }),
          h: fc.integer({ min: 0, max: 23 }),
          mi: fc.integer({ min: 0, max: 59 }),
          s: fc.integer({ min: 0, max: 59 }),
          frac: fc.oneof(fc.constant(''), fc.stringMatching(/^\.\d{1,9}$/)),
          zone: fc.oneof(fc.constant('Z'), fc.stringMatching(/^[+-](0\d|1[0-4]):[0-5]\d$/)),
        }),
        ({ y, mo, d, h, mi, s, frac, zone }) => {
          const text = `${y}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}${frac}${zone}`;
          const general = text.replace('T', 't');
          const [a, b] = [canonicalTimestamp(text), canonicalTimestamp(general)];
          // An impossible date (e.g. 04-31) is returned unchanged by both paths.
          if (b === general) assert.equal(a, text);
          else assert.equal(a, b);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('rewrites CBV URNs and EPCs, leaves other values', () => {
    assert.equal(canonicalValue('urn:epcglobal:cbv:disp:in_transit'), 'https://ref.gs1.org/cbv/Disp-in_transit');
    assert.equal(canonicalValue('urn:epcglobal:cbv:comp:x'), 'urn:epcglobal:cbv:comp:x');
    assert.equal(canonicalValue('urn:epc:id:sscc:4012345.0000000111'), 'https://id.gs1.org/00/040123450000001112');
    assert.equal(canonicalValue('urn:epcglobal:cbv:bt:0614141073467:1152'), 'urn:epcglobal:cbv:bt:0614141073467:1152');
  });

  it('sorts by code point, not UTF-16 unit (U+FF01 before U+1F600)', () => {
    const event = {
      type: 'ObjectEvent',
      eventTime: '2020-01-01T00:00:00Z',
      action: 'ADD',
      'ex:list': ['\u{1F600}', '\uff01'],
    };
    const pre = preHashString(event, { ex: 'https://ex.example/' });
    assert.ok(pre.endsWith('{https://ex.example/}list=\uff01{https://ex.example/}list=\u{1F600}'), pre);
  });

  it('reads the prefixes of a JSON-LD @context array', () => {
    assert.deepEqual(
      contextNamespaces([
        'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld',
        { ex: 'https://ex.example/', '@vocab': 'x', n: 1 },
      ]),
      { ex: 'https://ex.example/' },
    );
    assert.deepEqual(contextNamespaces('https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'), {});
  });
});
