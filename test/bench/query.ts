/**
 * `npm run bench:query`: latency of query shapes (issue 4, Acceptance) through the query service on each store,
 * a couple also over HTTP, and in the same run the same translated filters as a raw `find()` (MongoDB: the
 * driver on the same collection; embedded: the store's own findEvents, i.e. mingo over its in-memory indexes).
 * Prints p50/p95/p99 per shape, the service/raw ratio of the p50s, and the p50/p99 CPU time of a service call
 * (process.cpuUsage: steadier than wall time on a shared machine). Asserts nothing about timings.
 *
 * Sizes (env): BENCH_QUERY_EMBEDDED_EVENTS (default 200,000, the figure for the embedded store; seeding
 * takes about half a minute), BENCH_QUERY_MONGO_EVENTS (default 500: FerretDB, the usual test server, scans
 * every document on every query; the figure for MongoDB is 1,000,000, for a real MongoDB server),
 * BENCH_QUERY_REPS (default 10 per shape).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import request from 'supertest';
import { defaultConfig } from '../../src/config/config';
import { createApp } from '../../src/http/app';
import { canonicalEpc } from '../../src/identifiers';
import { createLogger } from '../../src/logging/logger';
import type { JsonValue } from '../../src/model/types';
import { parseQuery } from '../../src/query';
import { afterPosition, decodePosition } from '../../src/query/keyset';
import { QueryService } from '../../src/query/query-service';
import { composeApp } from '../../src/server/compose';
import { EmbeddedEventStore } from '../../src/store/embedded/embedded-event-store';
import type { EventStore } from '../../src/store/event-store';
import { MongoEventStore } from '../../src/store/mongo/mongo-event-store';
import { getTestMongo, uniqueDbName } from '../support/mongo-server';
import { stopSharedMongoServer } from '../support/mongo-server-registry';
import {
  type CorpusSizes,
  generateEvent,
  location,
  locationHierarchy,
  pick,
  prng,
  serial,
  serialDl,
  step,
} from '../support/query-corpus';
import { preparedEvents, SEED_NAMESPACES, seedMongo, seedStore } from '../support/seed-events';

const MONGO_EVENTS = Number(process.env['BENCH_QUERY_MONGO_EVENTS'] ?? 500);
const EMBEDDED_EVENTS = Number(process.env['BENCH_QUERY_EMBEDDED_EVENTS'] ?? 200_000);
const REPS = Number(process.env['BENCH_QUERY_REPS'] ?? 10);
const PER_PAGE = 30;

const sizesFor = (events: number): CorpusSizes => ({
  epcs: Math.max(10, Math.min(10_000, Math.floor(events / 10))),
  locations: 50,
  bizSteps: 20,
});

type Shape = {
  name: string;
  indexed: boolean;
  /** The page to time (default 1): the pages before it are fetched untimed, each after the previous one. */
  page?: number;
  params: (random: () => number, sizes: CorpusSizes) => Record<string, string>;
};

const day = (d: number) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString();
const epcNo = (random: () => number, sizes: CorpusSizes) => Math.floor(random() * sizes.epcs);

