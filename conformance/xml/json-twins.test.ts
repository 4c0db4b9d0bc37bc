/**
 * For every GS1 XML example with a JSON twin, the parsed events equal the JSON twin's events field by field,
 * except the differences listed (with reasons) in twin-ledger.ts. Two comparison rules apply everywhere:
 * - `eventID` present only in the JSON twin is ignored (the JSON examples carry CBV hash IDs the server computes);
 * - time fields are compared as instants (the twins write the same instant with other offsets or digits).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { namespacesFromContext } from '../../src/formats/xml/context-namespaces';
import { parseEpcisXml, type ParsedXmlDocument } from '../../src/formats/xml/parse-epcis-xml';
import { differences } from './event-diff';
import {
  eventsOf,
  JSON_EXAMPLES,
  readJson,
  readText,
  skipWithoutSharedGs1,
  XML_EXAMPLES,
} from '../../test/support/gs1-examples';
import { TWINS } from './twin-ledger';

/** Namespace IRIs that differ beyond the trailing delimiter between twins, with the reason. */
const NAMESPACE_DIFFERENCES: Record<string, string> = {
  'WithSensorData/SensorDataExamples.xml example':
    'the XML declares https://ns.example.com/epcis, the JSON twins http://ns.example.com/epcis/ (example data)',
};

describe('GS1 XML examples = their JSON twins, field by field (conformance)', function () {
  before(function () {
    skipWithoutSharedGs1(this);
  });

  const cache = new Map<string, Promise<ParsedXmlDocument>>();
  const parsed = (rel: string) => {
    if (!cache.has(rel)) cache.set(rel, parseEpcisXml(readText(path.join(XML_EXAMPLES, rel))));
    return cache.get(rel)!;
  };

  for (const twin of TWINS) {
    it(`${twin.xml}#${twin.xmlIndex} = ${twin.json}#${twin.jsonIndex}`, async () => {
      const fromXml = eventsOf((await parsed(twin.xml)).document)[twin.xmlIndex];
      const fromJson = eventsOf(readJson(path.join(JSON_EXAMPLES, twin.json)))[twin.jsonIndex];
      assert.ok(fromXml && fromJson, 'both events exist');
      const json = { ...fromJson };
      if (fromXml.eventID === undefined) delete json.eventID;
      const diffs = differences(fromXml, json);
      const ledger = Object.keys(twin.differences);
      const under = (p: string, prefix: string) => p === prefix || p.startsWith(prefix + '/');
      for (const d of diffs) {
        assert.ok(
          ledger.some((l) => under(d, l)),
          `unexpected difference at ${d}`,
        );
      }
      for (const l of ledger) {
        assert.ok(
          diffs.some((d) => under(d, l)),
          `ledger entry ${l} no longer differs (${twin.differences[l]})`,
        );
      }
    });
  }

  it('keeps namespace IRIs verbatim: they match the JSON @context up to the known trailing delimiter', async () => {
    let slashDifferences = 0;
    const unexpected: string[] = [];
    for (const twin of TWINS) {
      const xmlNs = (await parsed(twin.xml)).namespaces;
      const jsonNs = namespacesFromContext(readJson(path.join(JSON_EXAMPLES, twin.json))['@context']);
      for (const [prefix, iri] of Object.entries(xmlNs)) {
        const other = jsonNs[prefix];
        if (other === undefined || other === iri || prefix === 'cbvmda') continue;
        // EPCIS-DIGEST §i.11: XML `http://ns.example.com/epcis` vs JSON `http://ns.example.com/epcis/`.
        if (other.replace(/[/#:]$/, '') === iri.replace(/[/#:]$/, '')) slashDifferences++;
        else unexpected.push(`${twin.xml} ${prefix}`);
      }
    }
    assert.ok(slashDifferences > 0, 'the known slash difference is still present in the examples');
    assert.deepEqual([...new Set(unexpected)].sort(), Object.keys(NAMESPACE_DIFFERENCES).sort());
  });
});
