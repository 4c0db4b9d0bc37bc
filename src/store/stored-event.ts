/**
 * The stored form of an event, shared by both store adapters (DESIGN.md "Canonical event model and storage").
 * The source of truth is `event`, the standard JSON form with keys made safe for MongoDB by `key-codec.ts`;
 * the other fields are server bookkeeping and precomputed query fields.
 */
import type { JsonObject } from '../model/types';
import { flatConcat } from '../model/flat-string';

export interface StoredEvent {
  /**
   * Identity key. EPCIS 2.0 §7.4.1.2: an error declaration carries the same eventID as the event it corrects,
   * "the sole case where the same non-null eventID may appear in two events", so the key is
   * `ev|<eventID>` for an event and `ed|<eventID>` for its error declaration.
   */
  _id: string;
  eventID: string;
  /** Whether the event carries an `errorDeclaration`. */
  isErrorDeclaration: boolean;
  /**
   * What tells an identical re-capture apart from a conflict: the eventID of a hash-identified event (its CBV 2.0
   * hash covers the content), or SHA-256 of the canonical content (all fields but recordTime). Absent when the
   * capture left it to be computed on demand (content-digest.ts `contentDigest`).
   */
  contentHash?: string;
  /** Whether the server assigned the eventID (it was absent on capture). */
  eventIDAssigned: boolean;
  captureID: string;
  owner: string;
  /** `staged` while its capture is undecided (invisible to every read), `committed` once visible. */
  state: 'staged' | 'committed';
  /** Set by the server when the capture commits (EPCIS 2.0 §7.4.1: a client value is ignored). */
  recordTime: Date | null;
  eventTime: Date;
  type: string;
  /** The event as captured, with keys encoded by key-codec (no `.`, no leading `$`). */
  event: JsonObject;
  /**
   * The namespace of every CURIE prefix used in the event's extension keys (prefix -> IRI, from the document's
   * `@context` or the XML namespace declarations), so that extensions are kept with their namespace URI.
   */
  namespaces: Record<string, string>;
  /** Precomputed query fields (normalised EPCs, CBV values, flattened extensions...), see src/query. */
  q: QueryFields;
}

/** A stored event without its query fields: all that rendering it in a response needs. */
export type StoredContent = Omit<StoredEvent, 'q'>;

/**
 * An event as the capture service hands it to a store (CommitRequest): its stored form, with `q` left out when the
 * store computes the query fields itself as it writes each event (EventStore.queryFieldsOnWrite).
 */
export type PreparedEvent = StoredContent & { q?: QueryFields };

/** The identity key (`_id`) of an event: EPCIS 2.0 §7.4.1.2, an error declaration shares its eventID. */
export const identityKey = (eventID: string, isErrorDeclaration: boolean): string =>
  flatConcat(isErrorDeclaration ? 'ed|' : 'ev|', eventID);

/**
 * A value of the precomputed query fields: JSON plus Dates, since times are compared as Dates by both adapters
 * (DESIGN.md "precomputed query fields: ... times as Dates"; the embedded journal restores them as Dates).
 */
export type QueryValue = string | number | boolean | null | Date | QueryValue[] | { [key: string]: QueryValue };
export type QueryFields = { [key: string]: QueryValue };

/** The result of writing one event of a capture. */
export type EventWriteStatus =
  /** Newly stored. */
  | 'stored'
  /** An identical event (same identity key, same content hash) was already stored: nothing stored again. */
  | 'identical'
  /** A different event is stored under the same identity key: rejected. */
  | 'conflict';
