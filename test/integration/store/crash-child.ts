/**
 * Child process of crash-kill.test.ts: captures documents in a loop and prints `ACK <captureID>` after each
 * commit resolves, until the parent kills it with SIGKILL.
 * Usage: node --import tsx crash-child.ts embedded <dataDir> | mongodb <uri> <dbName>
 */
import { EmbeddedEventStore } from '../../../src/store/embedded/embedded-event-store';
import type { EventStore } from '../../../src/store/event-store';
import { MongoEventStore } from '../../../src/store/mongo/mongo-event-store';
import { job, storedEvent, strictDecide } from './store-fixtures';

export const EVENTS_PER_CAPTURE = 20;
/** A short lease, so that the restarted store sees the killed one as dead soon after the kill. */
export const LEASE_MS = 300;

async function main(): Promise<void> {
  const [kind, target, dbName] = process.argv.slice(2);
  const store: EventStore =
    kind === 'embedded'
      ? new EmbeddedEventStore({ dataDir: target! })
      : new MongoEventStore({ uri: target!, dbName: dbName!, leaseMs: LEASE_MS });
  await store.open();
  process.stdout.write('READY\n');
  for (let i = 0; ; i += 1) {
    const captureID = `crash-${i}`;
    await store.createJob(job(captureID, new Date(), EVENTS_PER_CAPTURE));
    const events = Array.from({ length: EVENTS_PER_CAPTURE }, (_, k) => storedEvent({ eventID: `c${i}-${k}` }));
    await store.commitCapture({ captureID, behaviour: 'rollback', events, vocabulary: [], decide: strictDecide });
    process.stdout.write(`ACK ${captureID}\n`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