const SHAPES: Shape[] = [
  { name: 'single EPC (URN)', indexed: true, params: (r, s) => ({ MATCH_epc: serial(epcNo(r, s)) }) },
  {
    name: 'single EPC (Digital Link), anyEPC',
    indexed: true,
    params: (r, s) => ({ MATCH_anyEPC: serialDl(epcNo(r, s)) }),
  },
  {
    name: 'latest event for an EPC',
    indexed: true,
    params: (r, s) => ({ MATCH_epc: serial(epcNo(r, s)), orderBy: 'eventTime', eventCountLimit: '1' }),
  },
  {
    name: 'bizStep + time window',
    indexed: true,
    params: (r, s) => {
      const d = Math.floor(r() * 27);
      return { EQ_bizStep: step(Math.floor(r() * s.bizSteps)), GE_eventTime: day(d), LT_eventTime: day(d + 3) };
    },
  },
  { name: 'WD_bizLocation', indexed: true, params: (r) => ({ WD_bizLocation: location(1 + Math.floor(r() * 6)) }) },
  {
    name: 'WD_bizLocation, 10th page',
    indexed: true,
    page: 10,
    params: (r) => ({ WD_bizLocation: location(1 + Math.floor(r() * 6)) }),
  },
  {
    name: 'EQ_bizTransaction_po',
    indexed: true,
    params: (r) => ({ EQ_bizTransaction_po: `urn:epcglobal:cbv:bt:0614141073467:${Math.floor(r() * 40)}` }),
  },
  { name: 'EQ_eventID', indexed: true, params: (r, s) => ({ EQ_eventID: eventIdOf(Math.floor(r() * s.epcs * 10)) }) },
  { name: 'EQ_bizLocation', indexed: true, params: (r) => ({ EQ_bizLocation: location(Math.floor(r() * 50)) }) },
  { name: 'sensor GE_value_CEL', indexed: false, params: (r) => ({ GE_value_CEL: String(30 + Math.floor(r() * 8)) }) },
  {
    name: 'EPC pattern, newest first',
    indexed: false,
    params: () => ({ MATCH_epc: 'urn:epc:idpat:sgtin:0614141.107346.*', orderBy: 'eventTime' }),
  },
  {
    name: 'extension EQ_example:f',
    indexed: false,
    params: (r) => ({
      'EQ_example:f': `v${Math.floor(r() * 6)}`,
      eventType: pick(r, ['ObjectEvent', 'AggregationEvent']),
    }),
  },
];

const eventIdOf = (i: number) => `urn:uuid:10000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

function percentiles(values: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { p50: at(50), p95: at(95), p99: at(99) };
}

const ms = (value: number) => value.toFixed(1).padStart(8);

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Wall time and CPU time (user + system, all threads of the process) of one call, in ms. */
async function timedWithCpu(work: () => Promise<unknown>): Promise<[number, number]> {
  const cpu = process.cpuUsage();
  const wall = await timed(work);
  const used = process.cpuUsage(cpu);
  return [wall, (used.user + used.system) / 1000];
}

async function seed(store: EventStore, count: number, mongo?: { uri: string; dbName: string }): Promise<CorpusSizes> {
  const sizes = sizesFor(count);
  const random = prng(1);
  const start = performance.now();
  await seedStore(store, [], 1, locationHierarchy(sizes)); // master data through the port (a capture of no events)
  for (let from = 0; from < count; from += 10_000) {
    const events = Array.from({ length: Math.min(10_000, count - from) }, (_, k) =>
      generateEvent(from + k, random, sizes),
    );
    const prepared = preparedEvents(events, `bench-${from}`, new Date());
    if (mongo) await seedMongo(mongo.uri, mongo.dbName, prepared, 5_000);
    else await seedStore(store, prepared, 10_000);
  }
  console.log(`  seeded ${count} events in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return sizes;
}

