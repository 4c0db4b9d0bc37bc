/**
 * Atomic capture without multi-document transactions (DESIGN.md "Capture"; EPCIS 2.0 REST binding
 * GS1-Capture-Error-Behaviour). Stage every event invisibly, let the capture service decide from the write
 * statuses, then either withdraw the staged events (rollback, failed) or record the decision on the job document
 * in ONE atomic update and only then publish the staged events. After a crash, recovery rolls every
 * decided capture forward and every undecided one back (mongo-recovery.ts), so a capture is all-or-nothing.
 */
import { implementationError } from '../../errors/epcis-errors';
import type { CommitRequest, CommitResult } from '../event-store';
import { failedJobFinish } from '../job-finish';
import type { StoredEvent } from '../stored-event';
import { encodeVocabularyElement, foldVocabulary } from '../vocabulary-merge';
import type { CommitDecision, MongoContext } from './mongo-context';
import { finishJob } from './mongo-jobs';
import { publishStaged, stageEvents, withdraw } from './mongo-staging';
import { applyVocabulary } from './mongo-vocabulary';
import { retrying } from './mongo-errors';

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
    const decision: CommitDecision = {
      recordTime: ctx.clock.now(),
      outcome,
      storedCount,
      duplicateCount,
      vocabulary: foldVocabulary(request.vocabulary).map(encodeVocabularyElement),
    };
    const decided = await retrying(() =>
      ctx.jobs.updateOne({ _id: captureID, running: true, decision: { $exists: false } }, { $set: { decision } }),
    );
    if (decided.matchedCount !== 1) {
      // Another instance's start-up recovery failed this job meanwhile: honour its verdict.
      await withdraw(ctx, captureID);
      throw implementationError(`Capture job ${captureID} was finished by a concurrent recovery before it committed`);
    }
    const staged = request.events.filter((_, index) => statuses[index] === 'stored');
    await rollForward(ctx, captureID, decision, staged);
    return { statuses, outcome, recordTime: storedCount > 0 ? decision.recordTime : null };
  });
}

/**
 * Makes a decided capture visible and finishes its job. Idempotent: recovery may repeat it after a crash.
 * `staged`: the capture's staged events when the committing process still holds them (see publishStaged).
 */
export async function rollForward(
  ctx: MongoContext,
  captureID: string,
  decision: CommitDecision,
  staged?: StoredEvent[],
): Promise<void> {
  await publishStaged(ctx, captureID, decision.recordTime, staged);
  await applyVocabulary(ctx, decision.vocabulary);
  await finishJob(ctx, captureID, {
    success: decision.outcome.success,
    errors: decision.outcome.errors,
    finishedAt: decision.recordTime,
    storedCount: decision.storedCount,
    duplicateCount: decision.duplicateCount,
  });
}
