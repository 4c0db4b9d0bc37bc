import assert from 'node:assert/strict';
import { fullFormats } from 'ajv-formats/dist/formats';
import fc from 'fast-check';
import { isUri } from '../../../src/validation/uri-format';

const fullUri = fullFormats.uri as (value: string) => boolean;

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

describe('uri format', () => {
  it('gives the verdict of ajv-formats full `uri` for any string', () => {
    fc.assert(
      fc.property(uriLike, (value) => {
        assert.equal(isUri(value), fullUri(value), JSON.stringify(value));
      }),
      { numRuns: 20000 },
    );
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
