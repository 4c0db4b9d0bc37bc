/**
 * Every MongoDB index the store creates at open (DESIGN.md "MongoDB: indexes created at start for every indexed
 * query family"). The query module adds the indexes of its parameter families here.
 */
import type { IndexDescription } from 'mongodb';
import { QUERY_INDEXES } from '../../query/fields/indexes';
import { TERM_PATHS, TERMS_FIELD } from './index-terms';

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

/**
 * `events` has no index on captureID: recovery and rollback find a capture's events through its claims
 * (mongo-pending.ts). The index an earlier version created is dropped (`isUnusedEventIndex`). (eventID is served by
 * `_id`: index-terms.ts.)
 */
const BASE_EVENT_INDEXES: IndexDescription[] = [];

export const TERMS_INDEX = 'terms';

const keyOf = (spec: IndexDescription): string => JSON.stringify(spec.key);

/**
 * The query families' indexes (issue 4, Build 2): the time sorts (EPCIS 2.0 §8.2.7.1 eventTime / recordTime
 * queries and orderBy) as their own indexes, and every equality family in the one `qt` index (index-terms.ts).
 */
const QUERY_EVENT_INDEXES: IndexDescription[] = [
  ...QUERY_INDEXES.filter((sort) => !TERM_PATHS.includes(sort[0]![0]) && sort[0]![0] !== 'eventID').map(
    (sort): IndexDescription => ({
      key: Object.fromEntries(sort),
      name: `q_${sort.map(([field, direction]) => `${field.replace(/[^A-Za-z0-9]/g, '_')}_${direction}`).join('_')}`,
    }),
  ),
  { key: { [TERMS_FIELD]: 1 }, name: TERMS_INDEX },
].filter((spec) => !BASE_EVENT_INDEXES.some((base) => keyOf(base) === keyOf(spec)));

/**
 * Indexes of the earlier layout (mongo-index-layout.ts): one per equality family (`q_q_<field>_1`, now in `terms`),
 * single time and type indexes that the compound time indexes made redundant, and eventID (served by `_id`).
 */
export const isObsoleteEventIndex = (name: string): boolean =>
  name.startsWith('q_q_') || ['eventTime', 'recordTime', 'type', 'eventID'].includes(name);

/**
 * An index of `events` that earlier versions created and the current layout never reads: dropped at open from a
 * database of the current layout (a database of the earlier layout keeps it: its recovery searches by captureID).
 */
export const isUnusedEventIndex = (name: string): boolean => name === 'captureID';

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
