/**
 * The captures behind claims (mongo-staging.ts): releasing the claims of a capture that did not commit, telling
 * settled holders (job finished or gone) from running ones, and finishing the captures of dead instances that a
 * waiting capture meets (DESIGN.md "Capture": recovery).
 */
import { interruptedCaptureProblem } from '../interrupted-problem';
import { failedJobFinish } from '../job-finish';
import type { MongoContext } from './mongo-context';
import { deleteAll } from './mongo-delete-all';
import { retrying } from './mongo-errors';
import { liveInstances } from './mongo-instances';
import { clearPending, removeWrittenEvents } from './mongo-pending';

/**
 * Releases every claim of a capture that did not commit (nothing of it was visible, so this is invisible too).
 * Never called for a committed capture: its claims stay as the identity index of its events.
 */
export async function withdraw(ctx: MongoContext, captureID: string): Promise<void> {
  await deleteAll(ctx.staged, { captureID });
}

/** Of these captures, those whose job is finished or gone: their claims no longer guard anything in flight. */
export async function settledCaptures(ctx: MongoContext, captureIDs: Iterable<string>): Promise<Set<string>> {
  const ids = [...new Set(captureIDs)];
  if (ids.length === 0) return new Set();
  const running = await retrying(() =>
    ctx.jobs.find({ _id: { $in: ids }, running: true }, { projection: { _id: 1 } }).toArray(),
  );
  const live = new Set(running.map((job) => job._id));
  return new Set(ids.filter((id) => !live.has(id)));
}

/**
 * A capture waited on may belong to a process that died: when its job records a commit decision, make its events
 * visible on its behalf (idempotent; its owner or recovery finishes the job); when it is undecided and its
 * instance's lease has expired, it is rolled back. (A finished or missing job is settled: see `settledCaptures`.)
 */
export async function resolveAbandoned(ctx: MongoContext, captureIDs: Set<string>): Promise<void> {
  for (const other of captureIDs) {
    const job = await retrying(() =>
      ctx.jobs.findOne({ _id: other }, { projection: { running: 1, decision: 1, instance: 1 } }),
    );
    const decision = job?.decision;
    if (!job?.running) continue;
    if (decision) await makeVisible(ctx, other);
    else if (!job.instance || !(await liveInstances(ctx)).has(job.instance)) await rollBackInterrupted(ctx, other);
  }
}

/**
 * Fails an undecided running job ("interrupted by a restart"), removes the events it wrote (hidden: it is pending),
 * then releases its claims. The job is failed first, and only if still undecided, so a crash in between leaves
 * claims of a failed job, which recovery releases.
 * Returns whether this call failed the job.
 */
export async function rollBackInterrupted(ctx: MongoContext, captureID: string): Promise<boolean> {
  const failed = await retrying(() =>
    ctx.jobs.updateOne(
      { _id: captureID, running: true, decision: { $exists: false } },
      {
        $set: { running: false, ...failedJobFinish([interruptedCaptureProblem()], ctx.clock.now()) },
      },
    ),
  );
  await removeWrittenEvents(ctx, captureID);
  await withdraw(ctx, captureID);
  return failed.matchedCount === 1;
}

/** The visible part of a roll-forward: the decided capture's events appear at once (its claims stay). */
export async function makeVisible(ctx: MongoContext, captureID: string): Promise<void> {
  await clearPending(ctx, captureID);
}
