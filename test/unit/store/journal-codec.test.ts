import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  decodeParsed,
  encodeJson,
  frameRecord,
  parseFrame,
  parseJournal,
} from '../../../src/store/embedded/journal-codec';

const valueArbitrary = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.date({ noInvalidDate: true }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('$date', '$$x', '$gt', '__proto__', 'a.b')), tie('value'), {
      maxKeys: 4,
      noNullPrototype: true,
    }),
  ),
})).value;

describe('journal codec', () => {
  it('round-trips any JSON-with-Dates value, including keys like $date and __proto__', () => {
    fc.assert(
      fc.property(valueArbitrary, (value) => {
        assert.deepStrictEqual(decodeParsed(JSON.parse(encodeJson(value))), value);
      }),
    );
  });

  it('encodes Dates explicitly and drops undefined like JSON', () => {
    const encoded = encodeJson({ at: new Date(5), gone: undefined, $date: 1, list: [undefined, Number.NaN] });
    assert.equal(encoded, '{"at":{"$date":5},"$$date":1,"list":[null,null]}');
    const decoded = decodeParsed(JSON.parse(encoded)) as { at: Date };
    assert.ok(decoded.at instanceof Date);
  });

  it('keeps an own __proto__ key inert and ordered, with or without an escaped sibling', () => {
    for (const sibling of ['plain', '$op']) {
      const value: Record<string, unknown> = JSON.parse(`{"a":1,"__proto__":{"x":2},"${sibling}":3}`);
      value['__proto__'] = undefined; // still an own data property, now a Date below
      Object.defineProperty(value, '__proto__', { value: new Date(9), enumerable: true, writable: true });
      const decoded = decodeParsed(JSON.parse(encodeJson(value))) as Record<string, unknown>;
      assert.deepEqual(Object.keys(decoded), ['a', '__proto__', sibling]);
      assert.ok(Object.getOwnPropertyDescriptor(decoded, '__proto__')?.value instanceof Date);
      assert.equal(Object.getPrototypeOf(decoded), Object.prototype);
    }
  });

  it('refuses values JSON cannot carry', () => {
    assert.throws(() => encodeJson({ f: () => 1 }), /cannot encode a value of type function/);
    assert.throws(() => encodeJson([10n]), /cannot encode a value of type bigint/);
  });

  it('frames records with length and CRC, and parses them back', () => {
    const buffer = Buffer.concat([frameRecord({ op: 'a', n: 1 }), frameRecord({ op: 'b', t: new Date(7) })]);
    const parsed = parseJournal(buffer);
    assert.deepEqual(parsed.records, [
      { op: 'a', n: 1 },
      { op: 'b', t: new Date(7) },
    ]);
    assert.equal(parsed.validLength, buffer.length);
  });

  it('stops at a torn or corrupted last record and reports the valid length', () => {
    const good = frameRecord({ op: 'a' });
    const next = frameRecord({ op: 'b', payload: 'x'.repeat(50) });
    for (let cut = 1; cut < next.length; cut += 7) {
      const parsed = parseJournal(Buffer.concat([good, next.subarray(0, cut)]));
      assert.equal(parsed.records.length, 1);
      assert.equal(parsed.validLength, good.length);
    }
    const flipped = Buffer.from(next);
    flipped[25] = flipped[25] === 0x78 ? 0x79 : 0x78;
    assert.equal(parseFrame(flipped, 0), null, 'a CRC mismatch is detected');
    assert.equal(parseJournal(Buffer.concat([good, flipped])).validLength, good.length);
  });

  it('refuses a bad record followed by valid ones (corruption, not a torn append)', () => {
    const first = Buffer.from(frameRecord({ op: 'a', text: 'hello' }));
    first[22] = first[22] === 0x61 ? 0x62 : 0x61;
    assert.throws(() => parseJournal(Buffer.concat([first, frameRecord({ op: 'b' })])), /corrupted at byte 0/);
  });
});
