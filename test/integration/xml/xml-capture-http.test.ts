/**
 * Issue acceptance (XML capture): every GS1 EPCIS 2.0 XML example (except the capture-job response bodies) and the
 * five EPCIS 1.2 examples capture over both stores; each XML document the server then produces validates against the
 * official XSDs and the project's; the XML and JSON twins of an event are stored identically (field by field, apart
 * from the differences the twin ledger lists with reasons).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import request from 'supertest';
import { namespacesFromContext, parseEpcisXml, PROJECT_XSD_LAYOUT, XsdValidator } from '../../../src/formats/xml';
import { eventHash } from '../../../src/hash/event-hash';
import type { JsonObject } from '../../../src/model/types';
import { differences } from '../../../conformance/xml/event-diff';
import {
  eventsOf,
  JSON_EXAMPLES,
  listFiles,
  OFFICIAL_XSD_LAYOUT,
  readJson,
  readText,
  sharedGs1Available,
  skipWithoutSharedGs1,
  XML_EXAMPLES,
} from '../../support/gs1-examples';
import { TWINS } from '../../../conformance/xml/twin-ledger';
import { allEvents, captureAndWait, STORE_KINDS, startTestApp, waitForJob } from '../../support/app-harness';

const NOT_CAPTURABLE = /^CaptureJob\//;

async function captureXml(app: Parameters<typeof waitForJob>[0], xml: string): Promise<JsonObject> {
  const response = await request(app).post('/capture').set('Content-Type', 'application/xml').send(xml);
  assert.equal(response.status, 202, `${response.status} ${response.text}`);
  return waitForJob(app, String(response.headers['location']));
}

for (const kind of STORE_KINDS) {
  describe(`GS1 XML examples captured over HTTP [${kind}]`, function () {
    this.timeout(600_000);
    before(function () {
      skipWithoutSharedGs1(this);
    });
    const files = sharedGs1Available()
      ? listFiles(XML_EXAMPLES, '.xml')
          .map((file) => path.relative(XML_EXAMPLES, file))
          .filter((rel) => !NOT_CAPTURABLE.test(rel))
      : [];
    const produced: [string, string][] = [];

    it('finds the 33 capturable EPCIS 2.0 examples and the 5 EPCIS 1.2 examples', () => {
      assert.equal(files.filter((f) => f.startsWith('epcis-1.2/')).length, 5);
      assert.equal(files.filter((f) => !f.startsWith('epcis-1.2/')).length, 33);
    });

    for (const rel of files) {
      it(rel, async () => {
        const server = await startTestApp(kind);
        try {
          const xml = readText(path.join(XML_EXAMPLES, rel));
          const job = await captureXml(server.app, xml);
          assert.equal(job['success'], true, JSON.stringify(job['errors']));
          const expected = Number(job['eventCount']);
          assert.equal((await allEvents(server.app)).length, expected - Number(job['alreadyStoredEventCount']));
          const asXml = await request(server.app)
            .get('/events?perPage=1000')
            .set('Accept', 'application/xml')
            .expect(200);
          assert.match(asXml.headers['content-type'] ?? '', /application\/xml/);
          produced.push([rel, asXml.text]);
        } finally {
          await server.close();
        }
      });
    }

    it('every XML document the server produced validates against the official and the project XSDs', async function () {
      if (produced.length === 0) this.skip();
      for (const [name, layout] of [
        ['official', OFFICIAL_XSD_LAYOUT],
        ['project', PROJECT_XSD_LAYOUT],
      ] as const) {
        const results = await new XsdValidator(layout).validateMany(produced.map(([, xml]) => xml));
        results.forEach((errors, i) =>
          assert.deepEqual(errors, [], `${name} XSDs reject the response for ${produced[i]![0]}`),
        );
      }
    });
  });
}

describe('an event captured as XML and as JSON is stored identically [embedded and mongodb]', function () {
  this.timeout(600_000);
  before(function () {
    skipWithoutSharedGs1(this);
  });
  for (const kind of STORE_KINDS) {
    for (const twin of TWINS) {
      it(`[${kind}] ${twin.xml}#${twin.xmlIndex} = ${twin.json}#${twin.jsonIndex}`, async () => {
        const fromXmlServer = await startTestApp(kind);
        const fromJsonServer = await startTestApp(kind);
        try {
          const xmlJob = await captureXml(fromXmlServer.app, readText(path.join(XML_EXAMPLES, twin.xml)));
          assert.equal(xmlJob['success'], true, JSON.stringify(xmlJob['errors']));
          const jsonDocument = readJson(path.join(JSON_EXAMPLES, twin.json));
          const jsonJob = await captureAndWait(fromJsonServer.app, jsonDocument);
          assert.equal(jsonJob['success'], true, JSON.stringify(jsonJob['errors']));
          // Each side's stored event is found by its eventID: given, or the CBV 2.0 hash the server assigns.
          const parsed = await parseEpcisXml(readText(path.join(XML_EXAMPLES, twin.xml)));
          const sentXml = eventsOf(parsed.document)[twin.xmlIndex]!;
          const sentJson = eventsOf(jsonDocument)[twin.jsonIndex]!;
          const find = (stored: JsonObject[], sent: JsonObject, namespaces: Record<string, string>) => {
            const id = sent['eventID'] ?? eventHash(sent, namespaces);
            const sameKind = (e: JsonObject) =>
              (e['errorDeclaration'] === undefined) === (sent['errorDeclaration'] === undefined);
            const candidates = stored.filter(
              (e) =>
                sameKind(e) &&
                e['type'] === sent['type'] &&
                Date.parse(String(e['eventTime'])) === Date.parse(String(sent['eventTime'])),
            );
            const found =
              stored.find((e) => e['eventID'] === id && sameKind(e)) ??
              (candidates.length === 1 ? candidates[0] : undefined);
            assert.ok(found, `stored event ${String(id)}`);
            return { ...found };
          };
          const a = find(await allEvents(fromXmlServer.app), sentXml, parsed.namespaces);
          const b = find(
            await allEvents(fromJsonServer.app),
            sentJson,
            namespacesFromContext(jsonDocument['@context']),
          );
          delete a['recordTime'];
          delete b['recordTime'];
          if (sentXml['eventID'] === undefined) {
            delete a['eventID'];
            delete b['eventID'];
          }
          const diffs = differences(a, b);
          const under = (d: string, prefix: string) => d === prefix || d.startsWith(`${prefix}/`);
          const unexplained = diffs.filter((d) => !Object.keys(twin.differences).some((p) => under(d, p)));
          assert.deepEqual(unexplained, []);
        } finally {
          await fromXmlServer.close();
          await fromJsonServer.close();
        }
      });
    }
  }
});
