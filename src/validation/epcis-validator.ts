/**
 * The EPCIS 2.0 JSON validator used by capture (POST /capture, POST /events): the project's own JSON Schema
 * (schemas/json/epcis-2.0.schema.json) plus the business rules of business-rules.ts, behind a small port.
 * Documents are checked in two steps so that each event's problem names its index and JSON pointer.
 */
import type { ProblemBody } from '../model/types';
import { documentRuleViolations, eventRuleViolations } from './business-rules';
import { compiledSchemas } from './compiled-schemas';
import type { StandardEventType } from './compiled-schemas';
import { nestingDepthViolation } from './nesting-depth';
import { validationProblem, violationFromAjv } from './validation-problem';
import type { ProblemSubject } from './validation-problem';

export interface EventLocation {
  /** Index in the document's eventList, or null for a standalone event (POST /events). */
  index: number | null;
  /** JSON pointer of the event in the request body, e.g. `/epcisBody/eventList/3` ('' for a standalone event). */
  pointer: string;
}

export interface EventValidationOptions {
  /** True for an event sent alone (POST /events): it must then carry its own `@context`. */
  standalone: boolean;
}

export interface EpcisValidator {
  /** EPCISDocument or EPCISQueryDocument, without looking into the events (but the eventList must be an array). */
  validateDocumentEnvelope(doc: unknown): ProblemBody[];
  /** One event: schema and business rules. Returns [] when the event is valid. */
  validateEvent(event: unknown, location: EventLocation, options: EventValidationOptions): ProblemBody[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const STANDARD_TYPES: ReadonlySet<string> = new Set<StandardEventType>([
  'ObjectEvent',
  'AggregationEvent',
  'TransactionEvent',
  'TransformationEvent',
  'AssociationEvent',
]);

/** The eventList arrays of a document, which the envelope check does not enter. */
function eventLists(doc: Record<string, unknown>): Set<unknown> {
  const body = doc['epcisBody'];
  const lists = new Set<unknown>();
  if (!isObject(body)) return lists;
  lists.add(body['eventList']);
  const results = body['queryResults'];
  if (isObject(results) && isObject(results['resultsBody'])) lists.add(results['resultsBody']['eventList']);
  return lists;
}

/** Where an event's problem is (built only for a problem: most events are valid). */
const subjectOf = (location: EventLocation): ProblemSubject => ({
  subject: location.index === null ? 'event' : `event ${location.index}`,
  pointer: location.pointer,
});

/** The answer for a valid event (frozen: callers may only read it). */
const NO_PROBLEMS: ProblemBody[] = Object.freeze([]) as unknown as ProblemBody[];

/** Compiles the schema (once per process; later calls share it) and returns the validator. */
export function createEpcisValidator(): EpcisValidator {
  const schemas = compiledSchemas();

  function validateDocumentEnvelope(doc: unknown): ProblemBody[] {
    const at: ProblemSubject = { subject: 'document', pointer: '' };
    if (!isObject(doc)) return [validationProblem(at, { path: '', message: 'must be a JSON object' })];
    const type = doc['type'];
    const validate =
      type === 'EPCISDocument'
        ? schemas.documentEnvelope
        : type === 'EPCISQueryDocument'
          ? schemas.queryDocumentEnvelope
          : null;
    if (!validate) {
      const message = 'type' in doc ? 'must be EPCISDocument or EPCISQueryDocument' : 'is required';
      return [validationProblem(at, { path: '/type', message })];
    }
    const tooDeep = nestingDepthViolation(doc, undefined, eventLists(doc));
    if (tooDeep) return [validationProblem(at, tooDeep)];
    if (!validate(doc)) return [validationProblem(at, violationFromAjv(validate.errors))];
    return documentRuleViolations(doc).map((v) => validationProblem(at, v));
  }

  function validateEvent(event: unknown, location: EventLocation, options: EventValidationOptions): ProblemBody[] {
    if (!isObject(event))
      return [validationProblem(subjectOf(location), { path: '', message: 'must be a JSON object' })];
    // A standalone event carries its own JSON-LD context (EPCIS 2.0 REST binding, POST /events).
    if (options.standalone && !('@context' in event)) {
      return [
        validationProblem(subjectOf(location), { path: '/@context', message: 'is required in an event sent alone' }),
      ];
    }
    const type = event['type'];
    if (typeof type !== 'string') {
      return [
        validationProblem(subjectOf(location), {
          path: '/type',
          message: 'type' in event ? 'must be a string' : 'is required',
        }),
      ];
    }
    const tooDeep = nestingDepthViolation(event);
    if (tooDeep) return [validationProblem(subjectOf(location), tooDeep)];
    const validate = STANDARD_TYPES.has(type) ? schemas.events[type as StandardEventType] : schemas.extensionEvent;
    if (!validate(event)) return [validationProblem(subjectOf(location), violationFromAjv(validate.errors))];
    const violations = eventRuleViolations(event);
    return violations.length === 0 ? NO_PROBLEMS : violations.map((v) => validationProblem(subjectOf(location), v));
  }

  return { validateDocumentEnvelope, validateEvent };
}
