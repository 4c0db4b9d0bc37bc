/**
 * Acceptance: every GS1 full-context JSON-LD example is captured over both stores, and each event comes back from
 * GET /events identical to what was sent apart from recordTime (and an assigned eventID).
 */
import assert from 'node:assert/strict';
import { documentParts } from '../../../src/capture/document-parts';
import type { JsonObject, JsonValue } from '../../../src/model/types';
import { allEvents, captureAndWait, STORE_KINDS, startTestApp } from '../../support/app-harness';
import { gs1JsonExamples, sharedGs1Available, skipWithoutSharedGs1 } from '../../support/gs1-examples';

const without = (event: JsonObject, ...keys: string[]): JsonObject =>
  Object.fromEntries(Object.entries(event).filter(([key]) => !keys.includes(key)));

/** The prefix -> IRI map an inline @context declares. */
function declaredPrefixes(context: JsonValue | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of Array.isArray(context) ? context : [context]) {
    if (item && typeof item === 'object' && !Array.isArray(item))
      for (const [key, value] of Object.entries(item)) if (typeof value === 'string') out[key] = value;
  }
  return out;
}

for (const kind of STORE_KINDS) {
  describe(`GS1 full-context examples round-trip through capture and GET /events [${kind}]`, function () {
    this.timeout(300_000);
    before(function () {
      skipWithoutSharedGs1(this);
    });
    const examples = sharedGs1Available() ? gs1JsonExamples().filter((example) => !example.standalone) : [];
    it('finds the 47 examples', function () {
      assert.equal(examples.length, 47);
    });
    for (const { name, value: document } of examples) {
      it(name, async () => {
        // A fresh store per example: several examples reuse the same eventIDs for different events.
        const server = await startTestApp(kind);
        try {
          const job = await captureAndWait(server.app, document);
          assert.equal(job['success'], true, JSON.stringify(job['errors']));
          const sent = documentParts(document).events as JsonObject[];
          const returned = await allEvents(server.app);
          assert.equal(returned.length, sent.length);
          const sentPrefixes = declaredPrefixes(document['@context']);
          for (const original of sent) {
            const match = returned.find((event) =>
              original['eventID'] !== undefined
                ? event['eventID'] === original['eventID'] &&
                  (event['errorDeclaration'] === undefined) === (original['errorDeclaration'] === undefined)
                : event['eventTime'] === original['eventTime'] && event['type'] === original['type'],
            );
            assert.ok(match, `event ${String(original['eventID'] ?? original['eventTime'])} not returned`);
            assert.ok(typeof match['recordTime'] === 'string', 'recordTime is set by the server');
            const ignore = original['eventID'] === undefined ? ['recordTime', 'eventID'] : ['recordTime'];
            assert.deepEqual(without(match, ...ignore), without(original, ...ignore));
          }
          // Every extension prefix the returned events use is declared with the namespace the client used.
          const response = await import('supertest').then((s) =>
            s.default(server.app).get('/events?perPage=1000').set('GS1-EPC-Format', 'Never_Translates'),
          );
          const returnedPrefixes = declaredPrefixes(response.body['@context'] as JsonValue);
          for (const [prefix, iri] of Object.entries(returnedPrefixes)) assert.equal(iri, sentPrefixes[prefix]);
        } finally {
          await server.close();
        }
      });
    }
  });
}
