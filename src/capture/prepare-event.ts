/**
 * Turns a valid captured event into its stored form (DESIGN.md "Canonical event model and storage"): its stored
 * content (stored-content.ts: the event as captured minus any client recordTime, EPCIS 2.0 §7.4.1), with its eventID
 * (given, or assigned), its identity key, content digest and precomputed query fields.
 */
import { encodeKey, encodeKeys } from '../model/key-codec';
import type { JsonObject, JsonValue } from '../model/types';
import { withoutClientRecordTime } from '../store/stored-content';
import { identityKey, type PreparedEvent, type QueryFields } from '../store/stored-event';

export interface EventPreparation {
  /** Assigns an eventID to an event that has none (EPCIS 2.0 REST binding: "the server should populate the event ID"). */
  assignEventId: (event: JsonObject, namespaces: Record<string, string>) => string;
  /**
   * Precomputed query fields of the stored form (src/query). Absent: the events are prepared without them, for a
   * store that computes them as it writes (EventStore.queryFieldsOnWrite).
   */
  queryFields?: (event: JsonObject, namespaces: Record<string, string>) => JsonObject;
}

export interface CaptureContext {
  captureID: string;
  owner: string;
  namespaces: Record<string, string>;
}

export { identityKey };

/**
 * Records in `out` the prefixes of the CURIE keys an event uses, with their namespaces; returns whether any key needs
 * key-codec's encoding (so that the usual event, with none, is walked once for both).
 */
function usedNamespaces(value: JsonValue, namespaces: Record<string, string>, out: Record<string, string>): boolean {
  let encode = false;
  if (Array.isArray(value)) {
    for (const item of value)
      if (item !== null && typeof item === 'object') encode = usedNamespaces(item, namespaces, out) || encode;
  } else if (value !== null && typeof value === 'object') {
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const colon = key.indexOf(':');
      if (colon > 0) {
        const prefix = key.slice(0, colon);
        const iri = Object.hasOwn(namespaces, prefix) ? namespaces[prefix] : undefined;
        if (iri !== undefined) out[prefix] = iri;
      }
      if (!encode && encodeKey(key) !== key) encode = true;
      const child = value[key]!;
      if (child !== null && typeof child === 'object') encode = usedNamespaces(child, namespaces, out) || encode;
    }
  }
  return encode;
}

export function prepareEvent(captured: JsonObject, context: CaptureContext, deps: EventPreparation): PreparedEvent {
  const given = captured['eventID'];
  const eventIDAssigned = typeof given !== 'string';
  // The stored content (stored-content.ts, step by step: the eventID is computed from the copy without recordTime) is
  // the captured event itself unless it changes (a client recordTime dropped, an eventID assigned, a key encoded).
  const event = withoutClientRecordTime(captured, eventIDAssigned);
  const eventID = eventIDAssigned ? deps.assignEventId(event, context.namespaces) : given;
  if (eventIDAssigned) event['eventID'] = eventID;
  const isErrorDeclaration = event['errorDeclaration'] !== undefined;
  // An eventID that is this event's CBV 2.0 hash identifies its content in every representation (URN or Digital
  // Link, bare word or URN, any time zone, any list order): two such events are the same event.
  const hashIdentified =
    eventIDAssigned ||
    (eventID.startsWith('ni:///sha-256;') && deps.assignEventId(event, context.namespaces) === eventID);
  const namespaces: Record<string, string> = {};
  const encode = usedNamespaces(event, context.namespaces, namespaces);
  const prepared: PreparedEvent = {
    _id: identityKey(eventID, isErrorDeclaration),
    eventID,
    isErrorDeclaration,
    // A given eventID's content is digested only if a capture meets it again (content-digest.ts).
    ...(hashIdentified ? { contentHash: eventID } : {}),
    eventIDAssigned,
    captureID: context.captureID,
    owner: context.owner,
    state: 'staged',
    recordTime: null,
    eventTime: new Date(String(event['eventTime'])),
    type: String(event['type']),
    event: encode ? encodeKeys(event) : event,
    namespaces,
  };
  if (deps.queryFields) prepared.q = deps.queryFields(event, context.namespaces) as QueryFields;
  return prepared;
}
