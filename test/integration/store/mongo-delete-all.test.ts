/**
 * deleteAll (src/store/mongo/mongo-delete-all.ts) on the test server: more matching documents than FerretDB/SQLite
 * accepts in one `deleteMany` (32,766 statement variables) are all deleted, and nothing else is.
 */
import assert from 'node:assert/strict';
import { MongoClient } from 'mongodb';
import { deleteAll } from '../../../src/store/mongo/mongo-delete-all';
import { getTestMongo, uniqueDbName } from '../../support/mongo-server';

describe('MongoDB deleteAll', function () {
  this.timeout(300_000);

  it('deletes 40,000 matching documents (beyond SQLite variable bound) and keeps the others', async () => {
    const { uri } = await getTestMongo();
    const client = await MongoClient.connect(uri);
    const dbName = uniqueDbName('delete_all');
    try {
      const collection = client.db(dbName).collection<{ _id: string; captureID: string }>('claims');
      await collection.createIndex({ captureID: 1 });
      const docs = Array.from({ length: 40_000 }, (_, i) => ({ _id: `ev|${i}`, captureID: 'big' }));
      docs.push({ _id: 'ev|other', captureID: 'small' });
      for (let start = 0; start < docs.length; start += 5000)
        await collection.insertMany(docs.slice(start, start + 5000), { ordered: false });
      await deleteAll(collection, { captureID: 'big' });
      assert.equal(await collection.countDocuments({ captureID: 'big' }), 0);
      assert.deepEqual(await collection.find({}).toArray(), [{ _id: 'ev|other', captureID: 'small' }]);
    } finally {
      await client.db(dbName).dropDatabase();
      await client.close();
    }
  });
});
