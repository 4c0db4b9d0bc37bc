/**
 * Our context documents against the official GS1 files (EPCIS-DIGEST §e "JSON-LD context", §g examples): every
 * GS1 JSON example is expanded once with the static loader (schemas/contexts) and once with a loader serving the
 * official files from ../shared/gs1/context; the expanded documents must be deep-equal.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { expandWithContexts } from '../../../src/formats/jsonld/context-processor';
import {
  EPCIS_CONTEXT_2_0_0,
  EPCIS_CONTEXT_2_0_1,
  EPCIS_CONTEXT_CURRENT,
  EPCIS_CONTEXT_GITHUB,
  EPCIS_CONTEXT_SIMPLE,
} from '../../../src/formats/jsonld/context-variants';
import type { JsonLdError, RemoteDocument } from '../../../src/formats/jsonld/jsonld-api';
import {
  SHARED_GS1,
  jsonLdExamples,
  readJson,
  simpleContextExamples,
  skipWithoutSharedGs1,
} from '../../support/gs1-examples';

const OFFICIAL_FILES: Record<string, string> = {
  [EPCIS_CONTEXT_2_0_0]: 'context/ratified-snapshot/ref.gs1.org_standards_epcis_2.0.0_epcis-context.jsonld',
  [EPCIS_CONTEXT_GITHUB]: 'context/epcis-context.jsonld',
  [EPCIS_CONTEXT_SIMPLE]: 'context/epcis-context-simple.jsonld',
};

/** A loader serving the official GS1 files, counting what it serves. */
function officialLoader(served: Map<string, number>) {
  return async (url: string): Promise<RemoteDocument> => {
    const file = OFFICIAL_FILES[url];
    if (!file) throw new Error(`official loader: no file for ${url}`);
    served.set(url, (served.get(url) ?? 0) + 1);
    return { contextUrl: null, documentUrl: url, document: readJson(path.join(SHARED_GS1, file)) };
  };
}

type Expansion = { ok: true; expanded: unknown[] } | { ok: false; code: string | undefined };

async function expand(doc: unknown, loader?: Parameters<typeof expandWithContexts>[1]): Promise<Expansion> {
  try {
    return { ok: true, expanded: await expandWithContexts(structuredClone(doc), loader) };
  } catch (error) {
    return { ok: false, code: (error as JsonLdError).details?.code };
  }
}

describe('EPCIS contexts: expansion equals expansion with the official GS1 contexts', function () {
  before(function () {
    skipWithoutSharedGs1(this);
  });

  it('for every GS1 JSON example (full-context and json-schema-tests)', async () => {
    const served = new Map<string, number>();
    const loader = officialLoader(served);
    const examples = jsonLdExamples();
    assert.ok(examples.length >= 50, `only ${examples.length} examples found`);
    let equal = 0;
    let rejectedAlike = 0;
    for (const { name, value: document } of examples) {
      const ours = await expand(document);
      const official = await expand(document, loader);
      assert.deepEqual(ours, official, name);
      if (ours.ok) {
        assert.ok(ours.expanded.length > 0, `${name}: nothing expanded`);
        equal += 1;
      } else {
        rejectedAlike += 1;
      }
    }
    console.log(`      ${equal} examples expand identically, ${rejectedAlike} rejected alike by both`);
    // The official loader really served both official documents (the comparison is not against a cache).
    assert.ok((served.get(EPCIS_CONTEXT_2_0_0) ?? 0) > 0 && (served.get(EPCIS_CONTEXT_GITHUB) ?? 0) > 0);
    // Exactly one example redefines the protected cbvmda prefix: both reject it the same way.
    assert.equal(rejectedAlike, 1);
  });

  it('for every GS1 example written for the simple context', async () => {
    const served = new Map<string, number>();
    const loader = officialLoader(served);
    const examples = simpleContextExamples();
    assert.ok(examples.length >= 40, `only ${examples.length} examples found`);
    for (const { name, value: document } of examples) {
      const ours = await expand(document);
      assert.ok(ours.ok, `${name}: ${JSON.stringify(ours)}`);
      assert.deepEqual(ours, await expand(document, loader), name);
    }
    assert.ok((served.get(EPCIS_CONTEXT_SIMPLE) ?? 0) > 0);
  });

  it('for the 2.0.1 and unversioned URLs: the 2.0.0 expansion with the gs1 namespace moved to ref.gs1.org', async () => {
    const served = new Map<string, number>();
    const loader = officialLoader(served);
    let compared = 0;
    for (const { name, value: document } of jsonLdExamples()) {
      const contexts = JSON.stringify(document['@context']);
      if (!contexts.includes(EPCIS_CONTEXT_2_0_0)) continue;
      const official = await expand(document, loader);
      if (!official.ok) continue;
      const expected = JSON.parse(
        JSON.stringify(official.expanded).replaceAll('https://gs1.org/voc/', 'https://ref.gs1.org/voc/'),
      );
      for (const url of [EPCIS_CONTEXT_2_0_1, EPCIS_CONTEXT_CURRENT]) {
        const moved = { ...document, '@context': JSON.parse(contexts.replace(EPCIS_CONTEXT_2_0_0, url)) as unknown };
        const ours = await expand(moved);
        if (contexts.includes('"gs1":"https://gs1.org/voc/"')) {
          // Re-declaring gs1 with the 2.0.0 namespace clashes with the protected 2.0.1 prefix.
          assert.deepEqual(ours, { ok: false, code: 'protected term redefinition' }, name);
        } else {
          assert.deepEqual(ours, { ok: true, expanded: expected }, `${name} with ${url}`);
          compared += 1;
        }
      }
    }
    assert.ok(compared >= 80, `only ${compared} comparisons`);
  });
});
