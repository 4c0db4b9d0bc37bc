/**
 * The canonical event model: an EPCIS event in its standard JSON form (EPCIS 2.0 JSON binding: bare CBV words,
 * CURIE extension keys), exactly as it is returned to clients. See DESIGN.md "Canonical event model".
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** An EPCIS event as a JSON object (ObjectEvent, AggregationEvent, ..., or an extension event type). */
export type EpcisEvent = JsonObject;

/** GS1-Capture-Error-Behaviour (EPCIS 2.0 REST binding; `all` is only announced by the server). */
export type CaptureErrorBehaviour = 'rollback' | 'proceed';

/** An RFC 7807 problem body, as listed in a capture job's `errors`. */
export interface ProblemBody {
  type: string;
  title: string;
  status?: number;
  detail?: string;
  instance?: string;
}

/** The CaptureJob resource (EPCIS 2.0 REST binding, components/schemas/CaptureJob) plus server bookkeeping. */
export interface CaptureJobRecord {
  captureID: string;
  running: boolean;
  success: boolean;
  captureErrorBehaviour: CaptureErrorBehaviour;
  createdAt: Date;
  finishedAt: Date | null;
  errors: ProblemBody[];
  /** Who submitted the capture (a principal id; `anonymous` until authentication exists). */
  owner: string;
  /** Number of events in the submitted document. */
  eventCount: number;
  /** Events newly stored, and events recognised as already stored (idempotent re-capture). */
  storedCount: number;
  duplicateCount: number;
}

/** A master-data vocabulary element (EPCIS 2.0 §6.5; JSON `epcisHeader.epcisMasterData.vocabularyList`). */
export interface VocabularyElementRecord {
  /** Vocabulary type URI, e.g. `urn:epcglobal:epcis:vtype:BusinessLocation`. */
  type: string;
  id: string;
  attributes: { id: string; attribute: JsonValue }[];
  children: string[];
}
