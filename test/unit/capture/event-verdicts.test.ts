import assert from 'node:assert/strict';
import { EventVerdicts } from '../../../src/capture/event-verdicts';
import type { ProblemBody } from '../../../src/model/types';

const problem = (detail: string): ProblemBody => ({ type: 'x', title: 'Invalid', status: 400, detail });

/** Whether `promise` has settled after the pending callbacks ran. */
async function settledSoon(promise: Promise<void>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('EventVerdicts', () => {
  it('gives verdicts in document order, waking a waiting capture at each message of the worker', async () => {
    const verdicts = new EventVerdicts();
    verdicts.expect(3);
    const waiting = verdicts.pending(0);
    assert.ok(waiting, 'no verdict yet: the capture waits');
    assert.equal(verdicts.problemsOf(0), undefined);
    verdicts.parsed({ kind: 'parsed', job: 1, events: 3 });
    assert.equal(await settledSoon(waiting), true, 'any message wakes the capture, which asks again');
    assert.ok(verdicts.pending(0), 'still no verdict for event 0');
    verdicts.checked({ kind: 'checked', job: 1, through: 2, invalid: [[1, [problem('bad 1')]]] });
    assert.equal(verdicts.pending(0), undefined);
    assert.equal(verdicts.pending(1), undefined);
    assert.deepEqual(verdicts.problemsOf(0), []);
    assert.deepEqual(verdicts.problemsOf(1), [problem('bad 1')]);
    assert.ok(verdicts.pending(2));
    assert.equal(verdicts.settled, false);
    verdicts.checked({ kind: 'checked', job: 1, through: 3, invalid: [] });
    assert.deepEqual(verdicts.problemsOf(2), []);
    assert.equal(verdicts.settled, true);
    assert.equal(verdicts.fallbackReason, undefined);
  });

  it('gives no verdict before the capture service has counted the events itself', () => {
    const verdicts = new EventVerdicts();
    verdicts.parsed({ kind: 'parsed', job: 1, events: 1 });
    verdicts.checked({ kind: 'checked', job: 1, through: 1, invalid: [] });
    assert.equal(verdicts.pending(0), undefined);
    assert.equal(verdicts.problemsOf(0), undefined);
    verdicts.expect(1);
    assert.deepEqual(verdicts.problemsOf(0), []);
  });

  it('gives no verdict at all when the worker counted other events than the capture', () => {
    const verdicts = new EventVerdicts();
    verdicts.parsed({ kind: 'parsed', job: 1, events: 2 });
    verdicts.checked({ kind: 'checked', job: 1, through: 2, invalid: [[0, [problem('bad 0')]]] });
    verdicts.expect(3);
    assert.equal(verdicts.problemsOf(0), undefined);
    assert.equal(verdicts.problemsOf(1), undefined);
    assert.equal(verdicts.pending(2), undefined);
    assert.match(String(verdicts.fallbackReason), /2 events, the capture 3/);
  });

  it('a failure wakes the waiting capture, which then validates every event itself', async () => {
    const verdicts = new EventVerdicts();
    verdicts.expect(2);
    verdicts.parsed({ kind: 'parsed', job: 1, events: 2 });
    verdicts.checked({ kind: 'checked', job: 1, through: 1, invalid: [] });
    const waiting = verdicts.pending(1)!;
    verdicts.fail('the worker exited with code 1');
    assert.equal(await settledSoon(waiting), true);
    assert.equal(verdicts.pending(1), undefined);
    assert.equal(verdicts.problemsOf(0), undefined);
    assert.equal(verdicts.problemsOf(1), undefined);
    assert.equal(verdicts.fallbackReason, 'the worker exited with code 1');
    verdicts.checked({ kind: 'checked', job: 1, through: 2, invalid: [] });
    assert.equal(verdicts.problemsOf(1), undefined, 'nothing is taken after a failure');
  });

  it('cancel tells the pool once, wakes the capture, and is not reported as a failure', async () => {
    let cancels = 0;
    const verdicts = new EventVerdicts(() => (cancels += 1));
    verdicts.expect(5);
    const waiting = verdicts.pending(0)!;
    verdicts.cancel();
    verdicts.cancel();
    assert.equal(cancels, 1);
    assert.equal(await settledSoon(waiting), true);
    assert.equal(verdicts.fallbackReason, undefined);
    assert.equal(verdicts.problemsOf(0), undefined);
  });

  it('cancelling settled verdicts tells the pool nothing', () => {
    let cancels = 0;
    const verdicts = new EventVerdicts(() => (cancels += 1));
    verdicts.expect(0);
    verdicts.parsed({ kind: 'parsed', job: 1, events: 0 });
    verdicts.cancel();
    assert.equal(cancels, 0);
  });

  it('a capture that hears nothing from the worker for too long drops the job and validates its events itself', async () => {
    let cancels = 0;
    const verdicts = new EventVerdicts(() => (cancels += 1), 30);
    verdicts.expect(2);
    verdicts.parsed({ kind: 'parsed', job: 1, events: 2 });
    verdicts.checked({ kind: 'checked', job: 1, through: 1, invalid: [] });
    const started = performance.now();
    await verdicts.pending(1);
    assert.ok(performance.now() - started >= 25);
    assert.equal(verdicts.pending(1), undefined);
    assert.equal(verdicts.problemsOf(1), undefined);
    assert.match(String(verdicts.fallbackReason), /no message from the worker for 30 ms/);
    assert.equal(cancels, 1, 'the pool is told to drop the job');
  });

  it('a message in time stops the wait for it from giving up', async () => {
    const verdicts = new EventVerdicts(() => undefined, 30);
    verdicts.expect(1);
    const waiting = verdicts.pending(0)!;
    verdicts.parsed({ kind: 'parsed', job: 1, events: 1 });
    verdicts.checked({ kind: 'checked', job: 1, through: 1, invalid: [] });
    await waiting;
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.equal(verdicts.fallbackReason, undefined);
    assert.deepEqual(verdicts.problemsOf(0), []);
  });
});
