/**
 * The `event` of a stored event, made from the event as captured (DESIGN.md "Canonical event model and storage"):
 * the captured event minus any client recordTime (EPCIS 2.0 §7.4.1: ignored on capture, set by the server at commit),
 * with its eventID when the server assigned one, keys made safe by key-codec. The capture pipeline builds it in steps
 * (prepare-event.ts: the eventID is computed from the copy without recordTime); the embedded store's journal replay
 * rebuilds it from the captured document in one call (replay-captured-events.ts). Both use the functions here, so that
 * the two give the same object, key order included.
 */
import { encodeKeys } from '../model/key-codec';
import type { JsonObject } from '../model/types';

/**
 * The captured event without a client recordTime: the event itself when it has none and is not to be given an
 * eventID, else a copy (the caller's event is never modified).
 */
export function withoutClientRecordTime(captured: JsonObject, eventIDAssigned: boolean): JsonObject {
  if (!eventIDAssigned && !Object.hasOwn(captured, 'recordTime')) return captured;
  const { recordTime: _ignored, ...event } = captured;
  return event;
}

/** The stored content of a captured event, given its eventID and whether the server assigned it. */
export function storedContent(captured: JsonObject, eventID: string, eventIDAssigned: boolean): JsonObject {
  const event = withoutClientRecordTime(captured, eventIDAssigned);
  if (eventIDAssigned) event['eventID'] = eventID;
  return encodeKeys(event);
}
