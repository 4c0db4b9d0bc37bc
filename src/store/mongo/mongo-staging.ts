/**
 * Staging (DESIGN.md "Capture": "events are written invisible to queries under their capture id"). A capture
 * first claims each event key in the `stagedEvents` collection (unique `_id`: one claim per key at a time), then
 * classifies each claimed key against the committed `events` (EPCIS 2.0 §7.4.1.2 identity by eventID):
 * - not committed -> `stored` (the staged copy stays until commit publishes it);
 * - committed with the same contentHash -> `identical`, else `conflict` (the claim is released at once).
 * A key claimed by another capture is undecided: wait until that claim is released (published or withdrawn),
 * then claim again.
 *
 * Waiting could deadlock when two captures claim overlapping sets in opposite orders, so waits follow the
 * "wait-die" rule: a capture only waits for claims of captures with a greater captureID; meeting a smaller one,
 * it withdraws all its claims, waits (holding nothing) for that key, and starts again. Waits form no cycle.
 *
 * Publishing copies the staged events into `events` BEFORE releasing their claims, so whoever claims a key next
 * finds the committed event. (A flip of a `state` field in place would need a per-document update, which
 * FerretDB/SQLite performs ~50x slower than inserts: measured 5 s per 500 events, growing with the collection.)
 */
import { implementationError } from '../../errors/epcis-errors';
import type { EventWriteStatus, StoredEvent } from '../stored-event';
import type { MongoContext } from './mongo-context';
import { interruptedCaptureProblem } from '../interrupted-problem';
import { failedJobFinish } from '../job-finish';
import { duplicateKeyIndices, read, retrying } from './mongo-errors';
import { liveInstances } from './mongo-instances';

const BATCH = 1000;
/** Polling starts fast and slows down (x1.5 per poll, up to 250 ms) so that long waits do not load the server. */
const pollDelay = (polls: number) => Math.min(250, 10 * 1.5 ** Math.min(polls, 10));
/** A waiting capture checks whether its holder is abandoned after 3 polls, then every 12 (about 3 s). */
const checksForAbandoned = (polls: number) => polls === 3 || polls % 12 === 0;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Thrown inside an attempt when the capture must withdraw (wait-die) in favour of `holder`, which holds `key`. */
class Withdraw {
  constructor(
    readonly holder: string,
    readonly key: string,
  ) {}
}

/** Classifies every event; on return, `stagedEvents` holds exactly this capture's `stored` events. */
export async function stageEvents(
  ctx: MongoContext,
  captureID: string,
  events: StoredEvent[],
): Promise<EventWriteStatus[]> {
  const deadline = Date.now() + ctx.stagedWaitMs;
  for (let attempt = 0; ; attempt += 1) {
    let blocked: Withdraw;
    try {
      return await stageOnce(ctx, captureID, events, deadline);
    } catch (error) {
      if (!(error instanceof Withdraw)) {
        await withdraw(ctx, captureID).catch(() => undefined);
        throw error;
      }
      blocked = error;
    }
    // Holding nothing now, this capture may wait for the holder without any risk of a cycle.
    await withdraw(ctx, captureID);
    await waitUntilReleased(ctx, blocked, deadline);
    await sleep(Math.min(100, 2 * 2 ** Math.min(attempt, 6)) * Math.random());
  }
}

/** Releases every claim of a capture (nothing of it was visible, so this is invisible too). */
export async function withdraw(ctx: MongoContext, captureID: string): Promise<void> {
  await retrying(() => ctx.staged.deleteMany({ captureID }));
}

/**
 * Makes a decided capture's staged events visible with the decided recordTime, then releases their claims.
 * Idempotent (a crash or a helper may repeat it): an event already copied is a duplicate key, ignored.
 * `staged` is what the capture staged, when the caller still holds it: the copy then comes from memory instead of
 * reading every staged document back (a scan that cost FerretDB as much as the inserts themselves).
 */
