/**
 * A real crash (SIGKILL) in the middle of captures, then a restart (SECURITY-AND-PERFORMANCE-NOTES T-R3, one
 * round per adapter): every acknowledged capture is entirely visible, every other one entirely absent, and no
 * job is left running.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { EmbeddedEventStore } from '../../../src/store/embedded/embedded-event-store';
import type { EventStore } from '../../../src/store/event-store';
import { MongoEventStore } from '../../../src/store/mongo/mongo-event-store';
import { getTestMongo, uniqueDbName } from '../../support/mongo-server';
import { EVENTS_PER_CAPTURE, LEASE_MS } from './crash-child';

const CHILD = path.join(__dirname, 'crash-child.ts');

/** Runs the child until it has acknowledged `acks` captures plus a random delay, then SIGKILLs it. */
function runAndKill(args: string[], acks: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let buffered = '';
    let stderr = '';
    let killing = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ACK ')) acked.push(line.slice(4));
      if (!killing && acked.length >= acks) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 15));
      }
    });
    child.once('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`crash child ended without being killed: ${stderr}`));
    });
  });
}

async function verify(store: EventStore, acked: string[]): Promise<void> {
  const events = await store.findEvents({});
  const perCapture = new Map<string, number>();
  for (const event of events) perCapture.set(event.captureID, (perCapture.get(event.captureID) ?? 0) + 1);
  for (const captureID of acked) assert.equal(perCapture.get(captureID), EVENTS_PER_CAPTURE, `${captureID} intact`);
  for (const [captureID, count] of perCapture) assert.equal(count, EVENTS_PER_CAPTURE, `${captureID} all-or-nothing`);
  const jobs = await store.listJobs({ limit: 1000 });
  assert.ok(jobs.length >= acked.length);
  for (const record of jobs) {
    assert.equal(record.running, false, `${record.captureID} not left running`);
    assert.equal(record.success, perCapture.has(record.captureID), `${record.captureID} job matches its events`);
  }
}

describe('SIGKILL during captures, then restart', function () {
  this.timeout(120_000);

  it('embedded store: acknowledged captures survive, the interrupted one vanishes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'epcis-crash-'));
    try {
      const acked = await runAndKill(['embedded', dir], 3);
      const store = new EmbeddedEventStore({ dataDir: dir, logger: { warn: () => undefined } });
      await store.open();
      await verify(store, acked);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('MongoDB store: acknowledged captures survive, the interrupted one is rolled back or forward', async () => {
    const { uri } = await getTestMongo();
    const dbName = uniqueDbName('crash');
    const acked = await runAndKill(['mongodb', uri, dbName], 3);
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 100)); // the killed instance's lease expires
    const store = new MongoEventStore({ uri, dbName, leaseMs: LEASE_MS });
    await store.open();
    try {
      await verify(store, acked);
      const client = await MongoClient.connect(uri);
      // Claims left = the identity index of the stored events: one per event, none of an interrupted capture.
      const db = client.db(dbName);
      const claimKeys = (await db.collection('stagedEvents').find({}).toArray()).map((claim) => String(claim._id));
      const eventKeys = (
        await db
          .collection('events')
          .find({}, { projection: { _id: 1 } })
          .toArray()
      ).map((e) => String(e._id));
      assert.deepEqual(claimKeys.sort(), eventKeys.sort(), 'one claim per stored event, no other');
      await client.db(dbName).dropDatabase();
      await client.close();
    } finally {
      await store.close();
    }
  });
});
