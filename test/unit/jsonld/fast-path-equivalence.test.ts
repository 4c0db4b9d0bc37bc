import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EpcisError } from '../../../src/errors/epcis-errors';
import { fastAnalyseContext } from '../../../src/formats/jsonld/context-fast-path';
import { precheckContext } from '../../../src/formats/jsonld/context-precheck';
import { analyseContext, fullAnalyseContext } from '../../../src/formats/jsonld/context-processor';
import { KNOWN_CONTEXT_URLS } from '../../../src/formats/jsonld/context-variants';
import { jsonLdExamples, skipWithoutSharedGs1 } from '../../support/gs1-examples';

type Outcome = { accepted: true; namespaces: Record<string, string> } | { accepted: false; detail: string };

const outcome = async (run: () => unknown): Promise<Outcome> => {
  try {
    return { accepted: true, namespaces: (await run()) as Record<string, string> };
  } catch (error) {
    assert.ok(error instanceof EpcisError, `unexpected ${String(error)}`);
    assert.equal(error.exception, 'ValidationException');
    return { accepted: false, detail: error.message };
  }
};

/**
 * Runs the fast path and the full (jsonld.js) path on one context. Returns which path decided, and asserts that,
 * when the fast path decides, its verdict, detail and namespace map equal the full path's; and that analyseContext
 * (whichever path it takes) equals the full path.
 */
async function compare(context: unknown): Promise<'fast-accept' | 'fast-reject' | 'deferred' | 'precheck'> {
  try {
    precheckContext(context);
  } catch {
    return 'precheck';
  }
  const full = await outcome(() => fullAnalyseContext(context));
  const fast = await outcome(() => fastAnalyseContext(context) ?? null);
  const label = JSON.stringify(context);
  const viaApi = await outcome(async () => (await analyseContext(context)).namespaces);
  assert.deepEqual(viaApi, full, `analyseContext vs full path: ${label}`);
  if (fast.accepted && fast.namespaces === null) return 'deferred';
  assert.deepEqual(fast, full, `fast vs full path: ${label}`);
  return fast.accepted ? 'fast-accept' : 'fast-reject';
}

const NAMES = [
  'example',
  'ex',
  'ext1',
  'rail',
  'a',
  'http',
  'urn',
  'cbv',
  'cbvmda',
  'gs1',
  'epcis',
  'xsd',
  'rdfs',
  'dcterms',
  'bizStep',
  'type',
  'id',
  'eventID',
  'ObjectEvent',
  'quantity',
  'schemaVersion',
  'set',
  'reason',
  'source',
  'rail:x',
  '@vocab',
  '_x',
];
const IRIS = [
  'http://ns.example.com/epcis/',
  'https://ns.example.com/epcis',
  'https://gs1.org/voc/',
  'https://ref.gs1.org/voc/',
  'urn:epcglobal:cbv:mda:',
  'https://ref.gs1.org/epcis/ObjectEvent',
  'https://ref.gs1.org/epcis/',
  'http://www.w3.org/2001/XMLSchema#',
  'ex:foo/',
  'gs1:bar/',
  'http:x',
  'urn:foo:',
  'a:b',
  'http://a/b#',
  'relative/path',
  '@id',
  '',
];
const value = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...IRIS) },
  { weight: 1, arbitrary: fc.constantFrom({ '@id': 'http://y/' }, { '@type': '@id' }, 1.1, true, null) },
);
const inlineObject = fc.dictionary(fc.constantFrom(...NAMES), value, { maxKeys: 4 });
const url = fc.constantFrom(...KNOWN_CONTEXT_URLS);
const context = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(url, fc.array(inlineObject, { maxLength: 4 })).map(([u, o]) => [u, ...o]) },
  { weight: 1, arbitrary: fc.array(fc.oneof(url, inlineObject), { minLength: 1, maxLength: 4 }) },
  { weight: 1, arbitrary: url },
);

describe('@context fast path agrees with the jsonld.js path', () => {
  it('on every GS1 example @context', async function () {
    skipWithoutSharedGs1(this);
    const seen = new Map<string, string>();
    for (const { name, value: document } of jsonLdExamples()) {
      seen.set(name, await compare(document['@context']));
    }
    const counts = [...seen.values()].reduce<Record<string, number>>((acc, path) => {
      acc[path] = (acc[path] ?? 0) + 1;
      return acc;
    }, {});
    console.log(`      GS1 examples by path: ${JSON.stringify(counts)}`);
    assert.ok((counts['fast-accept'] ?? 0) >= 40, 'the common example shape must take the fast path');
    assert.equal(counts['fast-reject'], 1, 'the example that redefines cbvmda');
  });

  it('on generated contexts, including rejected ones', async () => {
    const tally: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(context, async (ctx) => {
        const path = await compare(ctx);
        tally[path] = (tally[path] ?? 0) + 1;
      }),
      { numRuns: 500, seed: 20240601 },
    );
    console.log(`      generated contexts by path: ${JSON.stringify(tally)}`);
    for (const path of ['fast-accept', 'fast-reject', 'deferred']) {
      assert.ok((tally[path] ?? 0) >= 20, `too few ${path} cases: ${JSON.stringify(tally)}`);
    }
  });

  it('on the protected-prefix examples from the brief', async () => {
    const [u] = KNOWN_CONTEXT_URLS;
    assert.equal(await compare([u, { cbvmda: 'http://x/' }]), 'fast-reject');
    assert.equal(await compare([u, { bizStep: 'http://x' }]), 'fast-reject');
    assert.equal(await compare([u, { example: 'http://ns.example.com/epcis/' }]), 'fast-accept');
  });
});
