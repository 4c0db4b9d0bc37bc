/**
 * Plain JSON values for property tests (what a captured event holds: no Dates), with object keys drawn from `key`
 * (tests add the keys their code treats specially). -0 is left out: JSON writes it as 0 (a value no EPCIS field tells
 * apart from 0), so it cannot round-trip.
 */
import fc from 'fast-check';
import type { JsonValue } from '../../src/model/types';

export const jsonValueArbitrary = (key: fc.Arbitrary<string>): fc.Arbitrary<JsonValue> =>
  fc.letrec<{ value: JsonValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.string(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(key, tie('value'), { maxKeys: 4, noNullPrototype: true }),
    ),
  })).value;
