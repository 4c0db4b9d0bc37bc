/**
 * Both adapters execute the same MongoDB filter documents (DESIGN.md "Canonical event model and storage"): the
 * embedded store with mingo and its own sort, MongoDB natively. The same events and the same filter + sort + limit
 * must give the same events in the same order on both. A few cases also state the expected answer, so that both
 * adapters being wrong the same way cannot pass.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { EmbeddedEventStore } from '../../../src/store/embedded/embedded-event-store';
import type { EventStore, Filter, FindOptions } from '../../../src/store/event-store';
import { MongoEventStore } from '../../../src/store/mongo/mongo-event-store';
import type { QueryFields, StoredEvent } from '../../../src/store/stored-event';
import { getTestMongo, uniqueDbName } from '../../support/mongo-server';
import { capture, ids, storedEvent } from './store-fixtures';

const TYPES = ['ObjectEvent', 'AggregationEvent', 'TransformationEvent'];
const STEPS = ['receiving', 'shipping', 'packing'];

function corpus(): StoredEvent[] {
  return Array.from({ length: 36 }, (_, n) => {
    const q: QueryFields = {
      epcs: Array.from({ length: n % 4 }, (_, k) => `https://id.gs1.org/01/0614141${(n + k) % 7}00000/21/${n}-${k}`),
      n: n % 5 === 0 ? 'five' : n % 7,
      ...(n % 6 === 0 ? {} : { bizStep: STEPS[n % 3]! }),
      ...(n % 9 === 0 ? { nullable: null } : {}),
      ext: [{ name: `f${n % 3}`, value: n * 1.5 }],
    };
    const minute = String((n * 7) % 60).padStart(2, '0');
    return storedEvent({
      eventID: `D${String(n).padStart(2, '0')}`,
      type: TYPES[n % 3]!,
      eventTime: `2024-03-0${1 + (n % 4)}T10:${minute}:00.000Z`,
      q,
    });
  });
}

const at = (iso: string) => new Date(iso);

interface Case {
  name: string;
  filter: Filter;
  options?: FindOptions;
  expect?: string[];
  /** A measured FerretDB deviation from MongoDB: on FerretDB only the stated expectation is checked. */
  ferretDbGap?: string;
}

