/**
 * Issue acceptance (event hash): events parsed from XML hash exactly as the reference implementation
 * (epcis-event-hash-generator, version in test/fixtures/event-hash/README.md) hashes the same XML files, including
 * the WithEventHashID group, so an event in XML and in JSON-LD gets the same CBV 2.0 hash ID.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEpcisXml } from '../../../src/formats/xml';
import { analyseContext } from '../../../src/formats/jsonld/context-processor';
import { eventHash, preHashString } from '../../../src/hash/event-hash';
import type { JsonObject } from '../../../src/model/types';
import { SHARED_GS1, sharedGs1Available, skipWithoutSharedGs1 } from '../../support/gs1-examples';

interface Expected {
  file: string;
  accepted: boolean;
  hashes: string[];
  preHashes: string[];
}

const fixtures = JSON.parse(
  readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'event-hash', 'gs1-examples.json'), 'utf8'),
) as Expected[];

/**
 * Two known defects of the reference implementation on these files (recorded in test/fixtures/event-hash/README.md):
 * it hashes `xsi:type` annotations of extension elements as if they were content, and it writes a JSON boolean
 * as Python's `True` but the same XML value as `true`. The group's own purpose (EPCIS-DIGEST §g: "7 representations
 * of one ObjectEvent that must produce the same event hash") says neither is content; our hash follows that, and
 * the test compares with the reference pre-hash string once those two artefacts are taken out of it.
 */
const withoutReferenceDefects = (preHash: string): string =>
  preHash
    .replace(
      /\{http:\/\/www\.w3\.org\/2001\/XMLSchema-instance\}type=xsd:(?:double|integer|string|decimal|float|int|boolean)/g,
      '',
    )
    .replace(/booleanValue=true/g, 'booleanValue=True');

const eventsOfFile = async (file: string): Promise<{ events: JsonObject[]; namespaces: Record<string, string> }> => {
  const text = readFileSync(path.join(SHARED_GS1, 'examples', file), 'utf8');
  if (file.endsWith('.json')) {
    const document = JSON.parse(text) as JsonObject;
    return {
      events: (document['epcisBody'] as JsonObject)['eventList'] as JsonObject[],
      // The namespaces the server uses at capture: the EPCIS context's prefixes (gs1, cbv, ...) plus the declared ones.
      namespaces: (await analyseContext(document['@context'])).namespaces,
    };
  }
  const parsed = await parseEpcisXml(text);
  return {
    events: (parsed.document['epcisBody'] as JsonObject)['eventList'] as JsonObject[],
    namespaces: parsed.namespaces,
  };
};

describe('XML events hash as the reference implementation hashes them', function () {
  before(function () {
    skipWithoutSharedGs1(this);
  });
  const xmlFixtures = fixtures.filter((f) => f.file.startsWith('xml/') && f.accepted);

  it('has reference hashes for the XML examples, the WithEventHashID group included', () => {
    assert.ok(xmlFixtures.length >= 6, `${xmlFixtures.length} XML fixtures`);
  });

  for (const fixture of sharedGs1Available() ? xmlFixtures : []) {
    it(`${fixture.file}: same pre-hash string as the reference (apart from its two known defects)`, async () => {
      const { events, namespaces } = await eventsOfFile(fixture.file);
      assert.equal(events.length, fixture.preHashes.length);
      events.forEach((event, i) => {
        assert.equal(preHashString(event, namespaces), withoutReferenceDefects(fixture.preHashes[i]!), `event ${i}`);
      });
    });
  }

  it('the WithEventHashID group: one hash for the six representations of one event (XML 1, 3-6 and JSON 7)', async function () {
    if (!sharedGs1Available()) this.skip();
    const hashOf = async (file: string) => {
      const { events, namespaces } = await eventsOfFile(file);
      return eventHash(events[0]!, namespaces);
    };
    const group = new Set<string>();
    for (const n of [1, 3, 4, 5, 6])
      group.add(await hashOf(`xml/WithEventHashID/event_with_identical_hash_id_${n}.xml`));
    group.add(await hashOf('json/WithEventHashID/event_with_identical_hash_id_7.json'));
    assert.equal(group.size, 1, [...group].join('\n'));
    // File 2 gives the same instant with another eventTimeZoneOffset, which the hash covers (EPCIS-DIGEST §h).
    assert.ok(!group.has(await hashOf('xml/WithEventHashID/event_with_identical_hash_id_2.xml')));
  });
});
