/**
 * Semantic test: translated filters run with mingo (as the embedded store will) over stored-form documents
 * whose `q` comes from computeQueryFields. Covers the bugs other EPCIS servers shipped (issue 4, Acceptance).
 */
import assert from 'node:assert/strict';
import { Query } from 'mingo';
import type { JsonObject } from '../../../src/model/types';
import { parseQuery } from '../../../src/query/params/parse-query';
import { masterDataNeeds, resolveMasterData } from '../../../src/query/translate/master-data';
import { translateQuery } from '../../../src/query/translate/translate-query';
import { VOCABULARY } from './corpus';
import { SEMANTIC_CASES, STORED } from './semantic-cases';
import { canonicalEpc, NAMESPACES, params } from './support';

function run(input: string | JsonObject): string[] {
  const query =
    typeof input === 'string'
      ? parseQuery({ params: params(input) }, { namespaces: NAMESPACES })
      : parseQuery({ body: input }, { namespaces: NAMESPACES });
  const masterData = resolveMasterData(masterDataNeeds(query), VOCABULARY, canonicalEpc);
  const { filter, sort, limit } = translateQuery(query, { canonicalEpc, masterData });
  let cursor = new Query(filter, {}).find<(typeof STORED)[number]>(STORED).sort(Object.fromEntries(sort));
  if (limit !== undefined) cursor = cursor.limit(limit);
  return cursor.all().map((doc) => doc.name);
}

describe('query semantics over stored-form documents (mingo)', () => {
  for (const [input, expected] of SEMANTIC_CASES) {
    it(input, () => assert.deepEqual(run(input), expected));
  }

  it('a named-query body gives the same answer as its query string', () => {
    assert.deepEqual(
      run({ EQ_bizTransaction_po: ['urn:x:po:100'], MATCH_anyEPC: ['urn:epc:idpat:sgtin:0614141.*.*'] }),
      ['shipUrn'],
    );
  });
});
