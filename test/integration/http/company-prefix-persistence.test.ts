/**
 * Learned GS1 Company Prefix lengths survive a restart and are shared by instances on one MongoDB (issue 5;
 * GS1-EPC-Format: Always_EPC_URN, EPCIS-DIGEST §a): an event captured as a Digital Link renders as the same EPC URN
 * on every instance, not as a URN before a restart and a Digital Link after it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { AppConfig } from '../../../src/config/config';
import { defaultConfig } from '../../../src/config/config';
import type { EpcisApp } from '../../../src/http/app';
import { createApp } from '../../../src/http/app';
import { createLogger } from '../../../src/logging/logger';
import type { JsonObject } from '../../../src/model/types';
import { composeApp } from '../../../src/server/compose';
import { EmbeddedEventStore } from '../../../src/store/embedded/embedded-event-store';
import type { EventStore } from '../../../src/store/event-store';
import { openStore } from '../../../src/store/open-store';
import { captureAndWait, waitForJob } from '../../support/app-harness';
import { epcisDocument, objectEvent } from '../../support/event-factory';
import { getTestMongo, uniqueDbName } from '../../support/mongo-server';

const URN_EPC = 'urn:epc:id:sgtin:0614141.107346.1';
const DL_EPC = 'https://id.gs1.org/01/10614141073464/21/77';
const DL_AS_URN = 'urn:epc:id:sgtin:0614141.107346.77';

/** An event whose only identifier is `epc` (no read point or location that would teach a prefix). */
function onlyEpc(i: number, epc: string): JsonObject {
  const event = objectEvent(i, { epcList: [epc] });
  delete event['readPoint'];
  delete event['bizLocation'];
  delete event['bizTransactionList'];
  return event;
}

async function startApp(store: EventStore, overrides: Partial<AppConfig> = {}): Promise<EpcisApp> {
  const config = defaultConfig({ logLevel: 'silent', ...overrides });
  const app = createApp(composeApp(config, store, createLogger('silent')));
  await app.locals.services.prefixMemory.load();
  return app;
}

async function stopApp(app: EpcisApp, store: EventStore): Promise<void> {
  await app.locals.services.capture.drain();
  await app.locals.services.prefixMemory.settled();
  await store.close();
}

async function captureOk(app: EpcisApp, event: JsonObject): Promise<void> {
  assert.equal((await captureAndWait(app, epcisDocument([event])))['success'], true);
}

/** GET /events/{eventID} with GS1-EPC-Format: Always_EPC_URN: the header sent back and the epcList. */
async function asUrn(app: EpcisApp, event: JsonObject): Promise<{ header: unknown; epcList: unknown }> {
  const response = await request(app)
    .get(`/events/${encodeURIComponent(String(event['eventID']))}`)
    .set('GS1-EPC-Format', 'Always_EPC_URN')
    .expect(200);
  const [found] = response.body.epcisBody.queryResults.resultsBody.eventList as JsonObject[];
  return { header: response.headers['gs1-epc-format'], epcList: found?.['epcList'] };
}

describe('learned company prefix lengths are persisted', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const freshDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'epcis-prefixes-'));
    dirs.push(dir);
    return dir;
  };

  it('embedded: a restart over the same data directory still renders Digital Links as URNs', async () => {
    const dataDir = freshDir();
    let store = await openStore({ dataDir });
    let app = await startApp(store);
    const accepted = await request(app)
      .post('/capture')
      .set('Content-Type', 'application/ld+json')
      .send(JSON.stringify(epcisDocument([onlyEpc(1, URN_EPC)])))
      .expect(202);
    // Stored before the 202, so a crash right after it loses nothing.
    assert.deepEqual(await store.loadCompanyPrefixes(), [['0614141', 7]]);
    assert.equal((await waitForJob(app, String(accepted.headers['location'])))['success'], true);
    await stopApp(app, store);

    store = await openStore({ dataDir });
    app = await startApp(store);
    const dlEvent = onlyEpc(2, DL_EPC);
    await captureOk(app, dlEvent);
    assert.deepEqual(await asUrn(app, dlEvent), { header: 'Always_EPC_URN', epcList: [DL_AS_URN] });
    await stopApp(app, store);
  });

  it('embedded: a failed prefix write never fails the capture (the length is still used in the process)', async () => {
    class FailingPrefixWrites extends EmbeddedEventStore {
      override saveCompanyPrefixes(): Promise<void> {
        return Promise.reject(new Error('injected: disk full'));
      }
    }
    const dataDir = freshDir();
    const store = new FailingPrefixWrites({ dataDir });
    await store.open();
    const app = await startApp(store);
    await captureOk(app, onlyEpc(1, URN_EPC));
    const created = await request(app)
      .post('/events')
      .set('Content-Type', 'application/ld+json')
      .send(
        JSON.stringify({
          '@context': epcisDocument([])['@context'],
          ...onlyEpc(3, 'urn:epc:id:sgtin:4012345.011111.5'),
        }),
      );
    assert.equal(created.status, 201);
    // Still known in this process.
    const dlEvent = onlyEpc(2, DL_EPC);
    await captureOk(app, dlEvent);
    assert.deepEqual(await asUrn(app, dlEvent), { header: 'Always_EPC_URN', epcList: [DL_AS_URN] });
    await stopApp(app, store);
    const reopened = await openStore({ dataDir });
    assert.deepEqual(await reopened.loadCompanyPrefixes(), []);
    await reopened.close();
  });

  describe('MongoDB', () => {
    let uri: string;
    before(async () => {
      uri = (await getTestMongo()).uri;
    });
    const open = (dbName: string) => openStore({ mongodbUri: uri, dbName, dataDir: freshDir() });

    it('a new instance on the same database renders a Digital Link as a URN learnt by another one', async () => {
      const dbName = uniqueDbName('prefixes');
      const firstStore = await open(dbName);
      const first = await startApp(firstStore);
      await captureOk(first, onlyEpc(1, URN_EPC));

      const secondStore = await open(dbName);
      const second = await startApp(secondStore);
      const dlEvent = onlyEpc(2, DL_EPC);
      await captureOk(second, dlEvent);
      assert.deepEqual(await asUrn(second, dlEvent), { header: 'Always_EPC_URN', epcList: [DL_AS_URN] });
      await stopApp(second, secondStore);
      await stopApp(first, firstStore);
    });

    it('a running instance learns it after a lookup miss (from the next request on)', async () => {
      const dbName = uniqueDbName('prefixes_live');
      const firstStore = await open(dbName);
      const first = await startApp(firstStore);
      const secondStore = await open(dbName);
      const second = await startApp(secondStore, { companyPrefixRefreshMs: 0 });

      await captureOk(first, onlyEpc(1, URN_EPC));
      const dlEvent = onlyEpc(2, DL_EPC);
      await captureOk(second, dlEvent);
      // The miss is answered with what the instance knew, and starts a reload for the next request.
      assert.deepEqual(await asUrn(second, dlEvent), { header: 'No_Preference', epcList: [DL_EPC] });
      await second.locals.services.prefixMemory.settled();
      assert.deepEqual(await asUrn(second, dlEvent), { header: 'Always_EPC_URN', epcList: [DL_AS_URN] });
      await stopApp(second, secondStore);
      await stopApp(first, firstStore);
    });
  });
});
