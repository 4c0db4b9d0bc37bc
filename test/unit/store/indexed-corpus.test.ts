/**
 * The embedded store's indexed execution on the generated query corpus (test/support/query-corpus.ts): for
 * generated SimpleEventQueries, translated as the query service translates them (master data resolved for WD_ and
 * EQATTR_), the indexes give exactly what mingo over every event gives, first pages and keyset pages alike, over
 * enough events that walks in time order both stop early and give up. Pure: no store, no journal.
 */
import assert from 'node:assert/strict';
import { canonicalEpc } from '../../../src/identifiers';
import { parseQuery, translateQuery } from '../../../src/query';
import { afterPosition, keyOf } from '../../../src/query/keyset';
import { masterDataNeeds, resolveMasterData } from '../../../src/query/translate/master-data';
import { EventIndex } from '../../../src/store/embedded/event-index';
import { findIndexed } from '../../../src/store/embedded/indexed-query';
import { runQuery } from '../../../src/store/embedded/memory-query';
import type { Filter } from '../../../src/store/event-store';
import type { StoredEvent } from '../../../src/store/stored-event';
import { type CorpusSizes, generateEvent, generateQuery, locationHierarchy, prng } from '../../support/query-corpus';
import { preparedEvents, SEED_NAMESPACES } from '../../support/seed-events';

const EVENTS = 1600;
const QUERIES = 200;
const SIZES: CorpusSizes = { epcs: 200, locations: 30, bizSteps: 10 };

describe(`embedded indexed execution on ${QUERIES} generated queries over ${EVENTS} generated events`, () => {
  const random = prng(4242);
  const generated = Array.from({ length: EVENTS }, (_, i) => generateEvent(i, random, SIZES));
  // Four captures: recordTime ties within each, and an order that differs from eventTime's.
  const events: StoredEvent[] = [0, 1, 2, 3].flatMap((c) =>
    preparedEvents(
      generated.slice((c * EVENTS) / 4, ((c + 1) * EVENTS) / 4),
      `c${c}`,
      new Date(Date.UTC(2025, 0, 1 + c)),
    ),
  );
  const index = new EventIndex();
  events.forEach((event) => index.add(event));
  const vocabulary = locationHierarchy(SIZES);
  const ids = (found: StoredEvent[]) => found.map((event) => event._id);

  it('gives what a full scan gives, page by page', () => {
    const queries = prng(99);
    let nonEmpty = 0;
    for (let n = 0; n < QUERIES; n += 1) {
      const params = generateQuery(queries, SIZES);
      const query = parseQuery({ params }, { namespaces: SEED_NAMESPACES });
      const needs = masterDataNeeds(query);
      const masterData = needs.length > 0 ? resolveMasterData(needs, vocabulary, canonicalEpc) : undefined;
      const { filter, sort, limit } = translateQuery(query, { canonicalEpc, ...(masterData ? { masterData } : {}) });
      const label = new URLSearchParams(params).toString();
      const options = { sort, ...(limit !== undefined ? { limit } : {}) };
      const all = ids(runQuery(events, filter, options));
      assert.deepEqual(ids(findIndexed(index, filter, options)), all, label);
      if (all.length > 0) nonEmpty += 1;
      // Keyset pages of 7, as the query service asks for them: together, the start of the unlimited answer.
      const paged: string[] = [];
      let where: Filter = filter;
      for (;;) {
        const page = findIndexed(index, where, { sort, limit: 7 });
        paged.push(...ids(page));
        const last = page[page.length - 1];
        if (page.length < 7 || !last || paged.length >= 60) break;
        const position = { key: keyOf(last, sort[0]![0]), id: last._id };
        where = { $and: [filter, afterPosition(sort, position)] };
      }
      const unlimited = limit === undefined ? all : ids(runQuery(events, filter, { sort }));
      assert.deepEqual(paged, unlimited.slice(0, paged.length), label);
    }
    assert.ok(nonEmpty > QUERIES / 4, `${nonEmpty} queries matched events`);
  });
});
