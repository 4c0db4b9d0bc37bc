import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  decodeKey,
  decodeKeys,
  encodeKey,
  encodeKeys,
  hasKeyToDecode,
  keyNeedsEncoding,
} from '../../../src/model/key-codec';
import type { JsonValue } from '../../../src/model/types';

describe('key-codec', () => {
  it('leaves standard EPCIS keys unchanged', () => {
    for (const key of ['eventTime', 'epcList', 'example:myField', 'cbvmda:lotNumber', '@context']) {
      assert.equal(encodeKey(key), key);
    }
  });

  it('encodes dots, percent signs and a leading dollar', () => {
    assert.equal(encodeKey('a.b'), 'a%2Eb');
    assert.equal(encodeKey('$where'), '%24where');
    assert.equal(encodeKey('$gt.x%'), '%24gt%2Ex%25');
    assert.equal(encodeKey('a$b'), 'a$b');
  });

  it('round-trips any key and never yields a key with a dot or a leading dollar', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (key) => {
        const encoded = encodeKey(key);
        assert.equal(decodeKey(encoded), key);
        assert.ok(!encoded.includes('.') && !encoded.startsWith('$'));
      }),
      { numRuns: 2000 },
    );
  });

  it('says a key needs encoding exactly when encoding changes it: a `%` or `.` anywhere, or a leading `$`', () => {
    const special = fc.constantFrom('%', '.', '$', ':', 'a', '\u00e9', '');
    const keys = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.array(special).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(keys, (key) => {
        assert.equal(keyNeedsEncoding(key), /[%.]|^\$/.test(key));
        assert.equal(keyNeedsEncoding(key), encodeKey(key) !== key);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips nested documents and keeps __proto__ an inert own key', () => {
    const doc = JSON.parse('{"ex:a":{"$gt":1,"a.b":[{"__proto__":{"polluted":true}}]}}') as JsonValue;
    const encoded = encodeKeys(doc);
    assert.deepEqual(JSON.parse(JSON.stringify(decodeKeys(encoded))), doc);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.ok(JSON.stringify(encoded).includes('%24gt') && JSON.stringify(encoded).includes('a%2Eb'));
  });

  it('tells an encoded document from one that needed no encoding', () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    const keyed = fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('$gt', 'a.b', '100%', '%2E')), json);
    fc.assert(
      fc.property(fc.oneof(json, keyed, fc.array(keyed)), (value) => {
        const encoded = encodeKeys(value as JsonValue);
        assert.equal(hasKeyToDecode(encoded), encoded !== value);
      }),
      { numRuns: 2000 },
    );
  });
});
