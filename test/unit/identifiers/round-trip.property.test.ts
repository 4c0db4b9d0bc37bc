import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  formatDigitalLink,
  gs1CheckDigit,
  parseDigitalLink,
  parseEpcUrn,
  toDigitalLink,
  toEpcUrn,
  validateIdentifier,
} from '../../../src/identifiers';

/**
 * URN -> Digital Link -> URN round trips over random valid keys of every scheme and every company prefix length
 * (6..12, i.e. every partition value of GS1 Tag Data Standard §14), and rejection of wrong check digits.
 */
const AI82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`;
const CPID = '#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const chars = (set: string, max: number) => fc.string({ unit: fc.constantFrom(...set), minLength: 1, maxLength: max });
/** TDS §5 escaping, written independently of src/identifiers. */
const esc = (s: string) => s.replace(/["%&/<>?#]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

type UrnGen = (L: number) => fc.Arbitrary<string>;
const cpAnd = (L: number, refDigits: number) => fc.tuple(digits(L), digits(refDigits));

const SCHEMES: Record<string, UrnGen> = {
  sgtin: (L) =>
    fc.tuple(cpAnd(L, 13 - L), chars(AI82, 20)).map(([[c, r], s]) => `urn:epc:id:sgtin:${c}.${r}.${esc(s)}`),
  sscc: (L) => cpAnd(L, 17 - L).map(([c, r]) => `urn:epc:id:sscc:${c}.${r}`),
  sgln: (L) =>
    fc
      .tuple(cpAnd(L, 12 - L), fc.oneof(fc.constant('0'), chars(AI82, 20)))
      .map(([[c, r], e]) => `urn:epc:id:sgln:${c}.${r}.${esc(e)}`),
  grai: (L) => fc.tuple(cpAnd(L, 12 - L), chars(AI82, 16)).map(([[c, r], s]) => `urn:epc:id:grai:${c}.${r}.${esc(s)}`),
  giai: (L) => fc.tuple(digits(L), chars(AI82, 30 - L)).map(([c, s]) => `urn:epc:id:giai:${c}.${esc(s)}`),
  gsrn: (L) => cpAnd(L, 17 - L).map(([c, r]) => `urn:epc:id:gsrn:${c}.${r}`),
  gsrnp: (L) => cpAnd(L, 17 - L).map(([c, r]) => `urn:epc:id:gsrnp:${c}.${r}`),
  gdti: (L) => fc.tuple(cpAnd(L, 12 - L), chars(AI82, 17)).map(([[c, r], s]) => `urn:epc:id:gdti:${c}.${r}.${esc(s)}`),
  cpi: (L) =>
    fc
      .tuple(digits(L), chars(CPID, 30 - L), fc.integer({ min: 0, max: 999999999999 }))
      .map(([c, r, s]) => `urn:epc:id:cpi:${c}.${esc(r)}.${s}`),
  sgcn: (L) =>
    fc
      .tuple(
        cpAnd(L, 12 - L),
        fc.integer({ min: 1, max: 12 }).chain((n) => digits(n)),
      )
      .map(([[c, r], s]) => `urn:epc:id:sgcn:${c}.${r}.${s}`),
  ginc: (L) => fc.tuple(digits(L), chars(AI82, 30 - L)).map(([c, s]) => `urn:epc:id:ginc:${c}.${esc(s)}`),
  gsin: (L) => cpAnd(L, 16 - L).map(([c, r]) => `urn:epc:id:gsin:${c}.${r}`),
  itip: (L) =>
    fc
      .tuple(cpAnd(L, 13 - L), digits(2), digits(2), chars(AI82, 20))
      .map(([[c, r], p, t, s]) => `urn:epc:id:itip:${c}.${r}.${p}.${t}.${esc(s)}`),
  upui: (L) => fc.tuple(cpAnd(L, 13 - L), chars(AI82, 28)).map(([[c, r], s]) => `urn:epc:id:upui:${c}.${r}.${esc(s)}`),
  pgln: (L) => cpAnd(L, 12 - L).map(([c, r]) => `urn:epc:id:pgln:${c}.${r}`),
  lgtin: (L) =>
    fc.tuple(cpAnd(L, 13 - L), chars(AI82, 20)).map(([[c, r], s]) => `urn:epc:class:lgtin:${c}.${r}.${esc(s)}`),
  'idpat sgtin': (L) => cpAnd(L, 13 - L).map(([c, r]) => `urn:epc:idpat:sgtin:${c}.${r}.*`),
  'idpat grai': (L) => cpAnd(L, 12 - L).map(([c, r]) => `urn:epc:idpat:grai:${c}.${r}.*`),
  'idpat gdti': (L) => cpAnd(L, 12 - L).map(([c, r]) => `urn:epc:idpat:gdti:${c}.${r}.*`),
  'idpat sgcn': (L) => cpAnd(L, 12 - L).map(([c, r]) => `urn:epc:idpat:sgcn:${c}.${r}.*`),
  'idpat cpi': (L) => fc.tuple(digits(L), chars(CPID, 30 - L)).map(([c, r]) => `urn:epc:idpat:cpi:${c}.${esc(r)}.*`),
  'idpat itip': (L) =>
    fc
      .tuple(cpAnd(L, 13 - L), digits(2), digits(2))
      .map(([[c, r], p, t]) => `urn:epc:idpat:itip:${c}.${r}.${p}.${t}.*`),
};

const LENGTHS = [6, 7, 8, 9, 10, 11, 12];

describe('identifiers: URN -> Digital Link -> URN round trips (property-based)', () => {
  for (const [scheme, gen] of Object.entries(SCHEMES)) {
    it(`${scheme}: every company prefix length 6..12`, () => {
      for (const L of LENGTHS) {
        fc.assert(
          fc.property(gen(L), (urn) => {
            const dl = toDigitalLink(urn) as string;
            assert.ok(dl?.startsWith('https://id.gs1.org/'), `${urn} -> ${dl}`);
            const general = parseEpcUrn(urn);
            assert.ok(general.ok);
            assert.equal(dl, formatDigitalLink(general.value.key), 'fast path = general path');
            assert.equal(toDigitalLink(dl), dl, 'canonical Digital Link is a fixed point');
            assert.equal(toEpcUrn(dl, { companyPrefixLength: () => L }), urn);
            assert.equal(toEpcUrn(urn), urn, 'a URN converts to itself');
            assert.equal(toEpcUrn(dl), null, 'no prefix length, no URN');
          }),
          { numRuns: 40 },
        );
      }
    });
  }

  it('the same key on any resolver domain, with short names and a query string, has one canonical form', () => {
    fc.assert(
      fc.property(SCHEMES['sgtin']!(7), fc.webAuthority(), (urn, host) => {
        const dl = toDigitalLink(urn) as string;
        const foreign = dl.replace('https://id.gs1.org/01/', `https://${host}/x/gtin/`).replace('/21/', '/ser/');
        assert.equal(toDigitalLink(`${foreign}?linkType=all#frag`), dl);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects a wrong check digit with a reason, for every check-digit key', () => {
    const keys: [string, number][] = [
      ['00', 17],
      ['01', 13],
      ['414', 12],
      ['417', 12],
      ['402', 16],
      ['8017', 17],
      ['8018', 17],
      ['253', 12],
      ['255', 12],
    ];
    for (const [ai, n] of keys) {
      fc.assert(
        fc.property(digits(n), fc.integer({ min: 1, max: 9 }), (data, delta) => {
          const good = `${data}${gs1CheckDigit(data)}`;
          const bad = `${data}${(gs1CheckDigit(data) + delta) % 10}`;
          assert.ok(parseDigitalLink(`https://id.gs1.org/${ai}/${good}`).ok);
          const check = validateIdentifier(`https://id.gs1.org/${ai}/${bad}`);
          assert.equal(check.status, 'invalid');
          assert.match(check.status === 'invalid' ? check.reason : '', /check digit/);
          assert.equal(toDigitalLink(`https://example.com/${ai}/${bad}`), null);
        }),
        { numRuns: 50 },
      );
    }
  });
});
