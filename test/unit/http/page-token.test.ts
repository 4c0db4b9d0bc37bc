import assert from 'node:assert/strict';
import { EpcisError } from '../../../src/errors/epcis-errors';
import { createPageTokenCodec, scopeOf } from '../../../src/http/page-token';

const isQueryParameterError = (e: unknown) => e instanceof EpcisError && e.exception === 'QueryParameterException';

describe('page tokens', () => {
  const codec = createPageTokenCodec('secret', 60);
  const scope = scopeOf({ EQ_bizStep: 'shipping' });

  it('round-trip the keyset position for the same scope, on another codec with the same secret', () => {
    const { token, expires } = codec.issue(['2024-01-01T00:00:00.000Z', 'ev|x'], scope);
    assert.ok(expires.getTime() > Date.now());
    assert.deepEqual(createPageTokenCodec('secret', 60).read(token, scope), ['2024-01-01T00:00:00.000Z', 'ev|x']);
  });

  it('reject tampered, foreign, expired, misapplied and malformed tokens', () => {
    const { token } = codec.issue(['a', 'b'], scope);
    const [data, signature] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ k: ['z'], s: scope, e: Date.now() + 1e6 })).toString('base64url')}.${signature}`;
    assert.throws(() => codec.read(forged, scope), isQueryParameterError);
    assert.throws(() => createPageTokenCodec('other', 60).read(token, scope), isQueryParameterError);
    assert.throws(() => codec.read(token, scope, new Date(Date.now() + 61_000)), isQueryParameterError);
    assert.throws(() => codec.read(token, scopeOf({ EQ_bizStep: 'receiving' })), isQueryParameterError);
    for (const bad of ['', 'abc', `${data}`, `${data}.${signature}.x`, '%%%.%%%'])
      assert.throws(() => codec.read(bad, scope), isQueryParameterError);
  });

  it('scopes do not depend on parameter order', () => {
    assert.equal(scopeOf({ a: 1, b: 2 }), scopeOf({ b: 2, a: 1 }));
    assert.notEqual(scopeOf({ a: 1 }), scopeOf({ a: 2 }));
  });
});
