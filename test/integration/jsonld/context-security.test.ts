/**
 * Remote contexts, protected terms, nesting and caching (SECURITY-AND-PERFORMANCE-NOTES 1.2.7-1.2.9, 1.2.16).
 * A real HTTP server on 127.0.0.1 stands in for an attacker-chosen context URL: it must never be contacted.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EpcisError } from '../../../src/errors/epcis-errors';
import { EXCEPTIONS } from '../../../src/errors/error-table';
import { analyseContext, expandWithContexts } from '../../../src/formats/jsonld/context-processor';
import { EPCIS_CONTEXT_2_0_0, EPCIS_CONTEXT_GITHUB } from '../../../src/formats/jsonld/context-variants';
import { staticDocumentLoader, staticLoaderCallCount } from '../../../src/formats/jsonld/document-loader';
import { jsonld, type RemoteDocument } from '../../../src/formats/jsonld/jsonld-api';
import type { JsonObject } from '../../../src/model/types';

const U = EPCIS_CONTEXT_2_0_0;

const documentWith = (context: unknown, eventContext?: unknown): JsonObject =>
  ({
    '@context': context,
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2024-01-01T00:00:00Z',
    epcisBody: {
      eventList: [
        {
          ...(eventContext === undefined ? {} : { '@context': eventContext }),
          type: 'ObjectEvent',
          eventTime: '2024-01-01T00:00:00Z',
          eventTimeZoneOffset: '+00:00',
          action: 'OBSERVE',
          bizStep: 'shipping',
          epcList: ['urn:epc:id:sgtin:0614141.107346.2017'],
        },
      ],
    },
  }) as JsonObject;

/** Asserts a 400 ValidationException naming `needle`. */
async function rejectsNaming(promise: Promise<unknown>, needle: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof EpcisError, `not an EpcisError: ${String(error)}`);
    assert.equal(error.exception, 'ValidationException');
    assert.equal(EXCEPTIONS[error.exception].status, 400);
    assert.ok(error.message.includes(needle), `"${error.message}" does not name ${needle}`);
    return true;
  });
}

describe('JSON-LD context security', () => {
  let server: Server;
  let hits = 0;
  let remote = '';

  before(async () => {
    server = createServer((_request, response) => {
      hits += 1;
      response.setHeader('content-type', 'application/ld+json');
      response.end(JSON.stringify({ '@context': { evil: 'http://evil.example/' } }));
    });
    server.on('connection', () => {
      hits += 1;
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    remote = `http://127.0.0.1:${(server.address() as AddressInfo).port}/context.jsonld`;
  });

  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('refuses a remote @context URL on a local server, naming it, and never contacts the server', async () => {
    await rejectsNaming(analyseContext(remote), remote);
    await rejectsNaming(analyseContext([U, remote]), remote);
    await rejectsNaming(analyseContext([U, { t: { '@id': 'http://t/', '@context': remote } }]), remote);
    await rejectsNaming(analyseContext([U], documentWith([U], remote)), remote);
    await rejectsNaming(
      analyseContext([U], documentWith([U], [{ n: { '@id': 'http://n/', '@context': remote } }])),
      remote,
    );
    await rejectsNaming(expandWithContexts(documentWith(remote)), remote);
    await rejectsNaming(staticDocumentLoader(remote), remote);
    // Even jsonld.js called without a documentLoader option uses the static loader (installed globally).
    await assert.rejects(jsonld.expand(documentWith(remote)), (error: Error) => {
      assert.match(
        JSON.stringify({ message: error.message, details: (error as { details?: unknown }).details }),
        /127\.0\.0\.1/,
      );
      return true;
    });
    assert.equal(hits, 0, 'the local server was contacted');
  });

  it('refuses file: and cloud metadata URLs, naming them', async () => {
    for (const url of ['file:///etc/passwd', 'http://169.254.169.254/latest/meta-data/', 'https://ref.gs1.org/x']) {
      await rejectsNaming(analyseContext([U, url]), url);
      await rejectsNaming(expandWithContexts({ '@context': url, 'http://p/': 'x' }), url);
    }
    assert.equal(hits, 0);
  });

  it('rejects redefinition of a protected term on the full path too', async () => {
    const richer = { rail: 'urn:gs1:epcisapp:rail:', 'rail:count': { '@type': 'xsd:integer' } };
    await rejectsNaming(analyseContext([U, richer, { cbvmda: 'http://x/' }]), '"cbvmda"');
    await rejectsNaming(analyseContext([U, { sourceList: { '@id': 'http://x/' } }]), '"sourceList"');
    await rejectsNaming(analyseContext([U], documentWith([U], { eventTime: 'http://x/' })), '"eventTime"');
  });

  it('handles long context arrays and deep nesting without hanging', async function () {
    this.timeout(20_000);
    const many = [U, ...Array.from({ length: 300 }, (_, i) => ({ [`p${i}`]: `http://p${i}.example/` }))];
    const started = Date.now();
    const result = await analyseContext(many);
    assert.equal(result.namespaces.p299, 'http://p299.example/');
    const repeated = await analyseContext(Array.from({ length: 40 }, () => U));
    assert.equal(repeated.namespaces.cbvmda, 'urn:epcglobal:cbv:mda:');

    const nested = (depth: number) => {
      let scoped: Record<string, unknown> = { leaf: 'http://leaf.example/' };
      for (let level = 0; level < depth; level += 1) {
        scoped = { [`t${level}`]: { '@id': `http://t.example/${level}`, '@context': scoped } };
      }
      return [U, scoped];
    };
    // 30 scoped levels (60 JSON levels) are processed by jsonld.js; deeper nesting is refused before jsonld runs.
    assert.equal((await analyseContext(nested(30))).fastPath, false);
    for (const depth of [40, 3000, 100_000]) {
      await rejectsNaming(analyseContext(nested(depth)), 'nested more than 64 levels');
    }
    assert.ok(Date.now() - started < 15_000, 'context processing took too long');
  });

  it('loads each context document at most once over many documents (tag "static")', async () => {
    const contexts = [
      [U, { rail: 'urn:gs1:epcisapp:rail:', 'rail:count': { '@type': 'xsd:integer' } }],
      [EPCIS_CONTEXT_GITHUB, { ex: { '@id': 'http://ex.example/' } }],
    ];
    const before = [U, EPCIS_CONTEXT_GITHUB].map(staticLoaderCallCount);
    for (let i = 0; i < 25; i += 1) {
      for (const context of contexts) {
        assert.equal((await analyseContext(context)).fastPath, false);
        await expandWithContexts(documentWith(context));
      }
    }
    const loads = [U, EPCIS_CONTEXT_GITHUB].map((url, i) => staticLoaderCallCount(url) - (before[i] ?? 0));
    assert.ok(
      loads.every((count) => count <= 1),
      `loader calls per URL: ${loads.join(', ')}`,
    );

    // Control: the same loader without the tag is asked again for every document.
    let untaggedCalls = 0;
    const untagged = async (url: string): Promise<RemoteDocument> => {
      untaggedCalls += 1;
      const { tag: _tag, ...document } = await staticDocumentLoader(url);
      return document;
    };
    for (let i = 0; i < 5; i += 1) await expandWithContexts(documentWith(U), untagged);
    assert.equal(untaggedCalls, 5);
  });
});
