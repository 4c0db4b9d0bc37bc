/**
 * `npm run bench:capture`: capture throughput over HTTP into each store, against a baseline measured in the same run
 * (raw `insertMany(ordered:false)` of the equivalent stored documents into the same MongoDB server), plus peak RSS.
 * Prints figures and ratios; asserts nothing about timings.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { prepareEvent } from '../../src/capture/prepare-event';
import { defaultConfig } from '../../src/config/config';
import { createApp } from '../../src/http/app';
import { createLogger } from '../../src/logging/logger';
import type { JsonObject } from '../../src/model/types';
import { composeApp, eventPreparation } from '../../src/server/compose';
import type { EventStore } from '../../src/store/event-store';
import type { StoredEvent } from '../../src/store/stored-event';
import { openStore } from '../../src/store/open-store';
import { aggregationEvent, epcisDocument, objectEvent, range } from '../support/event-factory';
import { getTestMongo, uniqueDbName } from '../support/mongo-server';
import { stopSharedMongoServer } from '../support/mongo-server-registry';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 10_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);

interface Result {
  label: string;
  eventsPerSecond: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function captureOverHttp(store: EventStore, body: string, count: number): Promise<number> {
  const config = defaultConfig({
    logLevel: 'silent',
    capture: { maxEvents: 1_000_000, maxBytes: 512 * 1024 * 1024, maxDepth: 64, xmlSchemaValidation: true },
  });
  const app = createApp(composeApp(config, store, createLogger('silent')));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const start = performance.now();
    const response = await fetch(`${base}/capture`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/ld+json' },
      body,
    });
    if (response.status !== 202) throw new Error(`capture answered ${response.status}: ${await response.text()}`);
    const location = response.headers.get('location')!;
    for (;;) {
      const job = (await (await fetch(`${base}${location}`)).json()) as JsonObject;
      if (job['running'] === false) {
        if (job['success'] !== true) throw new Error(`capture failed: ${JSON.stringify(job['errors']).slice(0, 500)}`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return count / ((performance.now() - start) / 1000);
  } finally {
    server.close();
  }
}

async function rawInsertMany(uri: string, events: JsonObject[]): Promise<number> {
  const client = await MongoClient.connect(uri);
  try {
    const collection = client.db(uniqueDbName('bench_raw')).collection<StoredEvent>('events');
    const docs = events.map((event) =>
      prepareEvent(
        event,
        { captureID: 'raw', owner: 'anonymous', namespaces: { example: 'http://ns.example.com/epcis/' } },
        eventPreparation,
      ),
    );
    const start = performance.now();
    for (let i = 0; i < docs.length; i += 1000)
      await collection.insertMany(docs.slice(i, i + 1000), { ordered: false });
    return docs.length / ((performance.now() - start) / 1000);
  } finally {
    await client.close();
  }
}

async function main(): Promise<void> {
  const mongo = await getTestMongo();
  console.log(`capture benchmark: ${EVENTS} events per document, median of ${ROUNDS} rounds; node ${process.version}`);
  console.log(`MongoDB server: ${mongo.description}`);
  const results: Result[] = [];
  for (const [label, make] of [
    ['ObjectEvent', objectEvent],
    ['AggregationEvent', aggregationEvent],
  ] as const) {
    const perRound = { embedded: [] as number[], mongodb: [] as number[], raw: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      const events = range(round * EVENTS, EVENTS).map((i) => make(i));
      const body = JSON.stringify(epcisDocument(events));
      const dataDir = mkdtempSync(path.join(tmpdir(), 'epcis-bench-'));
      const embedded = await openStore({ dataDir });
      perRound.embedded.push(await captureOverHttp(embedded, body, EVENTS));
      await embedded.close();
      rmSync(dataDir, { recursive: true, force: true });
      const mongoStore = await openStore({ mongodbUri: mongo.uri, dbName: uniqueDbName('bench'), dataDir: tmpdir() });
      perRound.mongodb.push(await captureOverHttp(mongoStore, body, EVENTS));
      await mongoStore.close();
      perRound.raw.push(await rawInsertMany(mongo.uri, events));
    }
    const raw = median(perRound.raw);
    const viaMongo = median(perRound.mongodb);
    results.push(
      { label: `${label}: raw insertMany (baseline)`, eventsPerSecond: raw },
      { label: `${label}: capture over HTTP -> MongoDB`, eventsPerSecond: viaMongo },
      { label: `${label}: capture over HTTP -> embedded`, eventsPerSecond: median(perRound.embedded) },
    );
    console.log(`${label}: capture/raw ratio on the same MongoDB server = ${(viaMongo / raw).toFixed(2)}`);
  }
  for (const r of results)
    console.log(`  ${r.label.padEnd(48)} ${Math.round(r.eventsPerSecond).toString().padStart(8)} events/s`);
  console.log(`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
  await stopSharedMongoServer();
}

main().catch(async (error: unknown) => {
  console.error(error);
  await stopSharedMongoServer();
  process.exit(1);
});