async function run(label: string, store: EventStore, sizes: CorpusSizes, raw: RawFind): Promise<void> {
  const service = new QueryService({ store, canonicalEpc, maxTimeMS: 600_000 });
  const app = createApp(composeApp(defaultConfig({ logLevel: 'silent' }), store, createLogger('silent')));
  console.log(`\n${label}: p50 / p95 / p99 in ms over ${REPS} runs per shape (first page, perPage=${PER_PAGE})`);
  console.log(`  ${'shape'.padEnd(36)} ${'service'.padStart(26)} ${'raw find'.padStart(26)}  ratio  cpu p50 / p99`);
  for (const shape of SHAPES) {
    const random = prng(shape.name.length * 7919);
    const service_: number[] = [];
    const cpu_: number[] = [];
    const raw_: number[] = [];
    for (let rep = 0; rep < REPS; rep += 1) {
      const params = shape.params(random, sizes);
      const query = parseQuery({ params }, { namespaces: SEED_NAMESPACES });
      let after: JsonValue[] | null = null;
      for (let page = 1; page < (shape.page ?? 1); page += 1) after = (await service.page(query, PER_PAGE, after)).next;
      const [wall, cpu] = await timedWithCpu(() => service.page(query, PER_PAGE, after));
      service_.push(wall);
      cpu_.push(cpu);
      const translated = await service.translate(query);
      const position = after === null ? null : decodePosition(after);
      const filter =
        position === null ? translated.filter : { $and: [translated.filter, afterPosition(translated.sort, position)] };
      const limit = Math.min(PER_PAGE, translated.limit ?? Infinity) + 1;
      raw_.push(await timed(() => raw(filter, translated.sort, limit)));
    }
    const a = percentiles(service_);
    const b = percentiles(raw_);
    const mark = shape.indexed ? '' : ' (scan)';
    console.log(
      `  ${(shape.name + mark).padEnd(36)} ${ms(a.p50)}${ms(a.p95)}${ms(a.p99)}  ${ms(b.p50)}${ms(b.p95)}${ms(b.p99)}  ${(a.p50 / b.p50).toFixed(2)}x ${ms(percentiles(cpu_).p50)}${ms(percentiles(cpu_).p99)}`,
    );
  }
  for (const shape of SHAPES.slice(0, 2)) {
    const random = prng(99);
    const times: number[] = [];
    for (let rep = 0; rep < REPS; rep += 1) {
      const query = new URLSearchParams({ ...shape.params(random, sizes), perPage: String(PER_PAGE) });
      times.push(
        await timed(() =>
          request(app)
            .get(`/events?${query.toString()}`)
            .set('GS1-Extensions', 'example=http://ns.example.com/epcis/')
            .expect(200),
        ),
      );
    }
    const p = percentiles(times);
    console.log(`  ${('HTTP GET /events: ' + shape.name).padEnd(36)} ${ms(p.p50)}${ms(p.p95)}${ms(p.p99)}`);
  }
}

type RawFind = (filter: Record<string, unknown>, sort: [string, 1 | -1][], limit: number) => Promise<unknown>;

async function main(): Promise<void> {
  const mongo = await getTestMongo();
  console.log(`query benchmark; node ${process.version}; MongoDB server: ${mongo.description}`);
  console.log(`sizes: MongoDB ${MONGO_EVENTS} events, embedded ${EMBEDDED_EVENTS} events; ${REPS} runs per shape`);

  const dir = mkdtempSync(path.join(tmpdir(), 'epcis-qbench-'));
  const embedded = new EmbeddedEventStore({ dataDir: dir, maxTimeMS: 600_000 });
  await embedded.open();
  try {
    const sizes = await seed(embedded, EMBEDDED_EVENTS);
    await run(`embedded store, ${EMBEDDED_EVENTS} events`, embedded, sizes, (filter, sort, limit) =>
      embedded.findEvents(filter, { sort, limit, maxTimeMS: 600_000 }),
    );
  } finally {
    await embedded.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const dbName = uniqueDbName('qbench');
  const store = new MongoEventStore({ uri: mongo.uri, dbName, maxTimeMS: 600_000 });
  await store.open();
  const client = await MongoClient.connect(mongo.uri);
  try {
    const sizes = await seed(store, MONGO_EVENTS, { uri: mongo.uri, dbName });
    const collection = client.db(dbName).collection('events');
    await run(`MongoDB store, ${MONGO_EVENTS} events`, store, sizes, (filter, sort, limit) =>
      collection
        .find({ $and: [filter, { state: 'committed' }] })
        .sort(sort)
        .limit(limit)
        .toArray(),
    );
  } finally {
    await store.close();
    await client.db(dbName).dropDatabase();
    await client.close();
  }
  console.log(`\npeak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
  await stopSharedMongoServer();
}

main().catch(async (error: unknown) => {
  console.error(error);
  await stopSharedMongoServer();
  process.exit(1);
});
