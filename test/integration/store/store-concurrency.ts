/**
 * Concurrent captures of overlapping documents (SECURITY-AND-PERFORMANCE-NOTES T-R5 in small): each distinct
 * event is stored exactly once, rivals for one eventID produce exactly one winner, and every job's counts agree
 * with what is stored. Captures are spread round-robin over the given store instances (several instances on one
 * database stand for several servers behind a load balancer).
 */
import assert from 'node:assert/strict';
import type { EventStore } from '../../../src/store/event-store';
import { ids, job, newCaptureID, storedEvent, strictDecide } from './store-fixtures';

export async function runOverlappingCaptures(stores: EventStore[]): Promise<void> {
  const universe = Array.from({ length: 30 }, (_, n) => storedEvent({ eventID: `U${n}` }));
  const plans = Array.from({ length: 10 }, (_, k) => {
    const events = universe.slice(k * 2, k * 2 + 12);
    if (k % 3 === 0) events.reverse(); // opposite insertion orders provoke waiting in both directions
    if (k === 4) events.push(universe[8]!); // a repeat inside one document
    return { captureID: newCaptureID(`conc${k}`), behaviour: k % 2 === 0 ? 'rollback' : 'proceed', events } as const;
  });
  // Two captures that disagree about one event: exactly one of them can win it.
  const rivals = [0, 1].map((r) => ({
    captureID: newCaptureID(`rival${r}`),
    behaviour: 'rollback' as const,
    events: [storedEvent({ eventID: 'Z', body: { rival: r } }), storedEvent({ eventID: `only-${r}` })],
  }));
  const all = [...plans, ...rivals];
  const on = (index: number) => stores[index % stores.length]!;
  for (const [index, plan] of all.entries()) {
    await on(index).createJob(job(plan.captureID, new Date(), plan.events.length));
  }
  const results = await Promise.all(
    all.map((plan, index) => on(index).commitCapture({ ...plan, vocabulary: [], decide: strictDecide })),
  );
  const store = stores[0]!;

  const stored = await store.findEvents({}, { sort: [['_id', 1]] });
  const storedIds = ids(stored);
  assert.equal(new Set(storedIds).size, storedIds.length, 'no _id twice');
  const expected = [...universe.slice(0, 30).map((e) => e._id), 'ev|Z'];
  const winner = results[10]!.outcome.success ? 0 : 1;
  assert.equal(results[10]!.outcome.success !== results[11]!.outcome.success, true, 'exactly one rival wins');
  expected.push(`ev|only-${winner}`);
  assert.deepEqual(storedIds, [...expected].sort());
  assert.deepEqual(stored.find((e) => e._id === 'ev|Z')?.event.rival, winner);

  let storedTotal = 0;
  for (const [index, plan] of plans.entries()) {
    const record = await store.getJob(plan.captureID);
    assert.equal(record?.running, false);
    assert.equal(record?.success, true, `job ${index} succeeds (no conflicting content)`);
    assert.equal(record.storedCount + record.duplicateCount, plan.events.length);
    assert.equal(stored.filter((event) => event.captureID === plan.captureID).length, record.storedCount);
    assert.deepEqual(results[index]!.statuses.filter((status) => status === 'stored').length, record.storedCount);
    storedTotal += record.storedCount;
  }
  assert.equal(storedTotal, 30);
}
