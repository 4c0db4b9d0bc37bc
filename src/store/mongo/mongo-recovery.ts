/**
 * Start-up recovery (DESIGN.md "Capture": "start-up recovery rolls every undecided capture back and every decided
 * one forward"). Runs in `open()` before the store serves anything.
 */
import { interruptedCaptureProblem } from '../interrupted-problem';
import type { MongoContext } from './mongo-context';
import { rollForward } from './mongo-commit';
import { withdraw } from './mongo-staging';
import { retrying } from './mongo-errors';

export interface RecoveryReport {
  rolledForward: string[];
  rolledBack: string[];
}

export async function recover(ctx: MongoContext): Promise<RecoveryReport> {
  const report: RecoveryReport = { rolledForward: [], rolledBack: [] };

  const decided = await retrying(() => ctx.jobs.find({ running: true, decision: { $exists: true } }).toArray());
  for (const job of decided) {
    if (!job.decision) continue;
    await rollForward(ctx, job._id, job.decision);
    report.rolledForward.push(job._id);
  }

  const undecided = await retrying(() =>
    ctx.jobs.find({ running: true, decision: { $exists: false } }, { projection: { _id: 1 } }).toArray(),
  );
  for (const { _id } of undecided) {
    // Fail the job first (only if still undecided), then remove what it staged: a crash in between leaves
    // staged leftovers of a failed job, which the sweep below removes on the next start.
    const failed = await retrying(() =>
      ctx.jobs.updateOne(
        { _id, running: true, decision: { $exists: false } },
        {
          $set: {
            running: false,
            success: false,
            errors: [interruptedCaptureProblem()],
            finishedAt: ctx.clock.now(),
            storedCount: 0,
            duplicateCount: 0,
          },
        },
      ),
    );
    if (failed.matchedCount === 1) report.rolledBack.push(_id);
    await withdraw(ctx, _id);
  }

  // Staged leftovers whose job is finished or missing (e.g. a crash between failing a job and withdrawing).
  const stagedCaptures = await retrying(() => ctx.staged.distinct('captureID'));
  for (const captureID of stagedCaptures) {
    const job = await retrying(() => ctx.jobs.findOne({ _id: captureID }, { projection: { running: 1 } }));
    if (!job?.running) await withdraw(ctx, captureID);
  }
  return report;
}
