/**
 * Round trip over all 47 full-context JSON examples: JSON -> XML -> JSON gives the original events back, and
 * every XML document produced validates against BOTH the official GS1 XSDs and the project's XSDs.
 * Done for every GS1-CBV-XML-Format (URNs, Web URIs, no preference, never translate).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import type { CbvXmlFormat } from '../../src/formats/xml/cbv-xml-forms';
import { namespacesFromContext } from '../../src/formats/xml/context-namespaces';
import { serializeEpcisXml } from '../../src/formats/xml/document-to-xml';
import { parseEpcisXml } from '../../src/formats/xml/parse-epcis-xml';
import { PROJECT_XSD_LAYOUT, XsdValidator } from '../../src/formats/xml/xsd-validator';
import {
  eventsOf,
  JSON_EXAMPLES,
  listFiles,
  OFFICIAL_XSD_LAYOUT,
  readJson,
  skipWithoutSharedGs1,
} from '../../test/support/gs1-examples';
import { differences } from './event-diff';

/** Values that legitimately come back in another (equivalent) form, per file and event path, with the reason. */
const ROUND_TRIP_DIFFERENCES: Record<string, Record<string, string>> = {
  'Example-TransactionEvents-2020_07_03y.jsonld': {
    '/1/rail:vehicle/2/rail:vehicleUniquelyIdentified':
      'a JSON boolean in an extension becomes XML text and comes back as the string "true" (§f rule 7)',
  },
  'WithFullCombinationOfFields/aggregation_event_all_possible_fields.jsonld': {
    '/0/sensorElementList/0/sensorReport/0/component':
      'the CURIE cbv:Comp-latitude comes back as the bare word latitude (the same JSON-LD IRI, §f rule 6)',
  },
};

describe('Round trip JSON -> XML -> JSON over the 47 full-context examples (conformance)', function () {
  before(function () {
    skipWithoutSharedGs1(this);
  });

  for (const cbvFormat of ['No_Preference', 'Always_Web_URI', 'Always_URN', 'Never_Translates'] as CbvXmlFormat[]) {
    it(`gives the events back and produces XSD-valid XML (${cbvFormat})`, async () => {
      const files = listFiles(JSON_EXAMPLES, '.jsonld');
      assert.equal(files.length, 47);
      const produced: string[] = [];
      for (const file of files) {
        const rel = path.relative(JSON_EXAMPLES, file).split(path.sep).join('/');
        const doc = readJson(file);
        const xml = serializeEpcisXml(doc, namespacesFromContext(doc['@context']), { cbvFormat });
        produced.push(xml);
        const back = await parseEpcisXml(xml);
        assert.equal(back.document.type, doc.type, rel);
        const diffs = differences(eventsOf(back.document), eventsOf(doc));
        const expected = Object.keys(ROUND_TRIP_DIFFERENCES[rel] ?? {});
        assert.deepEqual(diffs, expected, `${rel}: only the listed differences`);
      }
      const [official, ours] = await Promise.all([
        new XsdValidator(OFFICIAL_XSD_LAYOUT).validateMany(produced),
        new XsdValidator(PROJECT_XSD_LAYOUT).validateMany(produced),
      ]);
      files.forEach((file, i) => {
        assert.deepEqual(official[i], [], `${path.basename(file)} against the official XSDs`);
        assert.deepEqual(ours[i], [], `${path.basename(file)} against the project XSDs`);
      });
    });
  }
});
