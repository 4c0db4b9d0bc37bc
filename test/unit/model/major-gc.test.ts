/**
 * Requests for asynchronous major collections (src/model/major-gc.ts): made only when `gc` is exposed, with the
 * asynchronous options, and paced to at most one per interval of a long piece of work.
 */
import assert from 'node:assert/strict';
import { GcPacer, requestMajorGc, type GcFunction } from '../../../src/model/major-gc';

function recordingGc(): { gc: GcFunction; calls: unknown[] } {
  const calls: unknown[] = [];
  return { gc: (options) => calls.push(options), calls };
}

describe('major collection requests', () => {
  it('asks for an asynchronous major collection when gc is exposed, and does nothing otherwise', () => {
    const { gc, calls } = recordingGc();
    assert.equal(requestMajorGc(gc), true);
    assert.deepEqual(calls, [{ type: 'major', execution: 'async' }]);
    assert.equal(requestMajorGc(undefined), false);
  });

  it('paces requests to one per interval, the first one interval after the start', () => {
    const { gc, calls } = recordingGc();
    let now = 1000;
    const pacer = new GcPacer(2000, gc, () => now);
    const ticks: boolean[] = [];
    for (const at of [1000, 2500, 2999, 3000, 3100, 4999, 5000, 9000, 9001]) {
      now = at;
      ticks.push(pacer.tick());
    }
    assert.deepEqual(ticks, [false, false, false, true, false, false, true, true, false]);
    assert.equal(calls.length, 3);
  });

  it('never asks without gc', () => {
    let now = 0;
    const pacer = new GcPacer(10, undefined, () => now);
    now = 1_000_000;
    assert.equal(pacer.tick(), false);
  });
});
