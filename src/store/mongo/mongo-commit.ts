/**
 * Atomic capture without multi-document transactions (DESIGN.md "Capture"; EPCIS 2.0 REST binding
 * GS1-Capture-Error-Behaviour). Claim every event key (mongo-staging.ts), let the capture service decide from the
 * write statuses, then either release the claims (rollback, failed) or:
 * 1. mark the capture pending and write its events once, straight into `events`, hidden (mongo-pending.ts);
 * 2. record the decision on the job document in ONE atomic update (the commit point);
 * 3. clear the pending mark, which makes every event of the capture visible at once, then finish the job.
 * After a crash, recovery rolls every decided capture forward (3) and every undecided one back (its written events
 * are removed), so a capture is all-or-nothing, and readers never see part of one.
 */
import { implementationError } from '../../errors/epcis-errors';
import type { CommitRequest, CommitResult } from '../event-store';
import { failedJobFinish } from '../job-finish';
import type { PreparedEvent, StoredEvent } from '../stored-event';
import { encodeVocabularyElement, foldVocabulary } from '../vocabulary-merge';
import type { CommitDecision, MongoContext } from './mongo-context';
import { duplicateKeyIndices, retrying } from './mongo-errors';
import { withTermsAnd } from './index-terms';
import { finishJob } from './mongo-jobs';
import { markPending, removeWrittenEvents, withoutLeftovers } from './mongo-pending';
import { makeVisible, withdraw } from './mongo-claim-holders';
import { stageEvents } from './mongo-staging';
import { applyVocabulary } from './mongo-vocabulary';
import { batchesOf, writeInParallel, WRITE_BATCH } from './write-batches';
import { GcPacer } from '../../model/major-gc';

/**
 * A long capture's writes ask for a major collection this often (model/major-gc.ts). Each young-generation
 * collection promotes the batches in flight, which die soon after in the old generation; V8 let that garbage grow
 * until its own limit. Measured on a 50.6 MiB XML capture (54,728 events, FerretDB, about 25 s of writes): server
 * peak RSS growth 4.73-4.84x the document without, 3.39x with a request every 16 batches, 2.56x every 8, and
 * 2.24-2.53x every 2 s (about every 5 batches there). Time-based, so that a fast server is not asked too often.
 */
const GC_INTERVAL_MS = 2000;

export async function commitCapture(ctx: MongoContext, request: CommitRequest): Promise<CommitResult> {
  const { captureID } = request;
  const job = await retrying(() => ctx.jobs.findOne({ _id: captureID }, { projection: { running: 1 } }));
  if (!job) throw implementationError(`No capture job ${captureID}: create the job before committing its events`);
  if (!job.running) throw implementationError(`Capture job ${captureID} is already finished`);

  const statuses = await stageEvents(ctx, captureID, request.events);
  let outcome: ReturnType<CommitRequest['decide']>;
  try {
    outcome = request.decide(statuses);
  } catch (error) {
    await withdraw(ctx, captureID);
    throw error;
  }
  const storedCount = statuses.filter((status) => status === 'stored').length;
  const duplicateCount = statuses.filter((status) => status === 'identical').length;

  if (request.behaviour === 'rollback' && !outcome.success) {
    await withdraw(ctx, captureID);
    await finishJob(ctx, captureID, failedJobFinish(outcome.errors, ctx.clock.now(), duplicateCount), true);
    return { statuses, outcome, recordTime: null };
  }

  // The lock makes visibility order follow recordTime order within this process (EPCIS 2.0 §7.4.1).
  return ctx.commitLock.run(async () => {
    const recordTime = ctx.clock.now();
    const stored = request.events.filter((_, index) => statuses[index] === 'stored');
    try {
      if (stored.length > 0) {
        await markPending(ctx, captureID);
        await writeHidden(ctx, captureID, stored, recordTime, request.namespaces ?? {});
      }
    } catch (error) {
      await abandon(ctx, captureID, stored);
      throw error;
    }
    const decision: CommitDecision = {
      recordTime,
      outcome,
      storedCount,
      duplicateCount,
      vocabulary: foldVocabulary(request.vocabulary).map(encodeVocabularyElement),
    };
    const decided = await retrying(() =>
      ctx.jobs.updateOne({ _id: captureID, running: true, decision: { $exists: false } }, { $set: { decision } }),
    );
    if (decided.matchedCount !== 1) {
      // Another instance's recovery failed this job meanwhile: honour its verdict.
      await abandon(ctx, captureID, stored);
      throw implementationError(`Capture job ${captureID} was finished by a concurrent recovery before it committed`);
    }
    await rollForward(ctx, captureID, decision);
    return { statuses, outcome, recordTime: storedCount > 0 ? recordTime : null };
  });
}