export async function publishStaged(
  ctx: MongoContext,
  captureID: string,
  recordTime: Date,
  staged?: StoredEvent[],
): Promise<void> {
  if (staged) {
    for (let start = 0; start < staged.length; start += BATCH) {
      const docs = staged.slice(start, start + BATCH).map((event) => publishedForm(event, captureID, recordTime));
      await insertPublished(ctx, docs);
    }
    await retrying(() => ctx.staged.deleteMany({ captureID }));
    return;
  }
  for (;;) {
    const batch = await retrying(() => ctx.staged.find({ captureID }).limit(BATCH).toArray());
    if (batch.length === 0) return;
    await insertPublished(
      ctx,
      batch.map((doc) => publishedForm(doc, captureID, recordTime)),
    );
    const keys = batch.map((doc) => doc._id);
    await retrying(() => ctx.staged.deleteMany({ _id: { $in: keys }, captureID }));
  }
}

const publishedForm = (event: StoredEvent, captureID: string, recordTime: Date): StoredEvent => ({
  ...event,
  captureID,
  state: 'committed',
  recordTime,
});

async function insertPublished(ctx: MongoContext, docs: StoredEvent[]): Promise<void> {
  await retrying(async () => {
    try {
      await ctx.events.insertMany(docs, { ordered: false });
    } catch (error) {
      if (!duplicateKeyIndices(error)) throw error; // only our own earlier copy can hold the key
    }
  });
}

async function waitUntilReleased(ctx: MongoContext, blocked: Withdraw, deadline: number): Promise<void> {
  for (let polls = 1; ; polls += 1) {
    const current = await read(() =>
      ctx.staged.findOne({ _id: blocked.key }, { projection: { captureID: 1 }, maxTimeMS: ctx.maxTimeMS }),
    );
    if (!current || current.captureID !== blocked.holder) return;
    if (Date.now() > deadline) {
      throw implementationError(`Capture gave up waiting for capture ${blocked.holder} holding the same event ids`);
    }
    if (checksForAbandoned(polls)) await resolveAbandoned(ctx, new Set([blocked.holder]));
    await sleep(pollDelay(polls));
  }
}

