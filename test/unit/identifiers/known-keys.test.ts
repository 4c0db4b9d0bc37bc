import assert from 'node:assert/strict';
import {
  canonicalEpc,
  convertToEpcUrn,
  createCompanyPrefixTable,
  parseEpcUrn,
  toDigitalLink,
  toEpcUrn,
  validateIdentifier,
} from '../../../src/identifiers';

/** Known EPC URN <-> Digital Link pairs (GS1 Tag Data Standard examples, EPCIS-DIGEST §h rule 8 vectors). */
const PAIRS: [string, string][] = [
  ['urn:epc:id:sgtin:0614141.107346.2017', 'https://id.gs1.org/01/10614141073464/21/2017'],
  ['urn:epc:id:sgln:4012345.00011.987', 'https://id.gs1.org/414/4012345000115/254/987'],
  ['urn:epc:id:sgln:0614141.12345.0', 'https://id.gs1.org/414/0614141123452'],
  ['urn:epc:id:sscc:4012345.0000000111', 'https://id.gs1.org/00/040123450000001112'],
  ['urn:epc:id:grai:0614141.12345.400', 'https://id.gs1.org/8003/00614141123452400'],
  ['urn:epc:id:giai:0614141.12345400', 'https://id.gs1.org/8004/061414112345400'],
  ['urn:epc:id:gsrn:0614141.1234567890', 'https://id.gs1.org/8018/061414112345678902'],
  ['urn:epc:id:gsrnp:0614141.1234567890', 'https://id.gs1.org/8017/061414112345678902'],
  ['urn:epc:id:gdti:0614141.12345.400', 'https://id.gs1.org/253/0614141123452400'],
  ['urn:epc:id:cpi:0614141.5PQ7%2FZ43.12345', 'https://id.gs1.org/8010/06141415PQ7%2FZ43/8011/12345'],
  ['urn:epc:id:sgcn:4012345.67890.04711', 'https://id.gs1.org/255/401234567890104711'],
  ['urn:epc:id:ginc:0614141.xyz47%2F11', 'https://id.gs1.org/401/0614141xyz47%2F11'],
  ['urn:epc:id:gsin:0614141.123456789', 'https://id.gs1.org/402/06141411234567890'],
  ['urn:epc:id:itip:4012345.012345.01.02.987', 'https://id.gs1.org/8006/040123451234560102/21/987'],
  [
    'urn:epc:id:upui:1234567.098765.51qIgY)%3C%26Jp3*j7',
    'https://id.gs1.org/01/01234567987651/235/51qIgY%29%3C%26Jp3%2Aj7',
  ],
  ['urn:epc:id:pgln:1234567.89012', 'https://id.gs1.org/417/1234567890128'],
  ['urn:epc:class:lgtin:4012345.012345.998877', 'https://id.gs1.org/01/04012345123456/10/998877'],
  ['urn:epc:idpat:sgtin:4012345.012345.*', 'https://id.gs1.org/01/04012345123456'],
  ['urn:epc:idpat:grai:4012345.12345.*', 'https://id.gs1.org/8003/04012345123456'],
  ['urn:epc:id:sgtin:0614141.107346.a%2Fb!c', 'https://id.gs1.org/01/10614141073464/21/a%2Fb%21c'],
];

const prefixLength = (urn: string): number => (urn.split(':')[4] ?? '').split('.')[0]?.length ?? 0;

describe('identifiers: known keys', () => {
  for (const [urn, dl] of PAIRS) {
    it(`${urn} <-> ${dl}`, () => {
      assert.equal(toDigitalLink(urn), dl);
      assert.equal(toEpcUrn(dl, { companyPrefixLength: () => prefixLength(urn) }), urn);
    });
  }

  it('normalises any Digital Link: domain, short names, GTIN-13, query string, finest key', () => {
    assert.equal(
      toDigitalLink('http://example.com/shop/gtin/614141073467/lot/L1/ser/2017?linkType=gs1:pip#x'),
      'https://id.gs1.org/01/00614141073467/21/2017',
    );
    assert.equal(
      toDigitalLink('https://id.gs1.org/01/10614141073464/22/v1/10/L1'),
      'https://id.gs1.org/01/10614141073464/10/L1',
    );
    assert.equal(canonicalEpc('https://d.example/00/040123450000001112/'), 'https://id.gs1.org/00/040123450000001112');
  });

  it('keeps non-GS1 identifiers unchanged and says they are not GS1 keys', () => {
    for (const uri of ['urn:epc:id:gid:95100000.12345.400', 'https://example.org/items/42', 'urn:uuid:1234', 'x']) {
      assert.equal(canonicalEpc(uri), uri);
      assert.equal(toDigitalLink(uri), null);
      assert.deepEqual(validateIdentifier(uri), { status: 'not-gs1' });
    }
  });

  it('gives a reason for malformed GS1 URNs', () => {
    const cases: [string, RegExp][] = [
      ['urn:epc:id:sgtin:0614141.10734.2017', /13 digits/],
      ['urn:epc:id:sgtin:06141.1073466.2017', /6 to 12 digits/],
      ['urn:epc:id:sgtin:0614141.107346.a%2', /escaped/],
      ['urn:epc:id:sgtin:0614141.107346.123456789012345678901', /serial number/],
      ['urn:epc:id:sgtin:0614141.107346', /components/],
      ['urn:epc:idpat:sgtin:0614141.107346.5', /wildcard/],
      ['urn:epc:id:sgcn:4012345.67890.4a', /digits/],
    ];
    for (const [urn, reason] of cases) {
      const parsed = parseEpcUrn(urn);
      assert.equal(parsed.ok, false, urn);
      assert.match(parsed.ok ? '' : parsed.reason, reason, urn);
      assert.equal(validateIdentifier(urn).status, 'invalid');
    }
  });

  it('cannot make a URN from a Digital Link without a company prefix length, and keeps the original', () => {
    const dl = 'https://example.com/01/10614141073464/21/2017';
    assert.deepEqual(convertToEpcUrn(dl), { ok: false, reason: 'GS1 Company Prefix length unknown', original: dl });
    const table = createCompanyPrefixTable([['0614141', 7]]);
    assert.equal(toEpcUrn(dl, { companyPrefixLength: table.lookup }), 'urn:epc:id:sgtin:0614141.107346.2017');
    assert.equal(toEpcUrn('https://id.gs1.org/8006/040123451234560102/10/L1', { companyPrefixLength: () => 7 }), null);
  });

  it('company prefix table: longest prefix wins, bad entries are refused', () => {
    const table = createCompanyPrefixTable([
      ['06', 8],
      ['0614141', 7],
    ]);
    assert.equal(table.lookup('0614141999'), 7);
    assert.equal(table.lookup('0699'), 8);
    assert.equal(table.lookup('99'), undefined);
    assert.throws(() => table.add('12', 5), RangeError);
    assert.ok(table.learnFromUrn('urn:epc:id:sscc:95012345.123456789'));
    assert.equal(
      toEpcUrn('https://id.gs1.org/00/195012345234567898', { companyPrefixLength: table.lookup }),
      'urn:epc:id:sscc:95012345.123456789',
    );
    assert.equal(table.learnFromUrn('urn:epc:id:gid:1.2.3'), false);
  });
});
