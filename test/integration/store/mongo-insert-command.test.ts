/**
 * insertUnordered (src/store/mongo/insert-command.ts) on the test server: documents split over several `insert`
 * commands by the byte budget, duplicate keys reported by index (unordered: the others are written), undefined
 * fields left out, any other write error thrown.
 */
import assert from 'node:assert/strict';
import { MongoClient, MongoServerError } from 'mongodb';
import { insertUnordered } from '../../../src/store/mongo/insert-command';
import { getTestMongo, uniqueDbName } from '../../support/mongo-server';

interface Doc {
  _id: string | number[];
  n?: number;
  note?: string | undefined;
}

describe('MongoDB insertUnordered', function () {
  this.timeout(120_000);
  let client: MongoClient;
  const dbName = uniqueDbName('insert_command');

  before(async () => {
    client = await MongoClient.connect((await getTestMongo()).uri, { monitorCommands: true });
  });
  after(async () => {
    await client.db(dbName).dropDatabase();
    await client.close();
  });

  it('writes every document over several commands and reports the duplicate keys by index', async () => {
    const db = client.db(dbName);
    const collection = db.collection<Doc>('split');
    await collection.insertMany([{ _id: 'k3' }, { _id: 'k250' }]);
    const docs: Doc[] = Array.from({ length: 300 }, (_, i) => ({ _id: `k${i}`, n: i, note: 'x'.repeat(100) }));
    docs.push({ _id: 'k7', n: -1 }); // repeated within the batch
    const commands: number[] = [];
    client.on('commandStarted', (event) => {
      if (event.commandName === 'insert') commands.push((event.command['documents'] as unknown[]).length);
    });
    const clashes = await insertUnordered(db, collection, docs, 2048);
    client.removeAllListeners('commandStarted');
    assert.deepEqual(clashes, [3, 250, 300]);
    assert.equal(await collection.countDocuments({}), 300);
    assert.equal((await collection.findOne({ _id: 'k7' }))?.n, 7);
    assert.equal((await collection.findOne({ _id: 'k299' }))?.n, 299);
    assert.ok(commands.length >= 10, `${commands.length} commands`);
    assert.equal(
      commands.reduce((a, b) => a + b, 0),
      docs.length,
    );
  });

  it('sends one command when the documents fit the budget, and leaves undefined fields out', async () => {
    const db = client.db(dbName);
    const collection = db.collection<Doc>('undefined');
    const clashes = await insertUnordered(db, collection, [
      { _id: 'a', note: undefined },
      { _id: 'b', n: 2 },
    ]);
    assert.deepEqual(clashes, []);
    assert.deepEqual(await collection.find({}).sort({ _id: 1 }).toArray(), [{ _id: 'a' }, { _id: 'b', n: 2 }]);
  });

  it('throws a write error that is not a duplicate key', async () => {
    const db = client.db(dbName);
    const collection = db.collection<Doc>('refused');
    await assert.rejects(insertUnordered(db, collection, [{ _id: 'fine' }, { _id: [1, 2] }]), MongoServerError);
  });
});
