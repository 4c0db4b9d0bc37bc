/**
 * Issue 4 acceptance, differential: generated SimpleEventQueries (support/query-corpus.ts, seeded) over a
 * generated corpus committed to BOTH the MongoDB test server and the embedded store, run through the query
 * service: the same events in the same order (every translated sort is total: sort key then `_id`). Some also
 * walk keyset pages, which must give the single-page answer. Sizes: QUERY_DIFF_EVENTS (default 100, since
 * FerretDB scans every document on every query) and QUERY_DIFF_QUERIES (default 1000).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { canonicalEpc } from '../../../src/identifiers';
import type { JsonValue } from '../../../src/model/types';
import { parseQuery } from '../../../src/query';
import { QueryService } from '../../../src/query/query-service';
import { EmbeddedEventStore } from '../../../src/store/embedded/embedded-event-store';
import type { EventStore } from '../../../src/store/event-store';
import { MongoEventStore } from '../../../src/store/mongo/mongo-event-store';
import { getTestMongo, uniqueDbName } from '../../support/mongo-server';
import { type CorpusSizes, generateEvent, generateQuery, locationHierarchy, prng } from '../../support/query-corpus';
import { preparedEvents, SEED_NAMESPACES, seedStore } from '../../support/seed-events';

const EVENTS = Number(process.env['QUERY_DIFF_EVENTS'] ?? 100);
const QUERIES = Number(process.env['QUERY_DIFF_QUERIES'] ?? 1000);
const SIZES: CorpusSizes = { epcs: 60, locations: 30, bizSteps: 10 };

describe(`differential: ${QUERIES} generated queries over ${EVENTS} events, MongoDB vs embedded`, function () {
  this.timeout(900_000);
  let embedded: EventStore;
  let mongo: EventStore;
  let dir: string;
  let dbName: string;
  let uri: string;

  before(async () => {
    uri = (await getTestMongo()).uri;
    dir = mkdtempSync(path.join(tmpdir(), 'epcis-qdiff-'));
    dbName = uniqueDbName('qdiff');
    embedded = new EmbeddedEventStore({ dataDir: dir });
    mongo = new MongoEventStore({ uri, dbName });
    await embedded.open();
    await mongo.open();
    const random = prng(20240501);
    const events = Array.from({ length: EVENTS }, (_, i) => generateEvent(i, random, SIZES));
    const vocabulary = locationHierarchy(SIZES);
    // Two captures, so that recordTime differs between events (orderBy=recordTime has ties and non-ties).
    const half = Math.ceil(EVENTS / 2);
    for (const store of [embedded, mongo]) {
      await seedStore(store, preparedEvents(events.slice(0, half), 'first', new Date()), EVENTS, vocabulary);
      await seedStore(store, preparedEvents(events.slice(half), 'second', new Date()), EVENTS);
    }
  });

  after(async () => {
    await embedded?.close();
    await mongo?.close();
    rmSync(dir, { recursive: true, force: true });
    const client = await MongoClient.connect(uri);
    await client.db(dbName).dropDatabase();
    await client.close();
  });

  it('gives the same events in the same order on both stores', async () => {
    const services = [embedded, mongo].map((store) => new QueryService({ store, canonicalEpc, maxTimeMS: 60_000 }));
    const [onEmbedded, onMongo] = services as [QueryService, QueryService];
    const random = prng(7);
    let nonEmpty = 0;
    let walked = 0;
    const resultSizes = new Set<number>();
    for (let n = 0; n < QUERIES; n += 1) {
      const params = generateQuery(random, SIZES);
      const label = new URLSearchParams(params).toString();
      const query = parseQuery({ params }, { namespaces: SEED_NAMESPACES });
      const a = (await onEmbedded.page(query, 100_000, null)).events.map((e) => e._id);
      const b = (await onMongo.page(query, 100_000, null)).events.map((e) => e._id);
      assert.deepEqual(b, a, `query #${n}: ${label}`);
      if (a.length > 0) nonEmpty += 1;
      resultSizes.add(a.length);
      if (n % 20 === 0 && a.length > 1) {
        walked += 1;
        for (const service of services)
          assert.deepEqual(await walk(service, query, Math.ceil(a.length / 3)), a, `paged #${n}: ${label}`);
      }
    }
    console.log(
      `      ${nonEmpty}/${QUERIES} queries matched events; ${resultSizes.size} result sizes; ${walked} walked`,
    );
    assert.ok(nonEmpty > QUERIES / 4, 'the generator produces queries that match');
  });
});

async function walk(service: QueryService, query: ReturnType<typeof parseQuery>, perPage: number): Promise<string[]> {
  const ids: string[] = [];
  let after: JsonValue[] | null = null;
  do {
    const page = await service.page(query, perPage, after);
    ids.push(...page.events.map((e) => e._id));
    after = page.next;
  } while (after !== null);
  return ids;
}
