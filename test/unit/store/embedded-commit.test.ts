import assert from 'node:assert/strict';
import { planCommit } from '../../../src/store/embedded/embedded-commit';
import { EmbeddedState } from '../../../src/store/embedded/embedded-state';
import type { StoredEvent } from '../../../src/store/stored-event';
import { objectEvent } from '../../support/event-factory';
import { preparedEvents } from '../../support/seed-events';

describe('embedded store: planning a capture', () => {
  const job = (captureID: string) => ({
    captureID,
    running: true,
    success: true,
    captureErrorBehaviour: 'rollback' as const,
    createdAt: new Date(1),
    finishedAt: null,
    errors: [],
    owner: 'anonymous',
    eventCount: 2,
    storedCount: 0,
    duplicateCount: 0,
  });
  const staged = (events: StoredEvent[]) =>
    events.map((event): StoredEvent => ({ ...event, state: 'staged', recordTime: null }));

  it('keeps the written events themselves, committed in place (no copy per event)', () => {
    const state = new EmbeddedState();
    state.apply({ op: 'job', job: job('c1') });
    const events = staged(preparedEvents([objectEvent(1), objectEvent(2)], 'c1', new Date(0)));
    const now = new Date(5);
    const { record, result } = planCommit(
      state,
      { captureID: 'c1', behaviour: 'rollback', events, vocabulary: [], decide: () => ({ success: true, errors: [] }) },
      now,
    );
    assert.deepEqual(result.statuses, ['stored', 'stored']);
    assert.equal(record.op, 'finish');
    const written = (record as { events: StoredEvent[] }).events;
    assert.equal(written.length, 2);
    written.forEach((event, i) => {
      assert.equal(event, events[i], 'the same object');
      assert.equal(event.state, 'committed');
      assert.equal(event.recordTime, now);
      assert.equal(event.captureID, 'c1');
    });
  });

  it('changes nothing when a rollback capture fails', () => {
    const state = new EmbeddedState();
    state.apply({ op: 'job', job: job('c2') });
    const events = staged(preparedEvents([objectEvent(3)], 'c2', new Date(0)));
    const { record } = planCommit(
      state,
      {
        captureID: 'c2',
        behaviour: 'rollback',
        events,
        vocabulary: [],
        decide: () => ({ success: false, errors: [{ type: 'x', title: 'refused', status: 400 }] }),
      },
      new Date(5),
    );
    assert.deepEqual((record as { events: StoredEvent[] }).events, []);
    assert.equal(events[0]!.state, 'staged');
    assert.equal(events[0]!.recordTime, null);
  });
});
