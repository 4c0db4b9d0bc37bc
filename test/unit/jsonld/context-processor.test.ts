import assert from 'node:assert/strict';
import { EpcisError } from '../../../src/errors/epcis-errors';
import { EXCEPTIONS } from '../../../src/errors/error-table';
import { analyseContext } from '../../../src/formats/jsonld/context-processor';
import {
  EPCIS_CONTEXT_2_0_0,
  EPCIS_CONTEXT_2_0_1,
  EPCIS_CONTEXT_GITHUB,
  EPCIS_CONTEXT_SIMPLE,
} from '../../../src/formats/jsonld/context-variants';
import type { JsonObject } from '../../../src/model/types';

const STANDARD_2_0_0 = {
  epcis: 'https://ref.gs1.org/epcis/',
  cbv: 'https://ref.gs1.org/cbv/',
  cbvmda: 'urn:epcglobal:cbv:mda:',
  gs1: 'https://gs1.org/voc/',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcterms: 'http://purl.org/dc/terms/',
};

/** Asserts a 400 ValidationException whose detail matches `detail`. */
async function rejects(context: unknown, detail: RegExp, body?: JsonObject): Promise<EpcisError> {
  try {
    await analyseContext(context, body);
  } catch (error) {
    assert.ok(error instanceof EpcisError, `not an EpcisError: ${String(error)}`);
    assert.equal(error.exception, 'ValidationException');
    assert.equal(EXCEPTIONS[error.exception].status, 400);
    assert.match(error.message, detail);
    return error;
  }
  assert.fail(`accepted ${JSON.stringify(context)}`);
}

const document = (context: unknown, events: JsonObject[] = []): JsonObject =>
  ({
    '@context': context,
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2024-01-01T00:00:00Z',
    epcisBody: { eventList: events },
  }) as JsonObject;

