/**
 * MongoDB index terms (src/store/mongo/index-terms.ts): each `qt` condition selects exactly the events its field
 * condition selects, and whole translated queries with terms added give what they gave without. Evaluated with
 * mingo (the embedded store's evaluator, which follows MongoDB's matching rules) over generated events.
 */
import assert from 'node:assert/strict';
import { canonicalEpc } from '../../../src/identifiers';
import { parseQuery, translateQuery } from '../../../src/query';
import { masterDataNeeds, resolveMasterData } from '../../../src/query/translate/master-data';
import { SINGLE_VALUED } from '../../../src/query/translate/epc-match';
import { prefixRange, prefixRegex } from '../../../src/query/translate/regex';
import { runQuery } from '../../../src/store/embedded/memory-query';
import type { Filter } from '../../../src/store/event-store';
import { indexTerms, TERM_PATHS, withIndexTerms, withTerms } from '../../../src/store/mongo/index-terms';
import type { QueryValue, StoredEvent } from '../../../src/store/stored-event';
import { type CorpusSizes, generateEvent, generateQuery, locationHierarchy, prng } from '../../support/query-corpus';
import { preparedEvents, SEED_NAMESPACES } from '../../support/seed-events';

const SIZES: CorpusSizes = { epcs: 120, locations: 20, bizSteps: 8 };

describe('MongoDB index terms', () => {
  const random = prng(7);
  const events = preparedEvents(
    Array.from({ length: 600 }, (_, i) => generateEvent(i, random, SIZES)),
    'c',
    new Date('2025-01-01T00:00:00.000Z'),
  ).map(withTerms);
  const ids = (found: StoredEvent[]) => found.map((event) => event._id);
  const valuesOf = (event: StoredEvent, path: string): string[] => {
    let node: QueryValue | undefined = event.q;
    for (const part of path.split('.').slice(1))
      node = node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as never)[part] : undefined;
    return (Array.isArray(node) ? node : [node]).filter((v): v is string => typeof v === 'string');
  };

  it('has one term per value of every equality family field', () => {
    for (const event of events) {
      const expected = TERM_PATHS.flatMap((path) => valuesOf(event, path).map((v) => `${path.slice(2)}|${v}`));
      assert.deepEqual(indexTerms(event.q).sort(), expected.sort());
    }
    assert.ok(events.some((event) => indexTerms(event.q).some((term) => term.startsWith('epc|'))));
  });

  it('selects with each term condition exactly what its field condition selects', () => {
    let checked = 0;
    for (const path of TERM_PATHS) {
      const values = [...new Set(events.flatMap((event) => valuesOf(event, path)))];
      if (values.length === 0) continue;
      const value = values[Math.floor(values.length / 2)]!;
      const conditions: unknown[] = [
        value,
        { $eq: value },
        { $in: [value, values[0]!, 'absent-value'] },
        prefixRegex(value.slice(0, Math.max(1, value.length - 3))),
        ...(SINGLE_VALUED.has(path) ? [prefixRange(value.slice(0, Math.max(1, value.length - 2)))] : []),
      ];
      for (const condition of conditions) {
        const original: Filter = { [path]: condition };
        const rewritten = withIndexTerms(original);
        const parts = (rewritten['$and'] as Filter[] | undefined) ?? [];
        assert.equal(parts.length, 2, `${path} ${JSON.stringify(condition)} gets a term condition`);
        const term = parts[1]!;
        assert.deepEqual(Object.keys(term), ['qt']);
        const expected = ids(runQuery(events, original));
        assert.ok(expected.length > 0, `${path} ${JSON.stringify(condition)} selects something`);
        assert.deepEqual(ids(runQuery(events, term)), expected, `${path} ${JSON.stringify(condition)}`);
        checked += 1;
      }
    }
    assert.ok(checked >= 30, `${checked} conditions checked`);
  });

  it('serves eventID conditions by the identity key, error declarations included', () => {
    const declared = preparedEvents(
      [{ ...generateEvent(1, prng(3), SIZES), errorDeclaration: { declarationTime: '2025-01-02T00:00:00.000Z' } }],
      'd',
      new Date('2025-01-02T00:00:00.000Z'),
    ).map(withTerms);
    const all = [...events, ...declared];
    const eventID = declared[0]!.eventID;
    for (const condition of [eventID, { $eq: eventID }, { $in: [eventID, events[5]!.eventID, 'urn:uuid:absent'] }]) {
      const rewritten = withIndexTerms({ eventID: condition });
      const term = ((rewritten['$and'] as Filter[] | undefined) ?? [])[1];
      assert.ok(term && Object.keys(term).join() === '_id', JSON.stringify(rewritten));
      const expected = ids(runQuery(all, { eventID: condition }, { sort: [['_id', 1]] }));
      assert.ok(expected.length >= 2, 'the event and its error declaration');
      assert.deepEqual(ids(runQuery(all, term, { sort: [['_id', 1]] })), expected);
    }
  });

  it('leaves conditions it cannot express alone, and never rewrites inside negations', () => {
    const untouched: Filter[] = [
      { 'q.bizStep': { $in: ['a', 3] } },
      { 'q.bizStep': { $regex: '^a|b' } },
      { 'q.bizStep': { $regex: 'shipping' } },
      { 'q.bizStep': { $gte: 'a', $lt: 'z' } },
      { 'q.epc': prefixRange('https://id.gs1.org/01/') },
      { 'q.bizStep': { $exists: true } },
      { $nor: [{ 'q.bizStep': 'shipping' }] },
      { 'q.action': 'ADD', eventTime: { $gte: new Date(0) } },
    ];
    for (const filter of untouched) assert.deepEqual(withIndexTerms(filter), filter, JSON.stringify(filter));
  });

  it('gives every generated query the same answer with its terms as without', () => {
    const queries = prng(31);
    let rewritten = 0;
    for (let n = 0; n < 150; n += 1) {
      const params = generateQuery(queries, SIZES);
      const query = parseQuery({ params }, { namespaces: SEED_NAMESPACES });
      const needs = masterDataNeeds(query);
      const masterData =
        needs.length > 0 ? resolveMasterData(needs, locationHierarchy(SIZES), canonicalEpc) : undefined;
      const { filter, sort } = translateQuery(query, { canonicalEpc, ...(masterData ? { masterData } : {}) });
      const withTermsAdded = withIndexTerms(filter);
      if (JSON.stringify(withTermsAdded).includes('"qt"')) rewritten += 1;
      assert.deepEqual(
        ids(runQuery(events, withTermsAdded, { sort })),
        ids(runQuery(events, filter, { sort })),
        new URLSearchParams(params).toString(),
      );
    }
    assert.ok(rewritten >= 50, `${rewritten} of 150 queries use the terms index`);
  });
});
