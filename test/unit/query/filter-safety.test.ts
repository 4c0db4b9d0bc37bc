/**
 * Property test (SECURITY-AND-PERFORMANCE-NOTES 1.2.11, 1.2.14): whatever the parameter names and values, the
 * parser either refuses with QueryParameterException or the translator emits a filter that uses only the
 * operators of our dialect, whose field paths never start with `$`, and whose every `$regex` is an anchored
 * literal prefix.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EpcisError } from '../../../src/errors/epcis-errors';
import { parseQuery } from '../../../src/query/params/parse-query';
import { masterDataNeeds } from '../../../src/query/translate/master-data';
import { translateQuery } from '../../../src/query/translate/translate-query';
import { canonicalEpc, NAMESPACES } from './support';

const OPERATORS = new Set(['$and', '$or', '$in', '$gt', '$gte', '$lt', '$lte', '$exists', '$regex']);
const NAMES = [
  'EQ_bizStep',
  'MATCH_epc',
  'MATCH_parentID',
  'MATCH_anyEPC',
  'EQ_bizTransaction_',
  'EQ_',
  'GT_',
  'EXISTS_',
  'EQ_INNER_ILMD_',
  'GE_value_',
  'EQATTR_',
  'WD_bizLocation',
  'orderBy',
];

function check(value: unknown): void {
  if (Array.isArray(value)) return value.forEach(check);
  if (value === null || typeof value !== 'object' || value instanceof Date) return;
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith('$')) assert.ok(OPERATORS.has(key), `operator ${key}`);
    if (key === '$regex') {
      assert.equal(typeof child, 'string');
      // An anchored literal: `^` then only escaped metacharacters.
      assert.match(child as string, /^\^(?:[^.*+?^${}()|[\]\\]|\\[.*+?^${}()|[\]\\])*$/);
    }
    check(child);
  }
}

describe('translated filters are safe for any input', () => {
  it('only dialect operators, no $-paths, anchored literal regexes', () => {
    const text = fc.string({ unit: fc.constantFrom(...'ab:.*$|[]()\\^+?{}/#%_-01'.split('')), maxLength: 24 });
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), text, text, (prefix, suffix, value) => {
        const name = prefix.endsWith('_') ? prefix + suffix : prefix;
        const idpat = `urn:epc:idpat:sgtin:${value}`;
        try {
          const query = parseQuery({ params: { [name]: `${value}|${idpat}` } }, { namespaces: NAMESPACES });
          const masterData = Object.fromEntries(masterDataNeeds(query).map((need) => [need.key, [value || 'x']]));
          check(translateQuery(query, { canonicalEpc, masterData }).filter);
        } catch (error) {
          assert.ok(error instanceof EpcisError && error.exception === 'QueryParameterException', String(error));
        }
      }),
      { numRuns: 400 },
    );
  });
});
