/**
 * Pending captures (DESIGN.md "Capture": all-or-nothing without multi-document transactions). A capture writes
 * its events once, straight into `events`, while a document `{_id: captureID}` in `pendingCaptures` hides them:
 * every read excludes the events of pending captures (mongo-events.ts). The commit decision is recorded on the job,
 * then the pending document is deleted, which makes every event of the capture visible at once.
 *
 * A pending capture that is rolled back (crash, or a recovery that failed it) keeps its pending document as a
 * tombstone after its events are removed: a late write of a process that lost its lease stays invisible, and a
 * later capture of the same key removes it (mongo-staging.ts). Tombstones only come from interrupted captures.
 */
import type { Filter as MongoFilter } from 'mongodb';
import type { StoredEvent } from '../stored-event';
import type { MongoContext } from './mongo-context';
import { deleteAll } from './mongo-delete-all';
import { read, retrying } from './mongo-errors';
import { batchesOf, WRITE_BATCH } from './write-batches';

/** Captures whose events are written but not visible: in flight, or rolled back (tombstones). */
export async function hiddenCaptures(ctx: MongoContext): Promise<string[]> {
  const docs = await read(() => ctx.pending.find({}, { projection: { _id: 1 }, maxTimeMS: ctx.maxTimeMS }).toArray());
  return docs.map((doc) => doc._id);
}

/** The visibility rule of every read: committed, and not written by a pending capture. */
export async function visibleFilter(ctx: MongoContext, filter: object): Promise<MongoFilter<StoredEvent>> {
  const hidden = await hiddenCaptures(ctx);
  const rules: object[] = [filter, { state: 'committed' }];
  if (hidden.length > 0) rules.push({ captureID: { $nin: hidden } });
  return { $and: rules } as MongoFilter<StoredEvent>;
}

/** Must precede the first event write of a capture. */
export async function markPending(ctx: MongoContext, captureID: string): Promise<void> {
  await retrying(() =>
    ctx.pending.updateOne({ _id: captureID }, { $setOnInsert: { since: ctx.clock.now() } }, { upsert: true }),
  );
}

/** Makes a decided capture's events visible (idempotent). */
export async function clearPending(ctx: MongoContext, captureID: string): Promise<void> {
  await retrying(() => ctx.pending.deleteOne({ _id: captureID }));
}

export async function isPending(ctx: MongoContext, captureID: string): Promise<boolean> {
  return (await retrying(() => ctx.pending.countDocuments({ _id: captureID }, { limit: 1 }))) > 0;
}

/**
 * Removes the events a rolled-back capture wrote; its pending document stays (a tombstone, see above). `keys`: the
 * keys it wrote, when the caller is the capture itself; otherwise they are its claims (mongo-staging.ts), taken before
 * any of its events is written and released only after this, so `events` needs no index on captureID. (Measured on the
 * test server, 10,000 AggregationEvents written as a capture writes them into a collection holding 20,000: without
 * that index, medians of 3,258 against 2,962 events/s over six alternating pairs.) A database of the earlier layout
 * (mongo-index-layout.ts) keeps its captureID index, and is searched by it.
 */
export async function removeWrittenEvents(ctx: MongoContext, captureID: string, keys?: string[]): Promise<void> {
  if (!(await isPending(ctx, captureID))) return;
  if (keys) {
    for (const batch of batchesOf(keys, WRITE_BATCH)) await deleteCapturedUnder(ctx, captureID, batch);
    return;
  }
  if (!ctx.claimsCoverEvents) {
    await deleteAll(ctx.events, { captureID });
    return;
  }
  // Repeating the whole walk after a transient failure is harmless: deleting twice deletes nothing more.
  await retrying(async () => {
    let batch: string[] = [];
    for await (const claim of ctx.staged.find({ captureID }, { projection: { _id: 1 } })) {
      batch.push(claim._id);
      if (batch.length < WRITE_BATCH) continue;
      await deleteCapturedUnder(ctx, captureID, batch);
      batch = [];
    }
    if (batch.length > 0) await deleteCapturedUnder(ctx, captureID, batch);
  });
}

/**
 * Deletes this capture's events under these keys (the `_id` index finds them; captureID comes first, so that a
 * server that tests each document, as FerretDB does, rarely reaches the `$in`).
 */
const deleteCapturedUnder = (ctx: MongoContext, captureID: string, keys: string[]) =>
  retrying(() => ctx.events.deleteMany({ captureID, _id: { $in: keys } }));

/**
 * Of stored events found under keys a capture holds (claimed or being written), those that are visible. The others
 * are leftovers of captures that never committed (pending or rolled back, their claim gone): they are deleted, so
 * their keys count as absent.
 */
export async function withoutLeftovers<T extends { _id: string; captureID: string }>(
  ctx: MongoContext,
  found: T[],
): Promise<T[]> {
  if (found.length === 0) return found;
  const hidden = new Set(await hiddenCaptures(ctx));
  const leftovers = found.filter((doc) => hidden.has(doc.captureID));
  for (const doc of leftovers) await retrying(() => ctx.events.deleteOne({ _id: doc._id, captureID: doc.captureID }));
  return leftovers.length === 0 ? found : found.filter((doc) => !hidden.has(doc.captureID));
}
