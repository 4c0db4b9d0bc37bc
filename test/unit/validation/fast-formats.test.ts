import assert from 'node:assert/strict';
import { fullFormats } from 'ajv-formats/dist/formats';
import fc from 'fast-check';
import { isDateTime, isUri } from '../../../src/validation/fast-formats';

const fullUri = fullFormats.uri as (value: string) => boolean;
const fullDateTime = (fullFormats['date-time'] as { validate: (value: string) => boolean }).validate;

// Characters that matter to RFC 3986 (delimiters, pchar, percent, brackets, space, non-ASCII), weighted towards URIs.
const uriChar = fc.oneof(
  fc.constantFrom(...'abcxyzABCZ0189-._~!$&\'()*+,;=:@/?#%[]{}<>"\\^` |'),
  fc.constantFrom('%20', '%2F', '%zz', '%4', 'é', '\n', '\t', '\u0000'),
);
const uriLike = fc.oneof(
  fc.string({ unit: uriChar, maxLength: 40 }),
  fc
    .tuple(
      fc.constantFrom('urn', 'https', 'http', 'h2+x.y-z', 'ni', '1a', '', 'a_b'),
      fc.constantFrom(':', '://', ':/', '::', '//'),
      fc.string({ unit: uriChar, maxLength: 40 }),
    )
    .map(([scheme, separator, rest]) => scheme + separator + rest),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.string(),
);

/** The fast check and the full one agree on 20,000 generated values. */
function assertSameVerdicts(
  values: fc.Arbitrary<string>,
  fast: (value: string) => boolean,
  full: (value: string) => boolean,
): void {
  fc.assert(
    fc.property(values, (value) => {
      assert.equal(fast(value), full(value), JSON.stringify(value));
    }),
    { numRuns: 20000 },
  );
}

describe('fast formats: uri', () => {
  it('gives the verdict of ajv-formats full `uri` for any string', () => {
    assertSameVerdicts(uriLike, isUri, fullUri);
  });

  it('accepts the usual EPCIS identifiers and refuses what the full check refuses', () => {
    for (const uri of [
      'urn:epc:id:sgtin:0614141.107346.2017',
      'urn:uuid:00000000-0000-4000-8000-000000000001',
      'https://id.gs1.org/01/09520123456788/21/12345',
      'urn:epcglobal:cbv:bt:0614141073467:1152',
      'https://example.com/a%20b/c?d=e#f',
    ])
      assert.equal(isUri(uri), true, uri);
    for (const notUri of ['', 'urn', 'no scheme', '1urn:x', 'urn:a b', 'https://a b/', 'urn:%zz', 'http://[::1']) {
      assert.equal(isUri(notUri), false, notUri);
      assert.equal(fullUri(notUri), false, notUri);
    }
  });
});

const digits = (count: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: count, maxLength: count });
const padded = (min: number, max: number, width = 2) =>
  fc.integer({ min, max }).map((n) => String(n).padStart(width, '0'));
/** Mostly `usual`, sometimes `unusual`: each part of a date-time is usually well formed, so that wrong parts meet. */
const mostly = <T>(usual: fc.Arbitrary<T>, ...unusual: fc.Arbitrary<T>[]) =>
  fc.oneof({ arbitrary: usual, weight: 8 }, ...unusual.map((arbitrary) => ({ arbitrary, weight: 1 })));

/** Date-times near the usual form: each part usually right, sometimes out of range or malformed. */
const dateTimeLike = fc.oneof(
  fc
    .tuple(
      mostly(
        padded(0, 9999, 4),
        fc.constantFrom('1600', '1800', '1900', '2000', '2100', '2400'),
        fc.string({ maxLength: 5 }),
      ),
      mostly(fc.constant('-'), fc.constantFrom('/', '')),
      mostly(
        fc.tuple(padded(1, 12), padded(1, 28)).map(([month, day]) => `${month}-${day}`),
        fc.constantFrom('02-29', '02-30', '04-31', '01-31', '12-31', '00-10', '13-01', '01-00', '01-32', '1-01'),
        fc.tuple(digits(2), digits(2)).map(([month, day]) => `${month}-${day}`),
      ),
      mostly(fc.constant('T'), fc.constantFrom('t', ' ', 'X', 'TT', '')),
      mostly(padded(0, 23), padded(24, 99), digits(1), digits(3)),
      mostly(fc.constant(':'), fc.constantFrom('', '-')),
      mostly(padded(0, 59), padded(60, 99)),
      mostly(fc.constant(':'), fc.constantFrom('', '-')),
      mostly(padded(0, 59), fc.constantFrom('60', '61', '99', '5', '')),
      mostly(fc.constantFrom('', '.5', '.123', '.123456789'), fc.constantFrom('.', '.x', ',5', '.5.5')),
      mostly(
        fc.oneof(
          fc.constant('Z'),
          fc.tuple(fc.constantFrom('+', '-'), padded(0, 23), padded(0, 59)).map((p) => `${p[0]}${p[1]}:${p[2]}`),
        ),
        fc.constantFrom('z', '', '+24:00', '-00:60', '+0100', '+01', '+1:00', 'ZZ', '+01:00Z', '+01:0'),
      ),
    )
    .map((parts) => parts.join('')),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.string({ maxLength: 30 }),
);

describe('fast formats: date-time', () => {
  it('gives the verdict of ajv-formats full `date-time` for any string', () => {
    assertSameVerdicts(dateTimeLike, isDateTime, fullDateTime);
  });

  it('accepts real instants and refuses impossible ones, as the full check does', () => {
    for (const valid of ['2024-02-29T00:00:00Z', '2024-01-01T13:53:20.000+01:00', '2000-02-29T23:59:59.5-05:30'])
      assert.equal(isDateTime(valid), true, valid);
    for (const invalid of [
      '2023-02-29T00:00:00Z',
      '1900-02-29T00:00:00Z',
      '2024-04-31T00:00:00Z',
      '2024-01-01T24:00:00Z',
    ]) {
      assert.equal(isDateTime(invalid), false, invalid);
      assert.equal(fullDateTime(invalid), false, invalid);
    }
  });

  it('agrees with the full check on leap years, leap seconds and malformed offsets', () => {
    const edges = [
      ...['1600', '1800', '1900', '2000', '2100', '2200', '2400', '0000', '0004'].map((y) => `${y}-02-29T00:00:00Z`),
      '2016-12-31T23:59:60Z',
      '2016-12-31T22:59:60-01:00',
      '2016-12-31T12:00:60Z',
      '2024-01-01T00:00:00+01;00',
      '2024-01-01T00:00:00+01-00',
      '2024-01-01T00:00:00.Z',
      '2024-01-01T00:00:00.1234567890123Z',
    ];
    for (const value of edges) assert.equal(isDateTime(value), fullDateTime(value), value);
  });
});
