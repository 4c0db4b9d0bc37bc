/**
 * Recovery (DESIGN.md "Capture": "start-up recovery rolls every undecided capture back and every decided one
 * forward"), limited to captures whose instance is dead (mongo-instances.ts): it runs in `open()` before the store
 * serves anything, and again on every heartbeat, so a crashed instance's captures are finished by the others.
 */
import { rollForward } from './mongo-commit';
import type { JobDocument, MongoContext } from './mongo-context';
import { retrying } from './mongo-errors';
import { liveInstances } from './mongo-instances';
import { rollBackInterrupted } from './mongo-claim-holders';

export interface RecoveryReport {
  rolledForward: string[];
  rolledBack: string[];
}

/**
 * `atOpen`: this instance has just started, so jobs under its own id belong to a previous incarnation (a stable
 * `instanceId` given in the options) and are recovered at once; afterwards its own jobs are never touched.
 */
export async function recover(ctx: MongoContext, atOpen: boolean): Promise<RecoveryReport> {
  const report: RecoveryReport = { rolledForward: [], rolledBack: [] };
  const live = await liveInstances(ctx);
  const orphaned = (job: Pick<JobDocument, 'instance'>) =>
    job.instance === ctx.instanceId ? atOpen : !job.instance || !live.has(job.instance);

  const decided = await retrying(() => ctx.jobs.find({ running: true, decision: { $exists: true } }).toArray());
  for (const job of decided) {
    if (!job.decision || !orphaned(job)) continue;
    await rollForward(ctx, job._id, job.decision);
    report.rolledForward.push(job._id);
  }

  const undecided = await retrying(() =>
    ctx.jobs.find({ running: true, decision: { $exists: false } }, { projection: { _id: 1, instance: 1 } }).toArray(),
  );
  for (const job of undecided) {
    if (orphaned(job) && (await rollBackInterrupted(ctx, job._id))) report.rolledBack.push(job._id);
  }

  // Claims left by a job that failed or vanished (a crash between failing a job and withdrawing its claims) are not
  // swept: `stagedEvents` also holds the claims of every committed event, and a capture that meets a leftover
  // replaces it (mongo-staging.ts, classifySettled).
  return report;
}
