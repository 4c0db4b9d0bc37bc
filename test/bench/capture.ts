/**
 * `npm run bench:capture`: capture throughput over HTTP into each store, against a baseline measured in the same run
 * (raw `insertMany(ordered:false)` of the equivalent stored documents into the same MongoDB server), plus peak RSS.
 * Prints figures and ratios; asserts nothing about timings. `--xml-memory <MB>`: the server's peak memory on a large
 * XML capture (xml-memory.ts).
 *
 * Each capture goes to a server in its own process (server-process.ts: the production build, npm start's node
 * options), one per store and round, as a server is deployed: on one store, with a heap of its own. An earlier version
 * ran every store's server in the benchmark's process, one after the other: there, the garbage and the heap left by
 * the MongoDB captures made V8 mark its old generation during the embedded captures that followed (Mark-Compact during
 * 3 of 4 embedded captures with them, none without; 40-63 us of the other threads' CPU per event against 12-38), and
 * the embedded figures were those of a process that also served MongoDB.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { prepareEvent } from '../../src/capture/prepare-event';
import type { JsonObject } from '../../src/model/types';
import { eventPreparation } from '../../src/server/compose';
import type { StoredEvent } from '../../src/store/stored-event';
import { INDEX_SPECS } from '../../src/store/mongo/index-specs';
import { withTerms } from '../../src/store/mongo/index-terms';
import { storedQueryFields } from '../../src/store/stored-query-fields';
import { aggregationEvent, EXAMPLE_NS, epcisDocument, objectEvent, range } from '../support/event-factory';
import { serializeEpcisXml } from '../../src/formats/xml';
import { getTestMongo, uniqueDbName } from '../support/mongo-server';
import { stopSharedMongoServer } from '../support/mongo-server-registry';
import { INDEXED_QUERY_PATH, median, POLL_MS } from './http-capture';
import { serverModules, startNodeFlags } from './server-build';
import { captureOn, send, serverEnvironment, startServer, stopServer, type ServerProcess } from './server-process';
import { machineSpeed, speedText } from './machine-speed';
import { xmlMemory } from './xml-memory';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 10_000);
/** Measured rounds (BENCH_ROUNDS, default 5): the machine is shared and noisy, and the median of 5 moves less. */
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
/**
 * Unmeasured captures on each server before its measured ones (BENCH_WARMUP_CAPTURES per format, default 2, of
 * BENCH_WARMUP_EVENTS events, default 5,000): a server runs for a long time, so the figures are its steady state, not
 * the first captures of a fresh process, which also pay for compiling the code they run. Measured on the embedded
 * store (12 captures of 10,000 ObjectEvents in one process, twice): the first ran at 0.4-0.5x the later ones, the
 * second at 0.6-0.7x, the third on were alike.
 */
const WARMUP_CAPTURES = Number(process.env['BENCH_WARMUP_CAPTURES'] ?? 2);
const WARMUP_EVENTS = Number(process.env['BENCH_WARMUP_EVENTS'] ?? 5_000);
const JOB_TIMEOUT_MS = 30 * 60 * 1000;

interface Result {
  label: string;
  eventsPerSecond: number;
}

type EventMaker = (i: number) => JsonObject;

/** Numbers of the events of the XML documents: apart from the JSON ones, which the same server stores first. */
const XML_EVENTS_FROM = 50_000_000;

/**
 * A JSON document of `count` events from number `from` on, and an XML one of as many other events (a server stores
 * both: the XML capture must not meet the JSON one's events again, which would make it a re-capture).
 */
function documents(make: EventMaker, from: number, count: number): { events: JsonObject[]; json: Buffer; xml: Buffer } {
  const events = range(from, count).map((i) => make(i));
  const xmlEvents = range(XML_EVENTS_FROM + from, count).map((i) => make(i));
  return {
    events,
    json: Buffer.from(JSON.stringify(epcisDocument(events))),
    xml: Buffer.from(asXml(epcisDocument(xmlEvents))),
  };
}

/** INDEXED_QUERY_PATH (http-capture.ts), timed. */
async function indexedQuerySeconds(server: ServerProcess): Promise<number> {
  const start = performance.now();
  const answer = await send(server.port, 'GET', INDEXED_QUERY_PATH);
  if (answer.status !== 200) throw new Error(`the indexed query answered ${answer.status}: ${answer.text}`);
  return (performance.now() - start) / 1000;
}

/**
 * One round on one store: a fresh server (and store) in its own process, warmed up with unmeasured captures in both
 * formats (events numbered apart from the measured ones), then the JSON and the XML document captured, each timed
 * from its POST to the poll that finds the job finished. Returns events per second for each, and with `queryAfterJson`
 * (the embedded store) for the JSON capture also until an indexed query right after it has answered (`jsonQueried`):
 * that store makes its postings after the job has finished, and this query waits for them (so the XML capture does
 * not pay for them). MongoDB's indexes are written with the events (and FerretDB's queries scan every document).
 */
