/**
 * Every MongoDB index the store creates at open (DESIGN.md "MongoDB: indexes created at start for every indexed
 * query family"). The query module adds the indexes of its parameter families here.
 */
import type { IndexDescription } from 'mongodb';
import { QUERY_INDEXES } from '../../query/fields/indexes';

export const COLLECTIONS = {
  events: 'events',
  stagedEvents: 'stagedEvents',
  pendingCaptures: 'pendingCaptures',
  captureJobs: 'captureJobs',
  vocabulary: 'vocabulary',
  instances: 'storeInstances',
  queries: 'queries',
  companyPrefixes: 'companyPrefixes',
} as const;

const BASE_EVENT_INDEXES: IndexDescription[] = [
  // Visibility + the common sort keys (EPCIS 2.0 §8.2.7.1 eventTime / recordTime queries and orderBy).
  { key: { eventTime: 1 }, name: 'eventTime' },
  { key: { recordTime: 1 }, name: 'recordTime' },
  { key: { type: 1 }, name: 'type' },
  { key: { eventID: 1 }, name: 'eventID' },
  { key: { captureID: 1 }, name: 'captureID' },
];

const keyOf = (spec: IndexDescription): string => JSON.stringify(spec.key);

/** The query families' indexes (issue 4, Build 2), minus any whose key a base index already has. */
const QUERY_EVENT_INDEXES: IndexDescription[] = QUERY_INDEXES.map((sort): IndexDescription => ({
  key: Object.fromEntries(sort),
  name: `q_${sort.map(([field, direction]) => `${field.replace(/[^A-Za-z0-9]/g, '_')}_${direction}`).join('_')}`.slice(
    0,
    120,
  ),
})).filter((spec) => !BASE_EVENT_INDEXES.some((base) => keyOf(base) === keyOf(spec)));

export const INDEX_SPECS: Record<keyof typeof COLLECTIONS, IndexDescription[]> = {
  events: [...BASE_EVENT_INDEXES, ...QUERY_EVENT_INDEXES],
  // Releasing and recovery find a capture's claims (DESIGN.md "Capture").
  stagedEvents: [{ key: { captureID: 1 }, name: 'captureID' }],
  pendingCaptures: [],
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
  // Named queries are keyed by name (`_id`): the default index serves lookups and listing.
  queries: [],
  // Learned company prefix lengths, keyed by the digits (`_id`): always read whole.
  companyPrefixes: [],
};
