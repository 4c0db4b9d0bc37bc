/** openStore picks MongoDB when a URI is configured and the embedded store otherwise (DESIGN.md "Configuration"). */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { openStore } from '../../../src/store/open-store';
import { getTestMongo, uniqueDbName } from '../../support/mongo-server';
import { capture, storedEvent } from './store-fixtures';

describe('openStore', function () {
  this.timeout(60_000);

  it('opens the embedded store in the data directory when no MongoDB URI is given', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'epcis-open-'));
    try {
      const store = await openStore({ dataDir: path.join(dir, 'data') });
      assert.equal(store.kind, 'embedded');
      assert.match(store.description, /data$/);
      await capture(store, [storedEvent({ eventID: 'O1' })]);
      assert.equal(await store.countEvents({}), 1);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens MongoDB when a URI is given, in the named database', async () => {
    const { uri } = await getTestMongo();
    const dbName = uniqueDbName('open');
    const store = await openStore({ mongodbUri: uri, dbName, dataDir: '/nonexistent-not-used' });
    assert.equal(store.kind, 'mongodb');
    assert.match(store.description, new RegExp(`database ${dbName}$`));
    await capture(store, [storedEvent({ eventID: 'O2' })]);
    await store.close();
    const client = await MongoClient.connect(uri);
    try {
      assert.equal(await client.db(dbName).collection('events').countDocuments({}), 1);
      await client.db(dbName).dropDatabase();
    } finally {
      await client.close();
    }
  });
});
