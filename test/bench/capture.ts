/**
 * `npm run bench:capture`: capture throughput over HTTP into each store, against a baseline measured in the same run
 * (raw `insertMany(ordered:false)` of the equivalent stored documents into the same MongoDB server), plus peak RSS.
 * Prints figures and ratios; asserts nothing about timings. `--xml-memory <MB>`: the server's peak memory on a large
 * XML capture (xml-memory.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { prepareEvent } from '../../src/capture/prepare-event';
import type { JsonObject } from '../../src/model/types';
import { eventPreparation } from '../../src/server/compose';
import type { EventStore } from '../../src/store/event-store';
import type { StoredEvent } from '../../src/store/stored-event';
import { INDEX_SPECS } from '../../src/store/mongo/index-specs';
import { withTerms } from '../../src/store/mongo/index-terms';
import { storedQueryFields } from '../../src/store/stored-query-fields';
import { aggregationEvent, EXAMPLE_NS, epcisDocument, objectEvent, range } from '../support/event-factory';
import { serializeEpcisXml } from '../../src/formats/xml';
import { getTestMongo, uniqueDbName } from '../support/mongo-server';
import { stopSharedMongoServer } from '../support/mongo-server-registry';
import { median, openMeasuredStore, timedCapture } from './http-capture';
import { nodeFlagsNote, serverModules } from './server-build';
import { machineSpeed, speedText } from './machine-speed';
import { xmlMemory } from './xml-memory';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 10_000);
/** Measured rounds (BENCH_ROUNDS, default 5): the machine is shared and noisy, and the median of 5 moves less. */
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
/**
 * Unmeasured rounds first (BENCH_WARMUP_ROUNDS, default 2): a server runs for a long time, so the figures are its
 * steady state, not the first captures of a fresh process, which also pay for compiling the code they run. Measured
 * on the embedded store (12 captures of 10,000 ObjectEvents in one process, twice): the first ran at 0.4-0.5x the
 * later ones, the second at 0.6-0.7x, the third on were alike.
 */
const WARMUP_ROUNDS = Number(process.env['BENCH_WARMUP_ROUNDS'] ?? 2);

interface Result {
  label: string;
  eventsPerSecond: number;
}

async function captureOverHttp(
  store: EventStore,
  body: string,
  count: number,
  contentType = 'application/ld+json',
): Promise<number> {
  return count / (await timedCapture(store, body, contentType)).seconds;
}

/**
 * The baseline: the stored documents inserted with `insertMany(ordered:false)` in batches of 1,000. `withIndexes`:
 * into a collection that has the store's event indexes, documents with their index terms, as the capture writes them
 * (printed for reference; the ratio uses the bare collection).
 */
async function rawInsertMany(uri: string, events: JsonObject[], withIndexes = false): Promise<number> {
  const client = await MongoClient.connect(uri);
  try {
    const collection = client.db(uniqueDbName('bench_raw')).collection<StoredEvent>('events');
    if (withIndexes)
      for (const spec of INDEX_SPECS.events) await collection.createIndex(spec.key, { name: spec.name ?? '' });
    const namespaces = { example: 'http://ns.example.com/epcis/' };
    const docs = events.map((event) => {
      const prepared = prepareEvent(event, { captureID: 'raw', owner: 'anonymous', namespaces }, eventPreparation);
      // The stored document, query fields included (the MongoDB adapter computes them as it writes).
      const stored: StoredEvent = { ...prepared, q: storedQueryFields(prepared, namespaces) };
      return withIndexes ? withTerms(stored) : stored;
    });
    const start = performance.now();
    for (let i = 0; i < docs.length; i += 1000)
      await collection.insertMany(docs.slice(i, i + 1000), { ordered: false });
    return docs.length / ((performance.now() - start) / 1000);
  } finally {
    await client.close();
  }
}