const CASES: Case[] = [
  { name: 'everything by _id', filter: {}, options: { sort: [['_id', 1]] } },
  { name: 'type equality', filter: { type: 'AggregationEvent' }, options: { sort: [['_id', 1]] } },
  {
    name: 'Date range',
    filter: { eventTime: { $gte: at('2024-03-02T00:00:00Z'), $lt: at('2024-03-03T00:00:00Z') } },
    options: { sort: [['_id', 1]] },
    expect: ['ev|D01', 'ev|D05', 'ev|D09', 'ev|D13', 'ev|D17', 'ev|D21', 'ev|D25', 'ev|D29', 'ev|D33'],
  },
  { name: 'Date equality', filter: { 'q.eventTime': at('2024-03-01T10:00:00.000Z') }, expect: ['ev|D00'] },
  { name: 'Date vs string never matches', filter: { eventTime: { $gt: '2000-01-01' } }, expect: [] },
  { name: 'array membership', filter: { 'q.epcs': 'https://id.gs1.org/01/0614141300000/21/3-0' }, expect: ['ev|D03'] },
  {
    name: '$in over arrays',
    filter: {
      'q.epcs': { $in: ['https://id.gs1.org/01/0614141300000/21/3-0', 'https://id.gs1.org/01/0614141000000/21/7-0'] },
    },
    options: { sort: [['_id', 1]] },
    expect: ['ev|D03', 'ev|D07'],
  },
  { name: 'anchored prefix regex', filter: { 'q.epcs': { $regex: '^https://id\\.gs1\\.org/01/06141415' } } },
  { name: 'missing field', filter: { 'q.bizStep': { $exists: false } }, options: { sort: [['_id', 1]] } },
  { name: 'null matches missing and null', filter: { 'q.nullable': null }, options: { sort: [['_id', -1]], limit: 4 } },
  { name: 'type bracketing on numbers', filter: { 'q.n': { $gte: 3 } }, options: { sort: [['_id', 1]] } },
  { name: 'type bracketing on strings', filter: { 'q.n': { $gte: 'a' } }, options: { sort: [['_id', 1]] } },
  { name: 'nested array of objects', filter: { 'q.ext.name': 'f1', 'q.ext.value': { $gt: 20 } } },
  {
    name: '$or and $nin',
    filter: { $or: [{ type: 'ObjectEvent' }, { 'q.bizStep': 'packing' }], 'q.n': { $nin: [0, 1, 'five'] } },
    options: {
      sort: [
        ['eventTime', -1],
        ['_id', 1],
      ],
    },
  },
  {
    name: 'sort by Date descending, limit',
    filter: {},
    options: {
      sort: [
        ['eventTime', -1],
        ['_id', -1],
      ],
      limit: 7,
    },
  },
  {
    name: 'sort on mixed types (numbers before strings)',
    filter: {},
    options: {
      sort: [
        ['q.n', 1],
        ['_id', 1],
      ],
    },
  },
  {
    name: 'sort on mixed types descending',
    filter: {},
    options: {
      sort: [
        ['q.n', -1],
        ['_id', 1],
      ],
      limit: 10,
    },
  },
  {
    name: 'sort with missing values first',
    filter: {},
    options: {
      sort: [
        ['q.bizStep', 1],
        ['_id', 1],
      ],
      limit: 12,
    },
  },
  {
    name: 'sort on an array field (min asc)',
    filter: { 'q.epcs.0': { $exists: true } },
    options: {
      sort: [
        ['q.epcs', 1],
        ['_id', 1],
      ],
    },
  },
  {
    name: 'sort on an array field (max desc)',
    filter: { 'q.epcs.0': { $exists: true } },
    options: {
      sort: [
        ['q.epcs', -1],
        ['_id', 1],
      ],
    },
  },
  {
    name: 'sort on a path through an array',
    filter: {},
    options: {
      sort: [
        ['q.ext.value', -1],
        ['_id', 1],
      ],
      limit: 5,
    },
    expect: ['ev|D35', 'ev|D34', 'ev|D33', 'ev|D32', 'ev|D31'],
    ferretDbGap: 'FerretDB 1.24 ignores a sort key that is a path through an array of documents (measured)',
  },
];

describe('both adapters answer the same filters the same way', function () {
  this.timeout(120_000);
  let embedded: EventStore;
  let mongo: EventStore;
  let dir: string;
  let dbName: string;
  let uri: string;
  let onFerretDb: boolean;

  before(async () => {
    const server = await getTestMongo();
    uri = server.uri;
    onFerretDb = server.description.startsWith('FerretDB');
    dir = mkdtempSync(path.join(tmpdir(), 'epcis-diff-'));
    dbName = uniqueDbName('differential');
    embedded = new EmbeddedEventStore({ dataDir: dir });
    mongo = new MongoEventStore({ uri, dbName });
    await embedded.open();
    await mongo.open();
    const events = corpus();
    for (const store of [embedded, mongo]) {
      for (let start = 0; start < events.length; start += 12) await capture(store, events.slice(start, start + 12));
    }
  });

  after(async () => {
    await embedded.close();
    await mongo.close();
    rmSync(dir, { recursive: true, force: true });
    const client = await MongoClient.connect(uri);
    await client.db(dbName).dropDatabase();
    await client.close();
  });

  for (const testCase of CASES) {
    it(testCase.name, async () => {
      const fromEmbedded = ids(await embedded.findEvents(testCase.filter, testCase.options));
      if (testCase.expect && testCase.options?.sort) assert.deepEqual(fromEmbedded, testCase.expect);
      if (onFerretDb && testCase.ferretDbGap) {
        console.log(`      (MongoDB side not compared: ${testCase.ferretDbGap})`);
        return;
      }
      const fromMongo = ids(await mongo.findEvents(testCase.filter, testCase.options));
      if (testCase.options?.sort) assert.deepEqual(fromEmbedded, fromMongo);
      else assert.deepEqual([...fromEmbedded].sort(), [...fromMongo].sort());
      if (testCase.expect) assert.deepEqual([...fromEmbedded].sort(), [...testCase.expect].sort());
      const { limit: _limit, ...countOptions } = testCase.options ?? {};
      assert.equal(await embedded.countEvents(testCase.filter, countOptions), await mongo.countEvents(testCase.filter));
    });
  }
});
