/**
 * One capture over HTTP as the capture benchmarks measure it: an app (the production build, server-build.ts) on the
 * given store listening on a free port, the document POSTed to /capture, the job polled until it says finished.
 * Wall time and process CPU time (every thread) run from the POST to the finished job; `queriedSeconds` runs on until
 * an indexed query right after it has answered (GET /events?EQ_bizStep=...: on the embedded store, it first makes the
 * postings that the store leaves for after a commit, event-index.ts).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JsonObject } from '../../src/model/types';
import type { EventStore } from '../../src/store/event-store';
import type { openStore } from '../../src/store/open-store';
import { serverModules } from './server-build';

/**
 * How often the client asks for the job (ms). A client polling every few milliseconds measures the server's
 * answers to it as much as the capture: on FerretDB/SQLite, 200 job reads a second slowed the capture's writes.
 */
export const POLL_MS = 20;

/**
 * A query on an indexed field that no event matches: on the embedded store it first makes the postings the store had
 * left for after the last commit (event-index.ts, deferred indexing), and answers at once.
 */
export const INDEXED_QUERY_PATH = '/events?EQ_bizStep=bench_absent&perPage=1';

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function timedCapture(
  store: EventStore,
  body: string,
  contentType = 'application/ld+json',
  /** EPCIS_VALIDATION_WORKER_MIN_BYTES of the server: by default as the environment says (as the server reads it). */
  validationWorkerMinBytes?: number | null,
): Promise<{ seconds: number; cpuMicros: number; queriedSeconds: number }> {
  const { app: appModule, compose, config: configModule, logger } = serverModules();
  const config = configModule.defaultConfig({
    logLevel: 'silent',
    capture: {
      maxEvents: 1_000_000,
      maxBytes: 512 * 1024 * 1024,
      maxDepth: 64,
      xmlSchemaValidation: process.env['EPCIS_XML_SCHEMA_VALIDATION'] !== 'false',
      validationWorkerMinBytes:
        validationWorkerMinBytes === undefined
          ? configModule.readConfig(process.env).capture.validationWorkerMinBytes
          : validationWorkerMinBytes,
    },
  });
  await compose.warmEventChecks(config); // as npm start does, before it takes requests
  const app = appModule.createApp(compose.composeApp(config, store, logger.createLogger('silent')));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const response = await fetch(`${base}/capture`, { method: 'POST', headers: { 'Content-Type': contentType }, body });
    if (response.status !== 202) throw new Error(`capture answered ${response.status}: ${await response.text()}`);
    const location = response.headers.get('location')!;
    for (;;) {
      const job = (await (await fetch(`${base}${location}`)).json()) as JsonObject;
      if (job['running'] === false) {
        if (job['success'] !== true) throw new Error(`capture failed: ${JSON.stringify(job['errors']).slice(0, 500)}`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const used = process.cpuUsage(cpu);
    const seconds = (performance.now() - start) / 1000;
    const query = await fetch(`${base}${INDEXED_QUERY_PATH}`);
    if (query.status !== 200) throw new Error(`the indexed query answered ${query.status}: ${await query.text()}`);
    await query.arrayBuffer();
    return { seconds, cpuMicros: used.user + used.system, queriedSeconds: (performance.now() - start) / 1000 };
  } finally {
    server.close();
  }
}

/** Opens a store with the measured server code (server-build.ts). */
export const openMeasuredStore = (...args: Parameters<typeof openStore>): Promise<EventStore> =>
  serverModules().openStore.openStore(...args);
