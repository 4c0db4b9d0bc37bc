import assert from 'node:assert/strict';
import { EpcisError } from '../../../src/errors/epcis-errors';
import { negotiate } from '../../../src/http/negotiation';
import { checkVersionHeaders } from '../../../src/http/version-negotiation';

describe('content negotiation', () => {
  const table: [string | undefined, ('json' | 'xml')[], 'json' | 'xml' | 406][] = [
    [undefined, ['json', 'xml'], 'json'],
    ['*/*', ['json', 'xml'], 'json'],
    ['application/xml', ['json', 'xml'], 'xml'],
    ['text/xml', ['json', 'xml'], 'xml'],
    ['application/ld+json', ['json', 'xml'], 'json'],
    ['application/xml;q=0.4, application/json;q=0.9', ['json', 'xml'], 'json'],
    ['application/json;q=0.4, application/xml;q=0.9', ['json', 'xml'], 'xml'],
    ['application/*', ['json', 'xml'], 'json'],
    ['text/*', ['json', 'xml'], 'xml'],
    ['application/xml', ['json'], 406],
    ['application/json;q=0', ['json'], 406],
    ['text/csv', ['json', 'xml'], 406],
  ];
  for (const [accept, offered, expected] of table) {
    it(`Accept "${accept}" offered [${offered.join(', ')}] -> ${expected}`, () => {
      if (expected === 406) {
        assert.throws(
          () => negotiate(accept, offered),
          (e: unknown) => e instanceof EpcisError && e.exception === 'NotAcceptableException',
        );
      } else assert.equal(negotiate(accept, offered), expected);
    });
  }
});

describe('version negotiation', () => {
  it('accepts ranges that include 2.0.0 and absent headers', () => {
    checkVersionHeaders({});
    checkVersionHeaders({ 'gs1-epcis-min': '1.2', 'gs1-epcis-max': '2.0' });
    checkVersionHeaders({ 'gs1-cbv-version': '2.0.0' });
  });
  for (const headers of [
    { 'gs1-epcis-min': '2.1' },
    { 'gs1-epcis-max': '1.2.0' },
    { 'gs1-cbv-min': '3' },
    { 'gs1-epcis-version': '1.2' },
    { 'gs1-epcis-min': 'two' },
  ]) {
    it(`refuses ${JSON.stringify(headers)} with 406`, () => {
      assert.throws(
        () => checkVersionHeaders(headers),
        (e: unknown) => e instanceof EpcisError && e.exception === 'NotAcceptableException',
      );
    });
  }
});
