/**
 * The batches of one capture's writes, with a few in flight at once. Measured on the test server (FerretDB/SQLite,
 * 2 cores): 10,000 stored ObjectEvents inserted into the indexed `events` collection in batches of 1,000 ran at
 * 2,500-2,760 events/s one batch at a time and at 3,070-3,600 events/s two at a time, since the server converts one
 * batch while it writes the other. MongoDB serves concurrent inserts the same way.
 */

/** Documents per write of a capture (claims and events) and per look-up of their keys. */
export const WRITE_BATCH = 1000;

/** Batches of one capture written at the same time. */
export const WRITES_IN_FLIGHT = 2;

/** `size`-long slices of `items`, in order. */
export function batchesOf<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

/**
 * Runs `write` on every batch, at most `inFlight` at a time, and resolves when all have finished. On a failure, no
 * further batch starts, the ones running finish, and the first failure is thrown (the caller undoes the writes).
 */
export async function writeInParallel<T>(
  batches: readonly T[],
  write: (batch: T) => Promise<void>,
  inFlight = WRITES_IN_FLIGHT,
): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (!failed && next < batches.length) {
      const batch = batches[next]!;
      next += 1;
      try {
        await write(batch);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const lanes = Array.from({ length: Math.min(inFlight, batches.length) }, lane);
  const results = await Promise.allSettled(lanes);
  const rejected = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (rejected) throw rejected.reason;
}