async function onEmbedded(body: string, count: number, contentType?: string): Promise<number> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'epcis-bench-'));
  const store = await openMeasuredStore({ dataDir });
  try {
    return await captureOverHttp(store, body, count, contentType);
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function onMongo(uri: string, body: string, count: number, contentType?: string): Promise<number> {
  const store = await openMeasuredStore({ mongodbUri: uri, dbName: uniqueDbName('bench'), dataDir: tmpdir() });
  try {
    return await captureOverHttp(store, body, count, contentType);
  } finally {
    await store.close();
  }
}

const asXml = (document: JsonObject): string =>
  serializeEpcisXml(document, { example: EXAMPLE_NS }, { cbvFormat: 'Always_URN' });

async function main(): Promise<void> {
  const memoryFlag = process.argv.indexOf('--xml-memory');
  if (memoryFlag >= 0) return xmlMemory(Number(process.argv[memoryFlag + 1] ?? 50));
  const measured = serverModules();
  const mongo = await getTestMongo();
  console.log(
    `capture benchmark: ${EVENTS} events per document, median of ${ROUNDS} rounds after ${WARMUP_ROUNDS} ` +
      `unmeasured warm-up round(s); node ${process.version}`,
  );
  console.log(`MongoDB server: ${mongo.description}`);
  console.log(`server code measured: ${measured.description}; ${nodeFlagsNote()}`);
  const results: Result[] = [];
  for (const [label, make] of [
    ['ObjectEvent', objectEvent],
    ['AggregationEvent', aggregationEvent],
  ] as const) {
    const perRound = {
      embedded: [] as number[],
      mongodb: [] as number[],
      raw: [] as number[],
      rawIndexed: [] as number[],
      xmlEmbedded: [] as number[],
      xmlMongo: [] as number[],
      /** The machine's speed (machine-speed.ts) just before each embedded JSON round. */
      speed: [] as number[],
    };
    for (let round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
      const events = range((round + WARMUP_ROUNDS) * EVENTS, EVENTS).map((i) => make(i));
      const document = epcisDocument(events);
      const json = JSON.stringify(document);
      const xml = asXml(document);
      if (round < 0) {
        await onEmbedded(json, EVENTS);
        await onEmbedded(xml, EVENTS, 'application/xml');
        await onMongo(mongo.uri, json, EVENTS);
        await onMongo(mongo.uri, xml, EVENTS, 'application/xml');
        await rawInsertMany(mongo.uri, events, true);
        continue;
      }
      perRound.speed.push(machineSpeed());
      perRound.embedded.push(await onEmbedded(json, EVENTS));
      perRound.xmlEmbedded.push(await onEmbedded(xml, EVENTS, 'application/xml'));
      perRound.mongodb.push(await onMongo(mongo.uri, json, EVENTS));
      perRound.xmlMongo.push(await onMongo(mongo.uri, xml, EVENTS, 'application/xml'));
      perRound.raw.push(await rawInsertMany(mongo.uri, events));
      perRound.rawIndexed.push(await rawInsertMany(mongo.uri, events, true));
    }
    const raw = median(perRound.raw);
    const viaMongo = median(perRound.mongodb);
    const embedded = median(perRound.embedded);
    results.push(
      { label: `${label}: raw insertMany (baseline)`, eventsPerSecond: raw },
      { label: `${label}: raw insertMany, store's indexes`, eventsPerSecond: median(perRound.rawIndexed) },
      { label: `${label}: JSON capture over HTTP -> MongoDB`, eventsPerSecond: viaMongo },
      { label: `${label}: XML capture over HTTP -> MongoDB`, eventsPerSecond: median(perRound.xmlMongo) },
      { label: `${label}: JSON capture over HTTP -> embedded`, eventsPerSecond: embedded },
      { label: `${label}: XML capture over HTTP -> embedded`, eventsPerSecond: median(perRound.xmlEmbedded) },
    );
    console.log(
      `${label}: capture/raw ratio on the same MongoDB server = ${(viaMongo / raw).toFixed(2)} ` +
        `(${(viaMongo / median(perRound.rawIndexed)).toFixed(2)} against raw into an indexed collection)`,
    );
    console.log(
      `${label}: JSON capture into the embedded store by round: ` +
        perRound.embedded
          .map((value, i) => `${Math.round(value)} (machine ${speedText(perRound.speed[i]!)})`)
          .join(', '),
    );
    console.log(
      `${label}: XML/JSON ratio = ${(median(perRound.xmlEmbedded) / embedded).toFixed(2)} (embedded), ` +
        `${(median(perRound.xmlMongo) / viaMongo).toFixed(2)} (MongoDB)`,
    );
  }
  for (const r of results)
    console.log(`  ${r.label.padEnd(52)} ${Math.round(r.eventsPerSecond).toString().padStart(8)} events/s`);
  console.log(`peak RSS of this run: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
  await stopSharedMongoServer();
  const megabytes = process.env['BENCH_XML_MB'] ?? '50';
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', __filename, '--xml-memory', megabytes], {
    stdio: 'inherit',
    env: process.env,
  });
  if (child.status !== 0) throw new Error(`the XML memory run failed (${child.status})`);
  // Event-hash throughput on one core (CBV 2.0 hash IDs are computed for every event captured without an eventID).
  const hash = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'event-hash.ts')], {
    stdio: 'inherit',
  });
  if (hash.status !== 0) throw new Error(`the event-hash run failed (${hash.status})`);
}

main().catch(async (error: unknown) => {
  console.error(error);
  await stopSharedMongoServer();
  process.exit(1);
});