/** Makes a decided capture visible and finishes its job. Idempotent: recovery may repeat it after a crash. */
export async function rollForward(ctx: MongoContext, captureID: string, decision: CommitDecision): Promise<void> {
  await applyVocabulary(ctx, decision.vocabulary);
  await makeVisible(ctx, captureID);
  await finishJob(ctx, captureID, {
    success: decision.outcome.success,
    errors: decision.outcome.errors,
    finishedAt: decision.recordTime,
    storedCount: decision.storedCount,
    duplicateCount: decision.duplicateCount,
  });
}

/**
 * An undecided capture gives up: what it wrote is removed (it stays hidden meanwhile), its claims released. The keys
 * are those it meant to write: a recovery that failed it meanwhile may have released its claims already.
 */
async function abandon(ctx: MongoContext, captureID: string, written: PreparedEvent[]): Promise<void> {
  await removeWrittenEvents(
    ctx,
    captureID,
    written.map((event) => event._id),
  ).catch(() => undefined);
  await withdraw(ctx, captureID).catch(() => undefined);
}

/**
 * Writes the capture's events, hidden while it is pending, with the recordTime it commits with. A key already in
 * `events` is either this capture's own earlier write (a retried batch) or a leftover of a capture that never
 * committed (it lost its claim to a recovery, then wrote late): the leftover is removed and the write repeated.
 */
async function writeHidden(
  ctx: MongoContext,
  captureID: string,
  events: PreparedEvent[],
  recordTime: Date,
  namespaces: Record<string, string>,
): Promise<void> {
  // Each batch gets its query fields and index terms as it is written: only the batches in flight hold them.
  const pacer = new GcPacer(GC_INTERVAL_MS);
  await writeInParallel(batchesOf(events, WRITE_BATCH), (batch) => {
    pacer.tick();
    return writeBatchHidden(
      ctx,
      captureID,
      batch.map((event): StoredEvent => withTermsAnd(event, { captureID, state: 'committed', recordTime }, namespaces)),
    );
  });
}

async function writeBatchHidden(ctx: MongoContext, captureID: string, docs: StoredEvent[]): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    const clashes = await insertReportingClashes(ctx, docs);
    if (clashes.length === 0) return;
    const holders = await retrying(() =>
      ctx.events.find({ _id: { $in: clashes } }, { projection: { _id: 1, captureID: 1 } }).toArray(),
    );
    const others = holders.filter((doc) => doc.captureID !== captureID);
    const foreign = await withoutLeftovers(ctx, others);
    if (foreign.length > 0 || attempt >= 3)
      throw implementationError(
        `Capture ${captureID} found event ${foreign[0]?._id ?? clashes[0]} stored by another capture`,
      );
    if (others.length === 0) return; // only this capture's own earlier write
  }
}

/** Unordered insert; returns the keys that were already stored (duplicate key errors). */
async function insertReportingClashes(ctx: MongoContext, docs: StoredEvent[]): Promise<string[]> {
  const clashes: string[] = [];
  await retrying(async () => {
    clashes.length = 0;
    try {
      await ctx.events.insertMany(docs, { ordered: false });
    } catch (error) {
      const failed = duplicateKeyIndices(error);
      if (!failed) throw error;
      for (const at of failed) clashes.push(docs[at]!._id);
    }
  });
  return clashes;
}
