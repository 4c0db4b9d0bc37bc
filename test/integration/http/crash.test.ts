/**
 * Acceptance: the server is killed with SIGKILL in the middle of a large capture and restarted; the capture is
 * entirely visible or entirely absent, the job agrees, and capturing the same document again leaves every event
 * stored exactly once. Runs the real entry point on each store.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { JsonObject } from '../../../src/model/types';
import type { StoreKind } from '../../support/app-harness';
import { STORE_KINDS } from '../../support/app-harness';
import type { ChildServer } from '../../support/child-server';
import { killHard, startChildServer, stopGracefully } from '../../support/child-server';
import { epcisDocument, objectEvent, range } from '../../support/event-factory';
import { getTestMongo, uniqueDbName } from '../../support/mongo-server';

/** Events per capture: FerretDB (the test server) writes far slower than mongod, so it gets a smaller document. */
const EVENTS_BY_STORE: Record<StoreKind, number> = { embedded: 3000, mongodb: 1000 };

async function http(server: ChildServer, pathname: string, init?: RequestInit): Promise<Response> {
  return fetch(`${server.baseUrl}${pathname}`, init);
}

async function eventIds(server: ChildServer): Promise<string[]> {
  const ids: string[] = [];
  let next: string | null = '/events?perPage=1000';
  while (next) {
    const response = await http(server, next);
    assert.equal(response.status, 200);
    const body = (await response.json()) as JsonObject;
    const list = (body as { epcisBody: { queryResults: { resultsBody: { eventList: JsonObject[] } } } }).epcisBody
      .queryResults.resultsBody.eventList;
    ids.push(...list.map((e) => String(e['eventID'])));
    next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1] ?? null;
  }
  return ids;
}

async function finishedJob(server: ChildServer, location: string): Promise<JsonObject> {
  for (let i = 0; i < 600; i++) {
    const job = (await (await http(server, location)).json()) as JsonObject;
    if (job['running'] === false) return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${location} never finished`);
}

for (const kind of STORE_KINDS) {
  describe(`crash during a large capture [${kind}]`, function () {
    this.timeout(600_000);
    const EVENTS = EVENTS_BY_STORE[kind];
    let env: Record<string, string>;
    let dataDir: string;
    before(async () => {
      dataDir = mkdtempSync(path.join(tmpdir(), 'epcis-crash-'));
      env = { EPCIS_DATA_DIR: dataDir, EPCIS_QUERY_MAX_TIME_MS: '120000' };
      if (kind === 'mongodb')
        env = { ...env, MONGODB_URI: (await getTestMongo()).uri, MONGODB_DATABASE: uniqueDbName('crash') };
    });
    after(() => rmSync(dataDir, { recursive: true, force: true }));

    for (const [round, delayMs] of [0, 40, 150].entries()) {
      it(`kill ${delayMs} ms after the 202: all or nothing, then a re-capture stores each event once`, async () => {
        const base = round * 10_000;
        const document = epcisDocument(range(base, EVENTS).map((i) => objectEvent(i)));
        const expected = new Set(range(base, EVENTS).map((i) => String(objectEvent(i)['eventID'])));
        let server = await startChildServer(env);
        const before = new Set(await eventIds(server));
        const response = await http(server, '/capture', {
          method: 'POST',
          headers: { 'Content-Type': 'application/ld+json' },
          body: JSON.stringify(document),
        });
        assert.equal(response.status, 202);
        const location = response.headers.get('location')!;
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        await killHard(server);

        server = await startChildServer(env);
        const job = await finishedJob(server, location);
        const visible = (await eventIds(server)).filter((id) => !before.has(id));
        const visibleFromThisCapture = visible.filter((id) => expected.has(id)).length;
        if (job['success'] === true) assert.equal(visibleFromThisCapture, EVENTS, 'job succeeded: all events visible');
        else assert.equal(visibleFromThisCapture, 0, 'job failed: no event visible');

        const again = await http(server, '/capture', {
          method: 'POST',
          headers: { 'Content-Type': 'application/ld+json' },
          body: JSON.stringify(document),
        });
        assert.equal(again.status, 202);
        const secondJob = await finishedJob(server, again.headers.get('location')!);
        assert.equal(secondJob['success'], true, JSON.stringify(secondJob['errors']));
        const ids = await eventIds(server);
        const fromThisDocument = ids.filter((id) => expected.has(id));
        assert.equal(fromThisDocument.length, EVENTS, 'every event exactly once');
        assert.equal(new Set(fromThisDocument).size, EVENTS);
        assert.equal(await stopGracefully(server), 0);
      });
    }
  });
}
