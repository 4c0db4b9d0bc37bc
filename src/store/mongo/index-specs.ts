/**
 * Every MongoDB index the store creates at open (DESIGN.md "MongoDB: indexes created at start for every indexed
 * query family"). The query module adds the indexes of its parameter families here.
 */
import type { IndexDescription } from 'mongodb';

export const COLLECTIONS = {
  events: 'events',
  stagedEvents: 'stagedEvents',
  captureJobs: 'captureJobs',
  vocabulary: 'vocabulary',
  instances: 'storeInstances',
} as const;

export const INDEX_SPECS: Record<keyof typeof COLLECTIONS, IndexDescription[]> = {
  events: [
    // Visibility + the common sort keys (EPCIS 2.0 §8.2.7.1 eventTime / recordTime queries and orderBy).
    { key: { eventTime: 1 }, name: 'eventTime' },
    { key: { recordTime: 1 }, name: 'recordTime' },
    { key: { type: 1 }, name: 'type' },
    { key: { eventID: 1 }, name: 'eventID' },
    { key: { captureID: 1 }, name: 'captureID' },
  ],
  // Publishing, withdrawing and recovery find a capture's claims (DESIGN.md "Capture").
  stagedEvents: [{ key: { captureID: 1 }, name: 'captureID' }],
  captureJobs: [
    // GET /capture pages by (createdAt, captureID); recovery looks for running jobs.
    { key: { createdAt: 1, captureID: 1 }, name: 'createdAt_captureID' },
    { key: { running: 1 }, name: 'running' },
  ],
  vocabulary: [
    { key: { type: 1, id: 1 }, name: 'type_id' },
    { key: { id: 1 }, name: 'id' },
  ],
  instances: [],
};
