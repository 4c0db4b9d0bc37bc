import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildEpcisContext, serialiseContext } from '../../../src/formats/jsonld/context-builder';
import { contextsDirectory } from '../../../src/formats/jsonld/context-files';
import {
  EPCIS_CONTEXT_2_0_0,
  EPCIS_CONTEXT_2_0_1,
  EPCIS_CONTEXT_CURRENT,
  EPCIS_CONTEXT_GITHUB,
  EPCIS_CONTEXT_SIMPLE,
  EPCIS_CONTEXT_VARIANTS,
  type EpcisContextVariant,
} from '../../../src/formats/jsonld/context-variants';
import { jsonld, type ActiveContext, type TermDefinition } from '../../../src/formats/jsonld/jsonld-api';
import { SHARED_GS1, readJson, skipWithoutSharedGs1 } from '../../support/gs1-examples';

const variant = (url: string): EpcisContextVariant => {
  const found = EPCIS_CONTEXT_VARIANTS[url];
  assert.ok(found, url);
  return found;
};
const topLevel = (url: string) => buildEpcisContext(variant(url))['@context'] as Record<string, unknown>;

/** A processed term definition without its raw scoped context (compared separately, after processing). */
const withoutScope = (definition: TermDefinition | undefined) => {
  if (!definition) return undefined;
  const { '@context': _scope, ...rest } = definition;
  return rest;
};

/**
 * Processes both contexts with jsonld.js and compares every resulting term definition; scoped contexts are processed
 * (over the plain prefixes, as expansion would see them) and compared the same way, at every depth.
 */
async function assertSameDefinitions(ours: unknown, official: unknown, prefixes: ActiveContext, where: string) {
  const a = await jsonld.processContext(prefixes, ours, {});
  const b = await jsonld.processContext(prefixes, official, {});
  assert.equal(a['@vocab'], b['@vocab'], `${where} @vocab`);
  const terms = new Set([...a.mappings.keys(), ...b.mappings.keys()]);
  let compared = 0;
  for (const term of terms) {
    const ourDefinition = a.mappings.get(term);
    const theirDefinition = b.mappings.get(term);
    assert.deepEqual(withoutScope(ourDefinition), withoutScope(theirDefinition), `${where} ${term}`);
    compared += 1;
    if (ourDefinition?.['@context'] !== undefined || theirDefinition?.['@context'] !== undefined) {
      compared += await assertSameDefinitions(
        ourDefinition?.['@context'],
        theirDefinition?.['@context'],
        prefixes,
        `${where} ${term} >`,
      );
    }
  }
  return compared;
}

describe('EPCIS JSON-LD context builder', () => {
  it('the committed schemas/contexts files are exactly the generator output', () => {
    const dir = contextsDirectory();
    for (const item of Object.values(EPCIS_CONTEXT_VARIANTS)) {
      const committed = readFileSync(path.join(dir, item.file), 'utf8');
      assert.equal(committed, serialiseContext(buildEpcisContext(item)), `${item.file}: run write-contexts.ts`);
    }
  });

  it('is protected JSON-LD 1.1 with the version-dependent gs1 prefix and quantity datatype', () => {
    for (const url of [EPCIS_CONTEXT_2_0_0, EPCIS_CONTEXT_GITHUB, EPCIS_CONTEXT_2_0_1, EPCIS_CONTEXT_CURRENT]) {
      const context = topLevel(url);
      assert.equal(context['@protected'], true);
      assert.equal(context['@version'], 1.1);
    }
    assert.equal(topLevel(EPCIS_CONTEXT_2_0_0).gs1, 'https://gs1.org/voc/');
    assert.equal(topLevel(EPCIS_CONTEXT_GITHUB).gs1, 'https://gs1.org/voc/');
    assert.equal(topLevel(EPCIS_CONTEXT_2_0_1).gs1, 'https://ref.gs1.org/voc/');
    assert.equal(topLevel(EPCIS_CONTEXT_CURRENT).gs1, 'https://ref.gs1.org/voc/');
    assert.deepEqual(topLevel(EPCIS_CONTEXT_2_0_0).quantity, { '@id': 'epcis:quantity', '@type': 'xsd:double' });
    assert.deepEqual(topLevel(EPCIS_CONTEXT_GITHUB).quantity, { '@id': 'epcis:quantity', '@type': 'xsd:decimal' });
    assert.deepEqual(topLevel(EPCIS_CONTEXT_2_0_1).quantity, { '@id': 'epcis:quantity', '@type': 'xsd:double' });
  });

  it('states the same term definitions as the official GS1 context files, at every scope', async function () {
    skipWithoutSharedGs1(this);
    const pairs: [string, string][] = [
      [EPCIS_CONTEXT_2_0_0, 'context/ratified-snapshot/ref.gs1.org_standards_epcis_2.0.0_epcis-context.jsonld'],
      [EPCIS_CONTEXT_GITHUB, 'context/epcis-context.jsonld'],
      [EPCIS_CONTEXT_SIMPLE, 'context/epcis-context-simple.jsonld'],
    ];
    for (const [url, file] of pairs) {
      const official = readJson(path.join(SHARED_GS1, file)) as { '@context': Record<string, unknown> };
      const ours = buildEpcisContext(variant(url));
      const officialPrefixes = Object.fromEntries(
        ['epcis', 'cbv', 'cbvmda', 'gs1', 'rdfs', 'owl', 'xsd', 'dcterms']
          .filter((p) => typeof official['@context'][p] === 'string')
          .map((p) => [p, official['@context'][p]]),
      );
      const initial = await jsonld.processContext(null, null, {});
      const prefixes = await jsonld.processContext(initial, officialPrefixes, {});
      const compared = await assertSameDefinitions(ours, official, prefixes, url);
      // Full contexts: 59 top-level terms plus every scoped term (CBV words, ...); simple: 75 terms and 8 scoped.
      assert.ok(compared > (url === EPCIS_CONTEXT_SIMPLE ? 80 : 300), `only ${compared} definitions compared`);
    }
  });

  it('differs from the 2.0.0 context in the 2.0.1 variants only by the gs1 namespace', () => {
    const v200 = JSON.stringify(buildEpcisContext(variant(EPCIS_CONTEXT_2_0_0)));
    for (const url of [EPCIS_CONTEXT_2_0_1, EPCIS_CONTEXT_CURRENT]) {
      const v201 = JSON.stringify(buildEpcisContext(variant(url)));
      assert.notEqual(v201, v200);
      assert.equal(v201.replace('"https://ref.gs1.org/voc/"', '"https://gs1.org/voc/"'), v200);
    }
  });
});
