/**
 * Builds the real app over each store for integration tests: the embedded store in a fresh temporary directory,
 * and MongoDB on the shared test server (test/support/mongo-server.ts) in a fresh database. No mocks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { AppConfig } from '../../src/config/config';
import { defaultConfig } from '../../src/config/config';
import type { EpcisApp } from '../../src/http/app';
import { createApp } from '../../src/http/app';
import { createLogger } from '../../src/logging/logger';
import type { JsonObject } from '../../src/model/types';
import { composeApp } from '../../src/server/compose';
import type { EventStore } from '../../src/store/event-store';
import { openStore } from '../../src/store/open-store';
import { getTestMongo, uniqueDbName } from './mongo-server';

export type StoreKind = 'embedded' | 'mongodb';
export const STORE_KINDS: StoreKind[] = ['embedded', 'mongodb'];

export interface TestApp {
  kind: StoreKind;
  app: EpcisApp;
  store: EventStore;
  config: AppConfig;
  /** The MongoDB database of the app (mongodb kind only), e.g. to open a second instance over it. */
  dbName?: string;
  close(): Promise<void>;
}

export async function startTestApp(kind: StoreKind, overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'epcis-test-'));
  const config = defaultConfig({ dataDir, logLevel: 'silent', ...overrides });
  const dbName = kind === 'mongodb' ? uniqueDbName('http') : undefined;
  const store =
    kind === 'embedded'
      ? await openStore({ dataDir })
      : await openStore({ mongodbUri: (await getTestMongo()).uri, dbName, dataDir });
  const app = createApp(composeApp(config, store, createLogger('silent')));
  await app.locals.services.prefixMemory.load();
  return {
    kind,
    app,
    store,
    config,
    ...(dbName ? { dbName } : {}),
    async close() {
      await app.locals.services.capture.drain();
      await app.locals.services.prefixMemory.settled();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Declares the same suite once per store, with a fresh app per suite. */
export function describeEachStore(title: string, body: (t: () => TestApp) => void, overrides?: Partial<AppConfig>) {
  for (const kind of STORE_KINDS) {
    describe(`${title} [${kind}]`, function () {
      let current: TestApp | undefined;
      before(async function () {
        this.timeout(120_000);
        current = await startTestApp(kind, overrides);
      });
      after(async () => current?.close());
      body(() => {
        if (!current) throw new Error('test app not started');
        return current;
      });
    });
  }
}

/** Posts a capture document and waits for its job to finish; returns the job. */
export async function captureAndWait(
  app: EpcisApp,
  document: JsonObject,
  headers: Record<string, string> = {},
): Promise<JsonObject> {
  const response = await request(app)
    .post('/capture')
    .set({ 'Content-Type': 'application/ld+json', ...headers })
    .send(JSON.stringify(document));
  if (response.status !== 202) throw new Error(`capture answered ${response.status}: ${JSON.stringify(response.body)}`);
  return waitForJob(app, String(response.headers['location']));
}

export async function waitForJob(app: EpcisApp, location: string, timeoutMs = 60_000): Promise<JsonObject> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await request(app).get(location).expect(200);
    if (job.body.running === false) return job.body as JsonObject;
    if (Date.now() > deadline) throw new Error(`capture job ${location} still running after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Every event the server returns by walking all pages of GET /events. */
export async function allEvents(
  app: EpcisApp,
  perPage = 1000,
  headers: Record<string, string> = { 'GS1-EPC-Format': 'Never_Translates' },
): Promise<JsonObject[]> {
  const events: JsonObject[] = [];
  let url: string | null = `/events?perPage=${perPage}`;
  while (url) {
    const response = await request(app).get(url).set(headers).expect(200);
    events.push(...(response.body.epcisBody.queryResults.resultsBody.eventList as JsonObject[]));
    const link = response.headers['link'] as string | undefined;
    url = link ? (/<([^>]+)>;\s*rel="next"/.exec(link)?.[1] ?? null) : null;
  }
  return events;
}
