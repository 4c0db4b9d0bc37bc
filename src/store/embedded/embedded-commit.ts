/**
 * A capture in the embedded store (DESIGN.md "Capture"): statuses are computed in memory under the store's lock,
 * the capture service decides, and ONE journal record carries the job's end together with every event and
 * master-data element it makes visible, so it is all-or-nothing across a crash by construction.
 */
import { implementationError } from '../../errors/epcis-errors';
import type { CapturedJsonSource, CommitRequest, CommitResult } from '../event-store';
import { contentDigest } from '../content-digest';
import type { EventWriteStatus, PreparedEvent, StoredEvent } from '../stored-event';
import { storedQueryFields } from '../stored-query-fields';
import { encodeVocabularyElement, foldVocabulary, mergeVocabularyElement, vocabularyKey } from '../vocabulary-merge';
import type { EmbeddedState, JournalRecord } from './embedded-state';

export interface PlannedCommit {
  result: CommitResult;
  record: JournalRecord;
}

/** Plans a capture against the current state (no side effect); the caller journals then applies `record`. */
export function planCommit(state: EmbeddedState, request: CommitRequest, now: Date): PlannedCommit {
  const { captureID } = request;
  const job = state.jobs.get(captureID);
  if (!job) throw implementationError(`No capture job ${captureID}: create the job before committing its events`);
  if (!job.running) throw implementationError(`Capture job ${captureID} is already finished`);

  // EPCIS 2.0 §7.4.1.2: identity is the `_id` key; an identical event is not stored twice, a different one conflicts.
  const written = new Map<string, PreparedEvent>();
  const statuses: EventWriteStatus[] = request.events.map((event) => {
    const holder = state.index.eventById(event._id) ?? written.get(event._id);
    if (holder) return contentDigest(holder) === contentDigest(event) ? 'identical' : 'conflict';
    written.set(event._id, event);
    return 'stored';
  });
  const outcome = request.decide(statuses);
  const duplicateCount = statuses.filter((status) => status === 'identical').length;
  const commits = !(request.behaviour === 'rollback' && !outcome.success);

  // The store takes the written events over (CommitRequest): set in place, not copied (a copy per event was a
  // transient 0.1-0.2x of a large capture's document at its commit).
  const events = (commits ? [...written.values()] : []) as StoredEvent[];
  for (const event of events) {
    // The capture service gives this store its events with their query fields (queryFieldsOnWrite false); any
    // event without them gets them here.
    event.q = storedQueryFields(event, request.namespaces ?? {});
    event.captureID = captureID;
    event.state = 'committed';
    event.recordTime = now;
  }
  const vocabulary = commits
    ? foldVocabulary(request.vocabulary).map((element) => {
        const encoded = encodeVocabularyElement(element);
        return mergeVocabularyElement(state.vocabulary.get(vocabularyKey(encoded)), encoded);
      })
    : [];
  const record: JournalRecord = {
    op: 'finish',
    captureID,
    finish: {
      success: outcome.success,
      errors: outcome.errors,
      finishedAt: now,
      storedCount: events.length,
      duplicateCount,
    },
    events,
    ...(request.namespaces !== undefined ? { namespaces: request.namespaces } : {}),
    vocabulary,
    ...(request.source && events.length > 0 ? { source: journaledSource(request.source, statuses) } : {}),
  };
  return { result: { statuses, outcome, recordTime: events.length > 0 ? now : null }, record };
}

/** The captured document of a finish record: the places in its event list of the events stored (status 'stored'). */
function journaledSource(source: CapturedJsonSource, statuses: EventWriteStatus[]): CapturedJsonSource {
  const eventIndexes: number[] = [];
  statuses.forEach((status, i) => {
    if (status !== 'stored') return;
    const place = source.eventIndexes[i];
    if (place === undefined) throw implementationError('The captured document does not place every event');
    eventIndexes.push(place);
  });
  return { ...source, eventIndexes };
}