describe('analyseContext', () => {
  it('accepts the EPCIS context URL alone, on the fast path, with the standard prefixes', async () => {
    assert.deepEqual(await analyseContext(EPCIS_CONTEXT_2_0_0), { namespaces: STANDARD_2_0_0, fastPath: true });
    assert.deepEqual(await analyseContext([EPCIS_CONTEXT_2_0_0]), { namespaces: STANDARD_2_0_0, fastPath: true });
  });

  it('returns declared extension prefixes with their namespace, later declarations winning', async () => {
    const result = await analyseContext([
      EPCIS_CONTEXT_2_0_0,
      { example: 'http://ns.example.com/epcis/', ext1: 'urn:ext1:' },
      { ext1: 'http://example.com/ext1/' },
    ]);
    assert.equal(result.fastPath, true);
    assert.deepEqual(result.namespaces, {
      ...STANDARD_2_0_0,
      example: 'http://ns.example.com/epcis/',
      ext1: 'http://example.com/ext1/',
    });
  });

  it('uses the gs1 namespace of the referenced context version', async () => {
    assert.equal((await analyseContext(EPCIS_CONTEXT_2_0_1)).namespaces.gs1, 'https://ref.gs1.org/voc/');
    assert.equal((await analyseContext(EPCIS_CONTEXT_GITHUB)).namespaces.gs1, 'https://gs1.org/voc/');
  });

  it('accepts the older simple context (jsonld.js path) with its extra rdf and vtype prefixes', async () => {
    const result = await analyseContext([EPCIS_CONTEXT_SIMPLE, { example: 'http://ns.example.com/epcis/' }]);
    assert.deepEqual(result, {
      namespaces: {
        ...STANDARD_2_0_0,
        rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
        vtype: 'urn:epcglobal:epcis:vtype:',
        example: 'http://ns.example.com/epcis/',
      },
      fastPath: false,
    });
    await rejects([EPCIS_CONTEXT_SIMPLE, { time: 'http://x/' }], /"time"/);
  });

  it('accepts a standard prefix re-declared with its own IRI, and rejects any other IRI for it', async () => {
    const same = await analyseContext([EPCIS_CONTEXT_2_0_0, { gs1: 'https://gs1.org/voc/' }]);
    assert.deepEqual(same.namespaces, STANDARD_2_0_0);
    await rejects([EPCIS_CONTEXT_2_0_1, { gs1: 'https://gs1.org/voc/' }], /protected EPCIS term or prefix "gs1"/);
  });

  it('rejects redefinition of protected EPCIS prefixes and terms (jsonld "protected term redefinition")', async () => {
    await rejects([EPCIS_CONTEXT_2_0_0, { cbvmda: 'http://x/' }], /"cbvmda"/);
    await rejects([EPCIS_CONTEXT_2_0_0, { bizStep: 'http://x' }], /"bizStep"/);
    await rejects([EPCIS_CONTEXT_2_0_0, { type: 'http://x/type' }], /"type"/);
    await rejects([EPCIS_CONTEXT_2_0_0, { quantity: { '@id': 'epcis:quantity', '@type': 'xsd:string' } }], /quantity/);
  });

  it('rejects a missing, empty or malformed @context', async () => {
    await rejects(undefined, /@context is missing/);
    await rejects([], /empty/);
    await rejects(42, /malformed @context: entry 0 is number/);
    await rejects([EPCIS_CONTEXT_2_0_0, null], /entry 1 is null/);
    await rejects([EPCIS_CONTEXT_2_0_0, [{ a: 'http://a/' }]], /entry 1 is array/);
    await rejects({ example: 'http://ns.example.com/' }, /must reference the EPCIS JSON-LD context/);
    await rejects([EPCIS_CONTEXT_2_0_0, { ex: { '@id': 'http://x/', '@type': 'no-such-type' } }], /invalid JSON-LD/);
    await rejects([EPCIS_CONTEXT_2_0_0, { '@version': 2 }], /invalid JSON-LD/);
  });

  it('rejects every non-EPCIS context URL, naming it, wherever it appears', async () => {
    const url = 'https://contexts.example.com/other.jsonld';
    await rejects(url, /"https:\/\/contexts\.example\.com\/other\.jsonld" is not allowed/);
    await rejects([EPCIS_CONTEXT_2_0_0, url], /other\.jsonld/);
    await rejects([EPCIS_CONTEXT_2_0_0, { '@import': url }], /other\.jsonld/);
    await rejects([EPCIS_CONTEXT_2_0_0, { term: { '@id': 'http://x/t', '@context': [url] } }], /other\.jsonld/);
    await rejects(
      [EPCIS_CONTEXT_2_0_0, { a: { '@id': 'http://a/', '@context': { b: { '@context': url } } } }],
      /other/,
    );
    // A relative reference would be resolved against the document URL: refused as well.
    await rejects([EPCIS_CONTEXT_2_0_0, { a: { '@id': 'http://a/', '@context': 'ctx.jsonld' } }], /"ctx\.jsonld"/);
  });

  it("refuses @import, which would otherwise poison jsonld.js's shared context cache", async () => {
    await rejects([EPCIS_CONTEXT_2_0_0, { '@import': EPCIS_CONTEXT_2_0_0 }], /@import is not supported/);
    await rejects([EPCIS_CONTEXT_2_0_0, { a: { '@id': 'http://a/', '@context': { '@import': 'x' } } }], /"x"/);
    // A context that names the EPCIS context twice still works afterwards.
    const twice = await analyseContext([EPCIS_CONTEXT_2_0_0, EPCIS_CONTEXT_2_0_0]);
    assert.deepEqual(twice, { namespaces: STANDARD_2_0_0, fastPath: false });
  });

  it('runs the full path for richer contexts and still returns the declared prefixes', async () => {
    const result = await analyseContext([
      EPCIS_CONTEXT_2_0_0,
      { rail: 'urn:gs1:epcisapp:rail:', 'rail:axleCount': { '@type': 'xsd:integer' }, ex: { '@id': 'http://e/' } },
    ]);
    assert.equal(result.fastPath, false);
    assert.deepEqual(result.namespaces, { ...STANDARD_2_0_0, rail: 'urn:gs1:epcisapp:rail:', ex: 'http://e/' });
  });

  it('checks @context values embedded in the body (e.g. on an event) and adds their prefixes', async () => {
    const event = (context: unknown): JsonObject =>
      ({ '@context': context, type: 'ObjectEvent', eventTime: '2024-01-01T00:00:00Z' }) as JsonObject;
    const ok = await analyseContext(
      [EPCIS_CONTEXT_2_0_0],
      document([EPCIS_CONTEXT_2_0_0], [event({ ev: 'http://event.example/' })]),
    );
    assert.equal(ok.fastPath, false);
    assert.deepEqual(ok.namespaces, { ...STANDARD_2_0_0, ev: 'http://event.example/' });

    const bad = document([EPCIS_CONTEXT_2_0_0], [event({ bizStep: 'http://x/' })]);
    await rejects([EPCIS_CONTEXT_2_0_0], /"bizStep"/, bad);
    const remote = document([EPCIS_CONTEXT_2_0_0], [event('http://169.254.169.254/ctx')]);
    await rejects([EPCIS_CONTEXT_2_0_0], /169\.254\.169\.254/, remote);
    const clash = document([EPCIS_CONTEXT_2_0_0, { ex: 'http://a/' }], [event({ ex: 'http://b/' })]);
    const error = await rejects(clash['@context'], /prefix "ex" is declared as "http:\/\/a\/"/, clash);
    assert.equal(error.instance, '/epcisBody/eventList/0/@context');
  });

  it('takes the fast path for a body without embedded contexts', async () => {
    const body = document(
      [EPCIS_CONTEXT_2_0_0, { example: 'http://ns.example.com/epcis/' }],
      [{ type: 'ObjectEvent', 'example:myField': { 'example:inner': 'x' } } as JsonObject],
    );
    const result = await analyseContext(body['@context'], body);
    assert.equal(result.fastPath, true);
    assert.equal(result.namespaces.example, 'http://ns.example.com/epcis/');
  });
});
