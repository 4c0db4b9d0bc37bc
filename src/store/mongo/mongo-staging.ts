/**
 * Claims (DESIGN.md "Capture"): before writing, a capture claims each event key in the `stagedEvents` collection
 * (a small document `{_id: key, captureID}`; unique `_id`: one claim per key), then classifies each key against
 * `events` (EPCIS 2.0 §7.4.1.2 identity by eventID):
 * - absent -> `stored`; the claim STAYS once the capture commits: `stagedEvents` is also the identity index of the
 *   stored events, so a commit never deletes claims (a `deleteMany` of every claim cost FerretDB/SQLite about
 *   0.1 ms per event, and failed outright beyond 32,766 of them), and a key claimed without meeting another claim
 *   needs no look-up in `events` (one full scan per 1,000 keys on FerretDB);
 * - present and visible, same content digest -> `identical`, else `conflict` (a claim taken just for this is
 *   released at once);
 * - present but left by a capture that never committed (mongo-pending.ts) -> removed, then `stored`.
 * A key claimed by another capture is either settled (that capture's job is finished or gone: its committed event,
 * if any, is visible and immutable, so the key is classified without claiming it, and a claim with no visible
 * event behind it is a leftover, replaced) or undecided (that capture is running): wait until it settles or
 * releases the claim, then classify or claim again.
 *
 * Waiting could deadlock when two captures claim overlapping sets in opposite orders, so waits follow the
 * "wait-die" rule: a capture only waits for claims of running captures with a greater captureID; meeting a smaller
 * one, it withdraws all its claims, waits (holding nothing) for that key, and starts again. Waits form no cycle.
 *
 * Claims carry no event body: the bodies are written once, into `events`, while the capture is pending
 * (mongo-commit.ts). (Staging full copies cost FerretDB/SQLite a second write and a scan of every staged body to
 * release them: measured, the copy-based commit ran at 0.03-0.04x a raw insertMany.)
 */
import { implementationError } from '../../errors/epcis-errors';
import { contentDigest } from '../content-digest';
import type { EventWriteStatus, PreparedEvent } from '../stored-event';
import type { ClaimDocument, MongoContext } from './mongo-context';
import { resolveAbandoned, settledCaptures, withdraw } from './mongo-claim-holders';
import { duplicateKeyIndices, read, retrying } from './mongo-errors';
import { withoutLeftovers } from './mongo-pending';
import { batchesOf, writeInParallel, WRITE_BATCH } from './write-batches';

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

