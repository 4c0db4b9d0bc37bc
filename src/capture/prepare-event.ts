/**
 * Turns a valid captured event into its stored form (DESIGN.md "Canonical event model and storage", stored-form.ts):
 * the event as captured minus any client recordTime (EPCIS 2.0 §7.4.1), with its eventID (given, or assigned), its
 * identity key, content digest and precomputed query fields.
 */
import type { JsonObject } from '../model/types';
import { storedForm, withoutClientRecordTime } from '../store/stored-form';
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

export function prepareEvent(captured: JsonObject, context: CaptureContext, deps: EventPreparation): PreparedEvent {
  const given = captured['eventID'];
  const eventIDAssigned = typeof given !== 'string';
  // The eventID is computed from the event without its client recordTime, which storedForm then gives it.
  const event = withoutClientRecordTime(captured, eventIDAssigned);
  const eventID = eventIDAssigned ? deps.assignEventId(event, context.namespaces) : given;
  // An eventID that is this event's CBV 2.0 hash identifies its content in every representation (URN or Digital
  // Link, bare word or URN, any time zone, any list order): two such events are the same event.
  const hashIdentified =
    eventIDAssigned ||
    (eventID.startsWith('ni:///sha-256;') && deps.assignEventId(event, context.namespaces) === eventID);
  const decisions = { eventID, eventIDAssigned, hashIdentified, captureID: context.captureID, owner: context.owner };
  const prepared = storedForm(event, decisions, context.namespaces);
  if (deps.queryFields) prepared.q = deps.queryFields(event, context.namespaces) as QueryFields;
  return prepared;
}
