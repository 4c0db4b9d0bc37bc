/**
 * The MongoDB adapter's batched writes (src/store/mongo/write-batches.ts): every batch written once, never more
 * than the limit at a time, and after a failure no new batch starts and the first failure is thrown once the
 * running ones have finished.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { batchesOf, writeInParallel } from '../../../src/store/mongo/write-batches';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('MongoDB write batches', () => {
  it('cuts items into batches of the given size, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 7 }), (items, size) => {
        const batches = batchesOf(items, size);
        assert.deepEqual(batches.flat(), items);
        assert.ok(batches.every((batch, i) => batch.length === size || (i === batches.length - 1 && batch.length > 0)));
      }),
    );
  });

  it('writes every batch once, with at most the limit in flight, and uses the limit', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 4 }), async (count, limit) => {
        const written: number[] = [];
        let running = 0;
        let most = 0;
        await writeInParallel(
          Array.from({ length: count }, (_, i) => i),
          async (batch) => {
            running += 1;
            most = Math.max(most, running);
            for (let i = 0; i < 1 + (batch % 3); i += 1) await tick();
            written.push(batch);
            running -= 1;
          },
          limit,
        );
        assert.deepEqual(
          [...written].sort((a, b) => a - b),
          Array.from({ length: count }, (_, i) => i),
        );
        assert.equal(most, Math.min(limit, count));
      }),
    );
  });

  it('starts no batch after a failure, lets the running ones finish, then throws the first failure', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    await assert.rejects(
      writeInParallel(
        [0, 1, 2, 3, 4, 5],
        async (batch) => {
          started.push(batch);
          await tick();
          if (batch === 2) throw new Error('batch 2 refused');
          await tick();
          await tick();
          finished.push(batch);
        },
        2,
      ),
      /batch 2 refused/,
    );
    assert.deepEqual(started, [0, 1, 2, 3]);
    assert.deepEqual(finished, [0, 1, 3]);
  });
});
