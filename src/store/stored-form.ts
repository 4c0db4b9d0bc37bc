/**
 * The stored form of a captured event (DESIGN.md "Canonical event model and storage"), from the event as captured and
 * what capture decided about it (its eventID, whether the server assigned it, whether it is the event's CBV 2.0 hash)
 * and the capture's namespaces: everything else in it is a function of those. The capture pipeline builds it
 * (prepare-event.ts, which first computes the eventID from the event without its recordTime); the embedded store's
 * journal replay rebuilds it from the captured document and the journaled decisions (replay-captured-events.ts).
 * Both use `storedForm`, so that the two give the same object, key order included.
 */
import { encodeKeys, keyNeedsEncoding } from '../model/key-codec';
import type { JsonObject, JsonValue } from '../model/types';
import { identityKey, type PreparedEvent } from './stored-event';

/** What capture decided about an event, besides its content. */
export interface CaptureDecisions {
  eventID: string;
  /** The eventID was absent and the server assigned it (the event's CBV 2.0 hash). */
  eventIDAssigned: boolean;
  /** The eventID is the event's CBV 2.0 hash: it identifies the content (content-digest.ts). */
  hashIdentified: boolean;
  captureID: string;
  owner: string;
}

/**
 * The captured event minus any client recordTime (EPCIS 2.0 §7.4.1: ignored on capture, set by the server at commit):
 * the event itself when it has none and is not to be given an eventID, else a copy (the caller's event is never
 * modified).
 */
export function withoutClientRecordTime(captured: JsonObject, eventIDAssigned: boolean): JsonObject {
  if (!eventIDAssigned && !Object.hasOwn(captured, 'recordTime')) return captured;
  const { recordTime: _ignored, ...event } = captured;
  return event;
}

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
      if (!encode && keyNeedsEncoding(key)) encode = true;
      const child = value[key]!;
      if (child !== null && typeof child === 'object') encode = usedNamespaces(child, namespaces, out) || encode;
    }
  }
  return encode;
}

/**
 * The stored form of an event, staged (not yet committed) and without query fields. `event`: the captured event
 * without its client recordTime (`withoutClientRecordTime`, which it may be: then it is given its eventID when
 * assigned, and kept as the stored content unless a key needs encoding).
 */
export function storedForm(
  event: JsonObject,
  decisions: CaptureDecisions,
  captureNamespaces: Record<string, string>,
): PreparedEvent {
  const { eventID, eventIDAssigned } = decisions;
  if (eventIDAssigned) event['eventID'] = eventID;
  const isErrorDeclaration = event['errorDeclaration'] !== undefined;
  const namespaces: Record<string, string> = {};
  const encode = usedNamespaces(event, captureNamespaces, namespaces);
  const _id = identityKey(eventID, isErrorDeclaration);
  const { captureID, owner } = decisions;
  const eventTime = new Date(String(event['eventTime']));
  const type = String(event['type']);
  const content = encode ? encodeKeys(event) : event;
  // Two literals rather than one with a spread: this runs for every captured event, and a literal is built from its
  // template in one step. A given eventID's content is digested only if a capture meets it again (content-digest.ts).
  // prettier-ignore
  return decisions.hashIdentified
    ? { _id, eventID, isErrorDeclaration, contentHash: eventID, eventIDAssigned, captureID, owner, state: 'staged',
        recordTime: null, eventTime, type, event: content, namespaces }
    : { _id, eventID, isErrorDeclaration, eventIDAssigned, captureID, owner, state: 'staged',
        recordTime: null, eventTime, type, event: content, namespaces };
}
