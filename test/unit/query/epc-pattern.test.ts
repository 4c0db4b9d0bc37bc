import assert from 'node:assert/strict';
import { checkDigit } from '../../../src/query/translate/gs1-keys';
import { epcMatch, type EpcMatch } from '../../../src/query/translate/epc-pattern';
import { canonicalEpc } from './support';

const DL = 'https://id.gs1.org/';
const D = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** [MATCH_ value, exact values, prefixes] (check digits computed by hand: GS1 GenSpecs §7.9.1). */
const CASES: [string, EpcMatch][] = [
  ['urn:acme:asset:7', { exact: ['urn:acme:asset:7'], prefixes: [] }],
  [
    'urn:epc:idpat:sgtin:0614141.107346.2017',
    { exact: [`${DL}01/10614141073464/21/2017`, 'urn:epc:id:sgtin:0614141.107346.2017'], prefixes: [] },
  ],
  [
    'urn:epc:idpat:sgtin:*.*.*',
    { exact: ['urn:epc:idpat:sgtin:*.*.*'], prefixes: ['urn:epc:id:sgtin:', 'urn:epc:class:lgtin:', `${DL}01/`] },
  ],
  [
    'urn:epc:idpat:sgtin:4012345.*.*',
    {
      exact: ['urn:epc:idpat:sgtin:4012345.*.*'],
      prefixes: ['urn:epc:id:sgtin:4012345.', 'urn:epc:class:lgtin:4012345.', ...D.map((d) => `${DL}01/${d}4012345`)],
    },
  ],
  [
    'urn:epc:idpat:sgtin:4012345.011111.*',
    {
      exact: ['urn:epc:idpat:sgtin:4012345.011111.*', `${DL}01/04012345111118`],
      prefixes: ['urn:epc:id:sgtin:4012345.011111.', 'urn:epc:class:lgtin:4012345.011111.', `${DL}01/04012345111118/`],
    },
  ],
  // 12 digits instead of 13: no GTIN, the URN prefixes only.
  [
    'urn:epc:idpat:sgtin:4012345.01111.*',
    {
      exact: ['urn:epc:idpat:sgtin:4012345.01111.*'],
      prefixes: ['urn:epc:id:sgtin:4012345.01111.', 'urn:epc:class:lgtin:4012345.01111.'],
    },
  ],
  ['urn:epc:idpat:sscc:*.*', { exact: ['urn:epc:idpat:sscc:*.*'], prefixes: ['urn:epc:id:sscc:', `${DL}00/`] }],
  [
    'urn:epc:idpat:sgln:0614141.*.*',
    { exact: ['urn:epc:idpat:sgln:0614141.*.*'], prefixes: ['urn:epc:id:sgln:0614141.', `${DL}414/0614141`] },
  ],
  [
    'urn:epc:idpat:grai:0614141.12345.*',
    {
      exact: ['urn:epc:idpat:grai:0614141.12345.*'],
      prefixes: ['urn:epc:id:grai:0614141.12345.', `${DL}8003/00614141123452`],
    },
  ],
  [
    'urn:epc:idpat:grai:0614141.*.*',
    { exact: ['urn:epc:idpat:grai:0614141.*.*'], prefixes: ['urn:epc:id:grai:0614141.', `${DL}8003/00614141`] },
  ],
  [
    'urn:epc:idpat:giai:0614141.*',
    { exact: ['urn:epc:idpat:giai:0614141.*'], prefixes: ['urn:epc:id:giai:0614141.', `${DL}8004/0614141`] },
  ],
  [
    'urn:epc:idpat:gdti:0614141.12345.*',
    {
      exact: ['urn:epc:idpat:gdti:0614141.12345.*'],
      prefixes: ['urn:epc:id:gdti:0614141.12345.', `${DL}253/0614141123452`],
    },
  ],
  [
    'urn:epc:idpat:cpi:0614141.123ABC.*',
    {
      exact: ['urn:epc:idpat:cpi:0614141.123ABC.*', `${DL}8010/0614141123ABC`],
      prefixes: ['urn:epc:id:cpi:0614141.123ABC.', `${DL}8010/0614141123ABC/8011/`],
    },
  ],
  [
    'urn:epc:idpat:itip:4012345.011111.01.02.*',
    {
      exact: ['urn:epc:idpat:itip:4012345.011111.01.02.*'],
      prefixes: ['urn:epc:id:itip:4012345.011111.01.02.', `${DL}8006/040123451111180102/21/`],
    },
  ],
  [
    'urn:epc:idpat:upui:4012345.011111.*',
    {
      exact: ['urn:epc:idpat:upui:4012345.011111.*'],
      prefixes: ['urn:epc:id:upui:4012345.011111.', `${DL}01/04012345111118/235/`],
    },
  ],
  [
    'urn:epc:idpat:gsrn:0614141.*',
    { exact: ['urn:epc:idpat:gsrn:0614141.*'], prefixes: ['urn:epc:id:gsrn:0614141.', `${DL}8018/0614141`] },
  ],
  [
    'urn:epc:idpat:pgln:0614141.*',
    { exact: ['urn:epc:idpat:pgln:0614141.*'], prefixes: ['urn:epc:id:pgln:0614141.', `${DL}417/0614141`] },
  ],
  ['urn:epc:idpat:usdod:CAGE1.*', { exact: ['urn:epc:idpat:usdod:CAGE1.*'], prefixes: ['urn:epc:id:usdod:CAGE1.'] }],
];

describe('EPC patterns -> canonical exact values and prefixes', () => {
  for (const [value, expected] of CASES) {
    it(value, () => assert.deepEqual(epcMatch(value, canonicalEpc), expected));
  }

  it('computes GS1 check digits', () => {
    assert.equal(checkDigit('1061414107346'), '4');
    assert.equal(checkDigit('061414100001'), '2');
    assert.equal(checkDigit('10614141234567890'), '8');
  });
});
