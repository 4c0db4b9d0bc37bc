import assert from 'node:assert/strict';
import { MonotonicClock, Mutex, Semaphore } from '../../../src/store/mutex';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('store locks and clock', () => {
  it('Mutex runs one holder at a time, in arrival order, and releases after a failure', async () => {
    const mutex = new Mutex();
    const log: string[] = [];
    const job = (name: string, fail = false) =>
      mutex.run(async () => {
        log.push(`${name}+`);
        await tick();
        log.push(`${name}-`);
        if (fail) throw new Error(name);
      });
    const results = await Promise.allSettled([job('a'), job('b', true), job('c')]);
    assert.deepEqual(log, ['a+', 'a-', 'b+', 'b-', 'c+', 'c-']);
    assert.equal(results[1]?.status, 'rejected');
  });

  it('Semaphore never lets more than its limit run at once', async () => {
    const semaphore = new Semaphore(2);
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 7 }, () =>
        semaphore.run(async () => {
          active += 1;
          peak = Math.max(peak, active);
          await tick();
          active -= 1;
        }),
      ),
    );
    assert.equal(peak, 2);
    assert.throws(() => new Semaphore(0), RangeError);
  });

  it('MonotonicClock never goes backwards', () => {
    const clock = new MonotonicClock();
    let last = 0;
    for (let i = 0; i < 1000; i += 1) {
      const now = clock.now().getTime();
      assert.ok(now >= last);
      last = now;
    }
  });
});
