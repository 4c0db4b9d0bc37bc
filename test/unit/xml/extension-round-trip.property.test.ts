/**
 * Property: every extension value that XML can represent survives JSON -> XML -> JSON unchanged, at the event
 * level and inside ilmd, readPoint, errorDeclaration and sensorElement. Representable means (§f rules 7-8):
 * string leaves without leading/trailing whitespace, arrays of at least two items and no arrays in arrays
 * (one item is one element, read back as a scalar), non-empty objects with CURIE or bare NCName keys.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { serializeEpcisXml } from '../../../src/formats/xml/document-to-xml';
import { parseEpcisXml } from '../../../src/formats/xml/parse-epcis-xml';
import type { JsonObject, JsonValue } from '../../../src/model/types';

const NS = { ex: 'urn:example:ns:', ex2: 'http://example.com/two#' };
const name = fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,7}$/);
const key = fc.oneof(
  name.map((n) => `ex:${n}`),
  name.map((n) => `ex2:${n}`),
  fc.constantFrom('ex:__proto__', 'ex:constructor', 'ex:prototype'),
);
const leaf = fc
  .string({ unit: fc.constantFrom('a', 'B', '7', ' ', '<', '&', '"', "'", '>', 'é', '€', '𝄞', ';', ':') })
  .map((s) => s.trim());

const { value } = fc.letrec<{ value: JsonValue; object: JsonObject; item: JsonValue }>((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('object'), fc.array(tie('item'), { minLength: 2, maxLength: 3 })),
  item: fc.oneof({ depthSize: 'small' }, leaf, tie('object')),
  object: fc
    .uniqueArray(fc.tuple(key, tie('value')), { minLength: 1, maxLength: 3, selector: ([k]) => k })
    .map((entries) => {
      const o: JsonObject = {};
      for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true });
      return o;
    }),
}));
const extensions = fc
  .uniqueArray(fc.tuple(key, value), { minLength: 1, maxLength: 3, selector: ([k]) => k })
  .map((entries) => Object.fromEntries(entries) as JsonObject);

describe('Extension values round-trip through XML (property)', () => {
  it('JSON -> XML -> JSON is the identity on representable extension values', async () => {
    await fc.assert(
      fc.asyncProperty(extensions, extensions, extensions, async (top, ilmd, inner) => {
        const event: JsonObject = {
          type: 'ObjectEvent',
          eventTime: '2024-01-01T00:00:00Z',
          eventTimeZoneOffset: '+00:00',
          eventID: 'urn:uuid:1',
          errorDeclaration: { declarationTime: '2024-01-02T00:00:00Z', ...inner },
          epcList: ['urn:epc:id:sgtin:1.2.3'],
          action: 'ADD',
          readPoint: { id: 'urn:epc:id:sgln:1.2.3', ...inner },
          sensorElementList: [{ sensorReport: [{ type: 'Temperature', value: 1 }], ...inner }],
          ilmd,
          ...top,
        };
        const doc: JsonObject = {
          type: 'EPCISDocument',
          schemaVersion: '2.0',
          creationDate: '2024-01-01T00:00:00Z',
          epcisBody: { eventList: [event] },
        };
        const back = await parseEpcisXml(serializeEpcisXml(doc, NS, { cbvFormat: 'No_Preference' }));
        const got = ((back.document.epcisBody as JsonObject).eventList as JsonObject[])[0];
        assert.deepEqual(JSON.parse(JSON.stringify(got)), JSON.parse(JSON.stringify(event)));
        assert.equal(Object.getPrototypeOf(got), Object.prototype);
      }),
      { numRuns: 150, seed: 20240101 },
    );
  });
});