async function serverRound(
  env: NodeJS.ProcessEnv,
  make: EventMaker,
  warmUpFrom: number,
  measured: { json: Buffer; xml: Buffer },
  beforeJson?: () => void,
  queryAfterJson = false,
): Promise<{ json: number; jsonQueried: number | undefined; xml: number }> {
  const server = await startServer(env);
  try {
    const capture = async (body: Buffer, contentType: string) =>
      (await captureOn(server, body, { contentType, pollMs: POLL_MS, timeoutMs: JOB_TIMEOUT_MS })).seconds;
    for (let i = 0; i < WARMUP_CAPTURES; i++) {
      const warmUp = documents(make, warmUpFrom + i * WARMUP_EVENTS, WARMUP_EVENTS);
      await capture(warmUp.json, 'application/ld+json');
      await capture(warmUp.xml, 'application/xml');
    }
    beforeJson?.();
    const jsonSeconds = await capture(measured.json, 'application/ld+json');
    const jsonQueried = queryAfterJson ? EVENTS / (jsonSeconds + (await indexedQuerySeconds(server))) : undefined;
    const xml = EVENTS / (await capture(measured.xml, 'application/xml'));
    return { json: EVENTS / jsonSeconds, jsonQueried, xml };
  } finally {
    await stopServer(server);
  }
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

const asXml = (document: JsonObject): string =>
  serializeEpcisXml(document, { example: EXAMPLE_NS }, { cbvFormat: 'Always_URN' });

async function main(): Promise<void> {
  const memoryFlag = process.argv.indexOf('--xml-memory');
  if (memoryFlag >= 0) return xmlMemory(Number(process.argv[memoryFlag + 1] ?? 50));
  const measured = serverModules();
  const mongo = await getTestMongo();
  console.log(`capture benchmark: ${EVENTS} events per document, median of ${ROUNDS} rounds; node ${process.version}`);
  console.log(`MongoDB server: ${mongo.description}`);
  console.log(`server code measured: ${measured.description}, node options ${startNodeFlags().join(' ')}`);
  console.log(
    `each round: a fresh server process per store (npm start's node options), ${WARMUP_CAPTURES} unmeasured ` +
      `captures of ${WARMUP_EVENTS} events per format, then the measured JSON and XML captures`,
  );
  const results: Result[] = [];
  // Numbers of the warm-up captures' events: apart from the measured ones.
  const warmUpBase = 100_000_000;
  for (const [label, make] of [
    ['ObjectEvent', objectEvent],
    ['AggregationEvent', aggregationEvent],
  ] as const) {
    const perRound = {
      embedded: [] as number[],
      embeddedQueried: [] as number[],
      mongodb: [] as number[],
      raw: [] as number[],
      rawIndexed: [] as number[],
      xmlEmbedded: [] as number[],
      xmlMongo: [] as number[],
      /** The machine's speed (machine-speed.ts) just before each embedded JSON capture. */
      speed: [] as number[],
    };
    for (let round = 0; round < ROUNDS; round++) {
      const measured = documents(make, round * EVENTS, EVENTS);
      const warmUpFrom = warmUpBase + round * WARMUP_CAPTURES * WARMUP_EVENTS;
      const dataDir = mkdtempSync(path.join(tmpdir(), 'epcis-bench-'));
      try {
        const embedded = await serverRound(
          { ...serverEnvironment(), EPCIS_DATA_DIR: dataDir },
          make,
          warmUpFrom,
          measured,
          () => perRound.speed.push(machineSpeed()),
          true,
        );
        perRound.embedded.push(embedded.json);
        perRound.embeddedQueried.push(embedded.jsonQueried!);
        perRound.xmlEmbedded.push(embedded.xml);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
      const mongoEnv = {
        ...serverEnvironment(),
        MONGODB_URI: mongo.uri,
        MONGODB_DATABASE: uniqueDbName('bench'),
        EPCIS_DATA_DIR: tmpdir(),
      };
      // The baseline right before and right after the captures, so that each round's ratio compares work done at
      // about the same time: FerretDB's speed drifts (the raw baseline moved 4,447-7,263 events/s between runs).
      const rawBefore = await rawInsertMany(mongo.uri, measured.events);
      const viaMongo = await serverRound(mongoEnv, make, warmUpFrom, measured);
      perRound.mongodb.push(viaMongo.json);
      perRound.xmlMongo.push(viaMongo.xml);
      const rawAfter = await rawInsertMany(mongo.uri, measured.events);
      perRound.raw.push(2 / (1 / rawBefore + 1 / rawAfter)); // the events over the mean time of the two
      perRound.rawIndexed.push(await rawInsertMany(mongo.uri, measured.events, true));
    }
    const roundRatios = perRound.mongodb.map((capture, i) => capture / perRound.raw[i]!);
    const raw = median(perRound.raw);
    const viaMongo = median(perRound.mongodb);
    const embedded = median(perRound.embedded);
    results.push(
      { label: `${label}: raw insertMany (baseline)`, eventsPerSecond: raw },
      { label: `${label}: raw insertMany, store's indexes`, eventsPerSecond: median(perRound.rawIndexed) },
      { label: `${label}: JSON capture over HTTP -> MongoDB`, eventsPerSecond: viaMongo },
      { label: `${label}: XML capture over HTTP -> MongoDB`, eventsPerSecond: median(perRound.xmlMongo) },
      { label: `${label}: JSON capture over HTTP -> embedded`, eventsPerSecond: embedded },
      {
        label: `${label}: JSON -> embedded, then an indexed query`,
        eventsPerSecond: median(perRound.embeddedQueried),
      },
      { label: `${label}: XML capture over HTTP -> embedded`, eventsPerSecond: median(perRound.xmlEmbedded) },
    );
    console.log(
      `${label}: capture/raw ratio on the same MongoDB server = ${median(roundRatios).toFixed(2)}, the median of ` +
        `the rounds' (${roundRatios.map((r) => r.toFixed(2)).join(', ')}; the ratio of the medians: ` +
        `${(viaMongo / raw).toFixed(2)}; ${(viaMongo / median(perRound.rawIndexed)).toFixed(2)} against raw into an ` +
        'indexed collection)',
    );
    console.log(
      `${label}: JSON capture into the embedded store by round: ` +
        perRound.embedded
          .map((value, i) => `${Math.round(value)} (machine ${speedText(perRound.speed[i]!)})`)
          .join(', ') +
        `; until an indexed query answers: ${perRound.embeddedQueried.map(Math.round).join(', ')}`,
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
