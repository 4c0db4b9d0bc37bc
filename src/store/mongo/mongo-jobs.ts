/**
 * Capture job records in MongoDB (EPCIS 2.0 REST binding, CaptureJob): one document per job, `_id` = captureID,
 * dates stored as Dates. The commit decision (mongo-commit.ts) lives on the same document while a capture commits.
 */
import type { Filter } from 'mongodb';
import type { CaptureJobRecord, ProblemBody } from '../../model/types';
import { failedJobFinish, type JobFinish } from '../job-finish';
import type { JobDocument, MongoContext } from './mongo-context';
import { mapJobInsertError, read, retrying } from './mongo-errors';

const JOB_PROJECTION = { _id: 0, decision: 0, instance: 0 } as const;

export async function createJob(ctx: MongoContext, job: CaptureJobRecord): Promise<void> {
  try {
    await retrying(() => ctx.jobs.insertOne({ ...job, _id: job.captureID, instance: ctx.instanceId }));
  } catch (error) {
    mapJobInsertError(error, job.captureID);
  }
}

/**
 * Finishes a running job (and drops its commit decision). `undecidedOnly` protects a job whose commit is decided
 * (its events may be partly visible already): only its roll-forward may finish it.
 */
export async function finishJob(
  ctx: MongoContext,
  captureID: string,
  finish: JobFinish,
  undecidedOnly = false,
): Promise<boolean> {
  const result = await retrying(() =>
    ctx.jobs.updateOne(
      { _id: captureID, running: true, ...(undecidedOnly ? { decision: { $exists: false } } : {}) },
      { $set: { running: false, ...finish }, $unset: { decision: '' } },
    ),
  );
  return result.matchedCount === 1;
}

export async function failJob(ctx: MongoContext, captureID: string, errors: ProblemBody[]): Promise<void> {
  await finishJob(ctx, captureID, failedJobFinish(errors, ctx.clock.now()), true);
}

export function getJob(ctx: MongoContext, captureID: string): Promise<CaptureJobRecord | null> {
  return read(() =>
    ctx.jobs.findOne<CaptureJobRecord>({ _id: captureID }, { projection: JOB_PROJECTION, maxTimeMS: ctx.maxTimeMS }),
  );
}

export function listJobs(
  ctx: MongoContext,
  options: { after?: { createdAt: Date; captureID: string }; limit: number },
): Promise<CaptureJobRecord[]> {
  if (options.limit <= 0) return Promise.resolve([]);
  const after = options.after;
  const filter: Filter<JobDocument> = after
    ? {
        $or: [
          { createdAt: { $gt: after.createdAt } },
          { createdAt: after.createdAt, captureID: { $gt: after.captureID } },
        ],
      }
    : {};
  return read(() =>
    ctx.jobs
      .find<CaptureJobRecord>(filter, { projection: JOB_PROJECTION, maxTimeMS: ctx.maxTimeMS })
      .sort({ createdAt: 1, captureID: 1 })
      .limit(options.limit)
      .toArray(),
  );
}
