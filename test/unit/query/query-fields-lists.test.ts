/**
 * computeQueryFields on the capture hot path: list fields keep each value once in first-occurrence order (short lists
 * without a Set, long ones with one), absent lists and fields leave no trace, and canonical read points and business
 * locations are remembered without changing any result.
 */
import assert from 'node:assert/strict';
import { canonicalEpc as realCanonicalEpc } from '../../../src/identifiers';
import type { JsonObject } from '../../../src/model/types';
import { computeQueryFields } from '../../../src/query/query-fields';

const NS = { example: 'http://ns.example.com/epcis/' };
const sgtin = (serial: number) => `urn:epc:id:sgtin:0614141.107346.${serial}`;
const dl = (serial: number) => `https://id.gs1.org/01/10614141073464/21/${serial}`;

const baseEvent = (overrides: JsonObject): JsonObject => ({
  type: 'ObjectEvent',
  eventTime: '2024-01-01T00:00:00Z',
  eventTimeZoneOffset: '+00:00',
  action: 'OBSERVE',
  ...overrides,
});

describe('computeQueryFields: lists and remembered locations', () => {
  it('keeps each EPC once, in first-occurrence order, for short and long lists alike', () => {
    const short = [3, 1, 3, 2, 1].map(sgtin);
    assert.deepEqual(computeQueryFields(baseEvent({ epcList: short }), NS, { canonicalEpc: realCanonicalEpc })['epc'], [
      dl(3),
      dl(1),
      dl(2),
    ]);
    const serials = Array.from({ length: 40 }, (_, i) => (i * 7) % 25);
    const expected = [...new Set(serials)].map(dl);
    const q = computeQueryFields(baseEvent({ epcList: serials.map(sgtin) }), NS, { canonicalEpc: realCanonicalEpc });
    assert.deepEqual(q['epc'], expected);
  });

  it('merges epcList and childEPCs, and both quantity lists, in document order', () => {
    const q = computeQueryFields(
      baseEvent({
        type: 'AggregationEvent',
        epcList: [sgtin(1)],
        childEPCs: [sgtin(2), sgtin(1)],
        quantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.A', quantity: 2 }],
        childQuantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.B', quantity: 2, uom: 'KGM' }],
      }),
      NS,
      { canonicalEpc: realCanonicalEpc },
    );
    assert.deepEqual(q['epc'], [dl(1), dl(2)]);
    assert.deepEqual(q['epcClass'], [
      'https://id.gs1.org/01/04012345123456/10/A',
      'https://id.gs1.org/01/04012345123456/10/B',
    ]);
    assert.deepEqual(q['qty'], [2], 'the quantity 2 twice is one value');
    assert.deepEqual(q['qtyBase'], { KGM: [2] });
  });

  it('writes no field for an absent or empty list, and no x without extension fields', () => {
    const q = computeQueryFields(baseEvent({ epcList: [], bizTransactionList: [] }), NS, {
      canonicalEpc: realCanonicalEpc,
    });
    assert.deepEqual(Object.keys(q).sort(), ['action', 'type']);
  });

  it('asks for the canonical form of a repeated location once, with the same answers as without memory', () => {
    const asked: string[] = [];
    const counting = (uri: string) => {
      asked.push(uri);
      return realCanonicalEpc(uri);
    };
    const location = { id: 'urn:epc:id:sgln:0614141.07346.1234' };
    const events = [1, 2, 3].map((i) => baseEvent({ epcList: [sgtin(i)], readPoint: location, bizLocation: location }));
    const remembered = events.map((event) => computeQueryFields(event, NS, { canonicalEpc: counting }));
    const fresh = events.map((event) =>
      computeQueryFields(event, NS, { canonicalEpc: (uri) => realCanonicalEpc(uri) }),
    );
    assert.deepEqual(remembered, fresh);
    assert.equal(asked.filter((uri) => uri === location.id).length, 1);
    assert.equal(remembered[0]!['readPoint'], 'https://id.gs1.org/414/0614141073467/254/1234');
  });

  it('remembers an unreadable location as given, as the uncached path leaves it', () => {
    const failing = (uri: string): string => {
      if (uri.startsWith('urn:epc:')) throw new Error('unreadable');
      return uri;
    };
    const event = baseEvent({ readPoint: { id: 'urn:epc:id:sgln:bad' } });
    assert.equal(computeQueryFields(event, NS, { canonicalEpc: failing })['readPoint'], 'urn:epc:id:sgln:bad');
    assert.equal(computeQueryFields(event, NS, { canonicalEpc: failing })['readPoint'], 'urn:epc:id:sgln:bad');
  });
});
