import assert from 'node:assert/strict';
import { analyseContext } from '../../../src/formats/jsonld/context-processor';
import { stripStandardPrefixRedefinitions } from '../../../src/formats/jsonld/standard-prefix-redefinition';
import { EpcisError } from '../../../src/errors/epcis-errors';

const EPCIS = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

describe('stripping rebound standard prefixes', () => {
  it('removes a rebinding of cbvmda and keeps the standard namespace', async () => {
    const context = [EPCIS, { ext1: 'http://example.com/ext1/' }, { cbvmda: 'http://example.com/cbvmda/' }];
    await assert.rejects(analyseContext(context), (e: unknown) => e instanceof EpcisError);
    const { context: cleaned, stripped } = stripStandardPrefixRedefinitions(context);
    assert.deepEqual(stripped, { cbvmda: 'http://example.com/cbvmda/' });
    assert.deepEqual(cleaned, [EPCIS, { ext1: 'http://example.com/ext1/' }]);
    const { namespaces } = await analyseContext(cleaned);
    assert.equal(namespaces['cbvmda'], 'urn:epcglobal:cbv:mda:');
    assert.equal(namespaces['ext1'], 'http://example.com/ext1/');
  });

  it('leaves term redefinitions (still rejected) and ordinary contexts alone', async () => {
    const context = [EPCIS, { bizStep: 'http://evil.example/' }];
    const result = stripStandardPrefixRedefinitions(context);
    assert.equal(result.context, context);
    assert.deepEqual(result.stripped, {});
    await assert.rejects(analyseContext(result.context), (e: unknown) => e instanceof EpcisError);
    assert.equal(stripStandardPrefixRedefinitions(EPCIS).context, EPCIS);
  });
});