async function stageOnce(
  ctx: MongoContext,
  captureID: string,
  events: StoredEvent[],
  deadline: number,
): Promise<EventWriteStatus[]> {
  const statuses: (EventWriteStatus | undefined)[] = new Array<EventWriteStatus | undefined>(events.length);
  // Within one document, the first occurrence of a key is written; later ones are compared with what is stored.
  const firstIndex = new Map<string, number>();
  const repeats: number[] = [];
  const unique: number[] = [];
  events.forEach((event, index) => {
    if (firstIndex.has(event._id)) repeats.push(index);
    else {
      firstIndex.set(event._id, index);
      unique.push(index);
    }
  });
  /** contentHash of the committed event that holds a key this capture did not write. */
  const heldHash = new Map<string, string>();

  /** Claimed keys: compare with the committed events; release the claim of those already committed. */
  const classifyClaimed = async (indices: number[]): Promise<void> => {
    for (let start = 0; start < indices.length; start += BATCH) {
      const batch = indices.slice(start, start + BATCH);
      const keys = batch.map((index) => events[index]!._id);
      const committed = await read(() =>
        ctx.events
          .find({ _id: { $in: keys } }, { projection: { _id: 1, contentHash: 1 }, maxTimeMS: ctx.maxTimeMS })
          .toArray(),
      );
      const hashOf = new Map(committed.map((doc) => [doc._id, doc.contentHash]));
      for (const index of batch) {
        const hash = hashOf.get(events[index]!._id);
        if (hash === undefined) statuses[index] = 'stored';
        else {
          heldHash.set(events[index]!._id, hash);
          statuses[index] = hash === events[index]!.contentHash ? 'identical' : 'conflict';
        }
      }
      if (committed.length > 0) {
        const release = committed.map((doc) => doc._id);
        await retrying(() => ctx.staged.deleteMany({ _id: { $in: release }, captureID }));
      }
    }
  };
  const claim = async (indices: number[]): Promise<number[]> => {
    const taken = await insertClaims(ctx, captureID, events, indices);
    const takenSet = new Set(taken);
    await classifyClaimed(indices.filter((index) => !takenSet.has(index)));
    return taken;
  };

  let pending = await claim(unique);
  let polls = 0;
  while (pending.length > 0) {
    const keys = pending.map((index) => events[index]!._id);
    const holders = await read(() =>
      ctx.staged
        .find({ _id: { $in: keys } }, { projection: { _id: 1, captureID: 1 }, maxTimeMS: ctx.maxTimeMS })
        .toArray(),
    );
    const holderOf = new Map(holders.map((holder) => [holder._id, holder.captureID]));
    const vanished: number[] = [];
    const ours: number[] = [];
    const waiting: number[] = [];
    const blockers = new Set<string>();
    for (const index of pending) {
      const key = events[index]!._id;
      const holder = holderOf.get(key);
      if (holder === undefined) vanished.push(index);
      else if (holder === captureID)
        ours.push(index); // a retried insert that had in fact succeeded
      else if (captureID > holder) throw new Withdraw(holder, key);
      else {
        waiting.push(index);
        blockers.add(holder);
      }
    }
    await classifyClaimed(ours);
    pending = waiting.concat(vanished.length > 0 ? await claim(vanished) : []);
    if (waiting.length === 0) continue;
    if (Date.now() > deadline) {
      throw implementationError(
        `Capture ${captureID} gave up waiting for capture(s) ${[...blockers].join(', ')} holding the same event ids`,
      );
    }
    polls += 1;
    if (checksForAbandoned(polls)) await resolveAbandoned(ctx, blockers);
    await sleep(pollDelay(polls));
  }

  for (const index of repeats) {
    const event = events[index]!;
    const first = firstIndex.get(event._id)!;
    const reference = statuses[first] === 'stored' ? events[first]!.contentHash : heldHash.get(event._id);
    statuses[index] = reference === event.contentHash ? 'identical' : 'conflict';
  }
  return statuses.map((status) => status ?? 'conflict');
}

/** Unordered insert of claims in batches; returns the indices whose key another claim holds. */
async function insertClaims(
  ctx: MongoContext,
  captureID: string,
  events: StoredEvent[],
  indices: number[],
): Promise<number[]> {
  const taken: number[] = [];
  for (let start = 0; start < indices.length; start += BATCH) {
    const batch = indices.slice(start, start + BATCH);
    const docs = batch.map((index) => ({ ...events[index]!, captureID, state: 'staged' as const, recordTime: null }));
    await retrying(async () => {
      try {
        await ctx.staged.insertMany(docs, { ordered: false });
      } catch (error) {
        const failed = duplicateKeyIndices(error);
        if (!failed) throw error;
        for (const at of failed) taken.push(batch[at]!);
      }
    });
  }
  return taken;
}

/**
 * A capture waited on may belong to a process that died: when its job records a commit decision, publish its
 * events on its behalf (idempotent); when its job is finished or gone, its claims are leftovers of a rollback and
 * are released; when it is undecided and its instance's lease has expired, it is rolled back.
 */
async function resolveAbandoned(ctx: MongoContext, captureIDs: Set<string>): Promise<void> {
  for (const other of captureIDs) {
    const job = await retrying(() =>
      ctx.jobs.findOne({ _id: other }, { projection: { running: 1, decision: 1, instance: 1 } }),
    );
    const decision = job?.decision;
    if (job?.running && decision) await publishStaged(ctx, other, decision.recordTime);
    else if (!job?.running) await withdraw(ctx, other);
    else if (!job.instance || !(await liveInstances(ctx)).has(job.instance)) await rollBackInterrupted(ctx, other);
  }
}

/**
 * Fails an undecided running job ("interrupted by a restart"), then releases its claims. The job is failed first,
 * and only if still undecided, so a crash in between leaves claims of a failed job, which recovery releases.
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
  await withdraw(ctx, captureID);
  return failed.matchedCount === 1;
}
