/**
 * EPCIS 2.0 rules that the JSON Schema does not state. They run only after the schema has accepted the value, so
 * the shapes are known; they still read defensively. Each rule cites the section it comes from
 * ([K] = EPCIS 1.2/2.0 text not in the GS1 artefacts, see EPCIS-DIGEST evidence tags).
 */
import type { Violation } from './validation-problem';
import { identifierViolations } from './identifier-rules';

type Obj = Record<string, unknown>;

const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const nonEmptyArray = (value: unknown): boolean => Array.isArray(value) && value.length > 0;

/**
 * A timestamp must denote a real instant that the server can store and compare. ajv-formats already rejects
 * impossible calendar dates (e.g. Feb 30); this catches what it lets through but a Date cannot hold, such as a leap
 * second `23:59:60`. EPCIS 2.0 §7.3.1 (time values are instants with a time zone) [K].
 */
function timestampViolation(value: unknown, path: string): Violation | null {
  if (typeof value !== 'string') return null;
  return Number.isFinite(Date.parse(value))
    ? null
    : { path, message: 'must be a real date-time (it cannot be represented as an instant)' };
}

function checkTimestamp(value: unknown, path: string, found: Violation[]): void {
  const violation = timestampViolation(value, path);
  if (violation !== null) found.push(violation);
}

function eventTimestamps(event: Obj, found: Violation[]): void {
  checkTimestamp(event['eventTime'], '/eventTime', found);
  checkTimestamp(event['recordTime'], '/recordTime', found);
  const declaration = event['errorDeclaration'];
  if (isObj(declaration)) checkTimestamp(declaration['declarationTime'], '/errorDeclaration/declarationTime', found);
  const sensors = event['sensorElementList'];
  if (!Array.isArray(sensors)) return;
  sensors.forEach((element: unknown, i) => {
    if (!isObj(element)) return;
    const meta = element['sensorMetadata'];
    if (isObj(meta)) {
      for (const key of ['time', 'startTime', 'endTime']) {
        checkTimestamp(meta[key], `/sensorElementList/${i}/sensorMetadata/${key}`, found);
      }
    }
    const reports = element['sensorReport'];
    if (Array.isArray(reports)) {
      reports.forEach((report: unknown, j) => {
        if (isObj(report)) checkTimestamp(report['time'], `/sensorElementList/${i}/sensorReport/${j}/time`, found);
      });
    }
  });
}

/** EPCIS 2.0 §7.4.2 (ObjectEvent, field ilmd) [K]: ILMD describes objects being created, so only with action ADD. */
function ilmdOnlyWhenAdding(event: Obj, found: Violation[]): void {
  if (event['type'] !== 'ObjectEvent' || !('ilmd' in event) || event['action'] === 'ADD') return;
  found.push({ path: '/ilmd', message: 'is only allowed when action is ADD' });
}

/**
 * EPCIS 2.0 §7.4.3 (AggregationEvent, field parentID) [K]: "Required when action is ADD or DELETE; optional when
 * action is OBSERVE". No GS1 full-context example breaks it (checked by the conformance test).
 */
function aggregationParent(event: Obj, found: Violation[]): void {
  if (event['type'] !== 'AggregationEvent' || 'parentID' in event) return;
  const action = event['action'];
  if (action === 'ADD' || action === 'DELETE')
    found.push({ path: '/parentID', message: `is required in an AggregationEvent whose action is ${action}` });
}

/**
 * EPCIS 2.0 §7.4.6 (TransformationEvent) [K]: at least one input and one output, unless a transformationID links
 * the event to other events of the same transformation, in which case any one non-empty list suffices.
 */
function transformationLists(event: Obj, found: Violation[]): void {
  if (event['type'] !== 'TransformationEvent') return;
  const hasInput = nonEmptyArray(event['inputEPCList']) || nonEmptyArray(event['inputQuantityList']);
  const hasOutput = nonEmptyArray(event['outputEPCList']) || nonEmptyArray(event['outputQuantityList']);
  if ((hasInput && hasOutput) || ('transformationID' in event && (hasInput || hasOutput))) return;
  found.push({
    path: '',
    message:
      'must have a non-empty input list and a non-empty output list, or a transformationID and at least one ' +
      'non-empty input or output list',
  });
}

const QUANTITY_LISTS = ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'] as const;

/** EPCIS 2.0 §7.3.3.3 (QuantityElement) [K]: `uom` qualifies `quantity`, so it may appear only with a quantity. */
function uomNeedsQuantity(event: Obj, found: Violation[]): void {
  for (const list of QUANTITY_LISTS) {
    const elements = event[list];
    if (!Array.isArray(elements)) continue;
    for (let i = 0; i < elements.length; i++) {
      const element: unknown = elements[i];
      if (isObj(element) && 'uom' in element && !('quantity' in element)) {
        found.push({ path: `/${list}/${i}/uom`, message: 'is only allowed together with quantity' });
      }
    }
  }
}

/** Each rule appends its violations, in order, to `found` (one list per event instead of one per rule). */
const EVENT_RULES: readonly ((event: Obj, found: Violation[]) => void)[] = [
  eventTimestamps,
  ilmdOnlyWhenAdding,
  aggregationParent,
  transformationLists,
  uomNeedsQuantity,
  identifierViolations,
];

/** Business-rule violations of one schema-valid event, paths relative to the event. */
export function eventRuleViolations(event: unknown): Violation[] {
  if (!isObj(event)) return [];
  const found: Violation[] = [];
  for (const rule of EVENT_RULES) rule(event, found);
  return found;
}

/** Business-rule violations of a schema-valid document envelope (EPCIS 2.0 §9.3, creationDate) [K]. */
export function documentRuleViolations(doc: unknown): Violation[] {
  if (!isObj(doc)) return [];
  const creation = timestampViolation(doc['creationDate'], '/creationDate');
  return creation ? [creation] : [];
}
