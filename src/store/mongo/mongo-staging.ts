/**
 * Staging: the events of a capture are inserted invisible (`state: 'staged'`, under their captureID) and each one
 * is classified (DESIGN.md "Capture", EPCIS 2.0 §7.4.1.2 identity by eventID):
 * - inserted -> `stored`;
 * - the key is held by a committed event -> `identical` (same contentHash) or `conflict`;
 * - the key is held by a staged event of another capture -> that capture is still undecided: wait until it is
 *   decided, then reclassify (or insert, if it rolled back).
 *
 * Waiting could deadlock when two captures stage overlapping sets in opposite orders, so waits follow the
 * "wait-die" rule: a capture only waits for captures with a greater captureID; meeting a smaller one, it
 * withdraws all its staged events, backs off and starts again. Waits then form no cycle, and the smallest
 * captureID in flight always progresses.
 */
import { implementationError } from '../../errors/epcis-errors';
import type { EventWriteStatus, StoredEvent } from '../stored-event';
import type { MongoContext } from './mongo-context';
import { duplicateKeyIndices, read, retrying } from './mongo-errors';

const INSERT_BATCH = 1000;
/** Polling starts fast and slows down (x1.5 per poll, up to 250 ms) so that long waits do not load the server. */
const pollDelay = (polls: number) => Math.min(250, 10 * 1.5 ** Math.min(polls, 10));
/** Every this many polls (about 3 s once slowed down), a waiting capture checks whether its holder is abandoned. */
const POLLS_PER_STALE_CHECK = 12;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Thrown inside an attempt when the capture must withdraw (wait-die) in favour of `holder`, which holds `key`. */
class Withdraw {
  constructor(
    readonly holder: string,
    readonly key: string,
  ) {}
}

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

/** Polls until `key` is no longer staged by `holder` (decided either way, or cleared as abandoned). */
async function waitUntilReleased(ctx: MongoContext, blocked: Withdraw, deadline: number): Promise<void> {
  for (let polls = 1; ; polls += 1) {
    const current = await retrying(() =>
      ctx.events.findOne({ _id: blocked.key }, { projection: { state: 1, captureID: 1 }, maxTimeMS: ctx.maxTimeMS }),
    );
    if (!current || current.state !== 'staged' || current.captureID !== blocked.holder) return;
    if (Date.now() > deadline) {
      throw implementationError(`Capture gave up waiting for capture ${blocked.holder} holding the same event ids`);
    }
    if (polls % POLLS_PER_STALE_CHECK === 0) await resolveAbandoned(ctx, new Set([blocked.holder]));
    await sleep(pollDelay(polls));
  }
}

/** Deletes every event this capture staged (nothing of it is visible, so this is invisible too). */
export async function withdraw(ctx: MongoContext, captureID: string): Promise<void> {
  await retrying(() => ctx.events.deleteMany({ captureID, state: 'staged' }));
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

  const insert = async (indices: number[]): Promise<number[]> => {
    const duplicates = await insertStaged(ctx, captureID, events, indices);
    const duplicateSet = new Set(duplicates);
    for (const index of indices) if (!duplicateSet.has(index)) statuses[index] = 'stored';
    return duplicates;
  };

  let pending = await insert(unique);
  let polls = 0;
  while (pending.length > 0) {
    const ids = pending.map((index) => events[index]!._id);
    const holders = await read(() =>
      ctx.events
        .find(
          { _id: { $in: ids } },
          { projection: { _id: 1, state: 1, captureID: 1, contentHash: 1 }, maxTimeMS: ctx.maxTimeMS },
        )
        .toArray(),
    );
    const holderById = new Map(holders.map((holder) => [holder._id, holder]));
    const vanished: number[] = [];
    const waiting: number[] = [];
    const blockers = new Set<string>();
    for (const index of pending) {
      const event = events[index]!;
      const holder = holderById.get(event._id);
      if (!holder) vanished.push(index);
      else if (holder.state === 'committed') {
        heldHash.set(event._id, holder.contentHash);
        statuses[index] = holder.contentHash === event.contentHash ? 'identical' : 'conflict';
      } else if (holder.captureID === captureID) statuses[index] = 'stored';
      else if (captureID > holder.captureID) throw new Withdraw(holder.captureID, event._id);
      else {
        waiting.push(index);
        blockers.add(holder.captureID);
      }
    }
    pending = waiting.concat(vanished.length > 0 ? await insert(vanished) : []);
    if (waiting.length === 0) continue;
    if (Date.now() > deadline) {
      throw implementationError(
        `Capture ${captureID} gave up waiting for capture(s) ${[...blockers].join(', ')} holding the same event ids`,
      );
    }
    polls += 1;
    if (polls % POLLS_PER_STALE_CHECK === 0) await resolveAbandoned(ctx, blockers);
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

/** Unordered insert in batches; returns the indices whose key already exists. */
async function insertStaged(
  ctx: MongoContext,
  captureID: string,
  events: StoredEvent[],
  indices: number[],
): Promise<number[]> {
  const duplicates: number[] = [];
  for (let start = 0; start < indices.length; start += INSERT_BATCH) {
    const batch = indices.slice(start, start + INSERT_BATCH);
    const docs = batch.map((index) => ({ ...events[index]!, captureID, state: 'staged' as const, recordTime: null }));
    try {
      await retrying(() => ctx.events.insertMany(docs, { ordered: false }));
    } catch (error) {
      const failed = duplicateKeyIndices(error);
      if (!failed) throw error;
      for (const at of failed) duplicates.push(batch[at]!);
    }
  }
  return duplicates;
}

/**
 * A capture waited on may belong to a process that died: when its job already records a commit decision, make
 * its events visible on its behalf (idempotent); when its job is finished or gone, its staged events are
 * leftovers of a rollback and are removed. A job still running without a decision is left alone (it may be live).
 */
async function resolveAbandoned(ctx: MongoContext, captureIDs: Set<string>): Promise<void> {
  for (const other of captureIDs) {
    const job = await retrying(() => ctx.jobs.findOne({ _id: other }, { projection: { running: 1, decision: 1 } }));
    const decision = job?.decision;
    if (job?.running && decision) {
      await retrying(() =>
        ctx.events.updateMany(
          { captureID: other, state: 'staged' },
          { $set: { state: 'committed', recordTime: decision.recordTime } },
        ),
      );
    } else if (!job?.running) {
      await withdraw(ctx, other);
    }
  }
}