/** Classifies every event; on return, `stagedEvents` holds exactly the claims of this capture's `stored` events. */
export async function stageEvents(
  ctx: MongoContext,
  captureID: string,
  events: PreparedEvent[],
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

async function waitUntilReleased(ctx: MongoContext, blocked: Withdraw, deadline: number): Promise<void> {
  for (let polls = 1; ; polls += 1) {
    const current = await read(() =>
      ctx.staged.findOne({ _id: blocked.key }, { projection: { captureID: 1 }, maxTimeMS: ctx.maxTimeMS }),
    );
    if (!current || current.captureID !== blocked.holder) return;
    if ((await settledCaptures(ctx, [blocked.holder])).size > 0) return;
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
  events: PreparedEvent[],
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
  /** Content digest of the visible event that holds a key this capture did not write. */
  const heldHash = new Map<string, string>();

  /** A key held by a visible event: identical when the content digests agree, else a conflict. */
  const classify = (index: number, hash: string): void => {
    heldHash.set(events[index]!._id, hash);
    statuses[index] = hash === contentDigest(events[index]!) ? 'identical' : 'conflict';
  };
  /** The visible events' digests under the keys of `indices`, in batches. */
  const inBatches = async (
    indices: number[],
    each: (batch: number[], hashOf: Map<string, string>) => Promise<void>,
  ) => {
    for (const batch of batchesOf(indices, WRITE_BATCH)) {
      await each(
        batch,
        await visibleDigests(
          ctx,
          batch.map((index) => events[index]!._id),
        ),
      );
    }
  };

  /** Claimed keys: compare with the stored events; release the claim of those already visible. */
  const classifyClaimed = (indices: number[]): Promise<void> =>
    inBatches(indices, async (batch, hashOf) => {
      for (const index of batch) {
        const hash = hashOf.get(events[index]!._id);
        if (hash === undefined) statuses[index] = 'stored';
        else classify(index, hash);
      }
      const release = [...hashOf.keys()];
      if (release.length > 0) await retrying(() => ctx.staged.deleteMany({ _id: { $in: release }, captureID }));
    });
  /**
   * Keys held by settled captures: a visible event is classified without a claim (committed events never change);
   * a claim with no visible event behind it is a leftover of a capture that failed or crashed: it is deleted and
   * the key returned, to be claimed again.
   */
  const classifySettled = async (indices: number[], holderOf: Map<string, string>): Promise<number[]> => {
    const reclaim: number[] = [];
    await inBatches(indices, async (batch, hashOf) => {
      for (const index of batch) {
        const key = events[index]!._id;
        const hash = hashOf.get(key);
        if (hash !== undefined) classify(index, hash);
        else {
          await retrying(() => ctx.staged.deleteOne({ _id: key, captureID: holderOf.get(key) ?? '' }));
          reclaim.push(index);
        }
      }
    });
    return reclaim;
  };
  const claim = async (indices: number[]): Promise<number[]> => {
    const taken = await insertClaims(ctx, captureID, events, indices);
    const takenSet = new Set(taken);
    const claimed = indices.filter((index) => !takenSet.has(index));
    // Every committed event keeps its claim, so a key nobody held has no committed event, unless the database
    // holds events of the earlier layout, whose claims were released (mongo-index-layout.ts). (A leftover write of
    // a capture that never committed may still be there: writing replaces it, mongo-commit.ts.)
    if (ctx.claimsCoverEvents) for (const index of claimed) statuses[index] = 'stored';
    else await classifyClaimed(claimed);
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
    const settled = await settledCaptures(
      ctx,
      holders.map((holder) => holder.captureID).filter((holder) => holder !== captureID),
    );
    const vanished: number[] = [];
    const ours: number[] = [];
    const settledKeys: number[] = [];
    const waiting: number[] = [];
    const blockers = new Set<string>();
    for (const index of pending) {
      const key = events[index]!._id;
      const holder = holderOf.get(key);
      if (holder === undefined) vanished.push(index);
      else if (holder === captureID)
        ours.push(index); // a retried insert that had in fact succeeded
      else if (settled.has(holder)) settledKeys.push(index);
      else if (captureID > holder) throw new Withdraw(holder, key);
      else {
        waiting.push(index);
        blockers.add(holder);
      }
    }
    vanished.push(...(await classifySettled(settledKeys, holderOf)));
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
    const reference = statuses[first] === 'stored' ? contentDigest(events[first]!) : heldHash.get(event._id);
    statuses[index] = reference === contentDigest(event) ? 'identical' : 'conflict';
  }
  return statuses.map((status) => status ?? 'conflict');
}

/** Content digests of the visible events under these keys (leftovers of captures that never committed are removed). */
async function visibleDigests(ctx: MongoContext, keys: string[]): Promise<Map<string, string>> {
  const found = await read(() =>
    ctx.events
      .find(
        { _id: { $in: keys } },
        { projection: { _id: 1, contentHash: 1, event: 1, captureID: 1 }, maxTimeMS: ctx.maxTimeMS },
      )
      .toArray(),
  );
  const committed = await withoutLeftovers(ctx, found);
  return new Map(committed.map((doc) => [doc._id, contentDigest(doc)]));
}

/** Unordered insert of claims in batches (write-batches.ts); returns the indices whose key another claim holds. */
async function insertClaims(
  ctx: MongoContext,
  captureID: string,
  events: PreparedEvent[],
  indices: number[],
): Promise<number[]> {
  const taken: number[] = [];
  await writeInParallel(batchesOf(indices, WRITE_BATCH), async (batch) => {
    const docs = batch.map((index): ClaimDocument => ({ _id: events[index]!._id, captureID }));
    await retrying(async () => {
      try {
        await ctx.staged.insertMany(docs, { ordered: false });
      } catch (error) {
        const failed = duplicateKeyIndices(error);
        if (!failed) throw error;
        for (const at of failed) taken.push(batch[at]!);
      }
    });
  });
  return taken;
}
