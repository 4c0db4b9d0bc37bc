/**
 * The paths of the precomputed query fields inside a stored event (`StoredEvent.q`), shared by
 * `computeQueryFields` (writer) and the translator (reader) so that the two cannot drift apart.
 * Field names that come from data (extension field IRIs, sensor types) are made safe with key-codec's
 * `encodeKey` (no `.`, no leading `$`; SECURITY-AND-PERFORMANCE-NOTES 1.2.12).
 */
import { encodeKey } from '../../model/key-codec';
import type { ExtensionScope, SensorMetric } from '../params/query-types';
import { flatConcat } from '../../model/flat-string';

/** Separator of composite `<type>|<value>` strings; `|` cannot appear unescaped in a URI (RFC 3986). */
export const SEP = '|';

export const composite = (type: string, value: string): string => flatConcat(type, SEP, value);

/** `event`, `eventInner`, `ilmd`, `ilmdInner`, ... */
export const extensionFamily = (scope: ExtensionScope, inner: boolean): string => (inner ? `${scope}Inner` : scope);

export const Q = {
  type: 'q.type',
  action: 'q.action',
  bizStep: 'q.bizStep',
  disposition: 'q.disposition',
  persistentDispositionSet: 'q.pdSet',
  persistentDispositionUnset: 'q.pdUnset',
  readPoint: 'q.readPoint',
  bizLocation: 'q.bizLocation',
  transformationID: 'q.transformationID',
  epc: 'q.epc',
  parentID: 'q.parentID',
  inputEPC: 'q.inputEPC',
  outputEPC: 'q.outputEPC',
  epcClass: 'q.epcClass',
  inputEPCClass: 'q.inputEPCClass',
  outputEPCClass: 'q.outputEPCClass',
  quantity: 'q.qty',
  bizTransaction: 'q.bizTx',
  source: 'q.source',
  destination: 'q.destination',
  errorDeclaration: 'q.ed',
  errorDeclarationTime: 'q.ed.time',
  errorReason: 'q.ed.reason',
  correctiveEventID: 'q.ed.corrective',
  sensor: 'q.sensor',
  /** Composite-free equality lists of sensor attributes: `q.sensor.<field>`. */
  sensorField: (field: string) => `q.sensor.${field}`,
  /** Base-unit values of every report, any type: `q.sensor.m.<metric>.<baseUnit>`. */
  sensorMetric: (metric: SensorMetric, unit: string) => `q.sensor.m.${metric}.${encodeKey(unit)}`,
  /** Base-unit values of the reports of one type: `q.sensor.mt.<type>.<metric>.<baseUnit>`. */
  sensorTypedMetric: (type: string, metric: SensorMetric, unit: string) =>
    `q.sensor.mt.${encodeKey(type)}.${metric}.${encodeKey(unit)}`,
  /** Quantities converted to the base unit: `q.qtyBase.<baseUnit>`. */
  quantityBase: (unit: string) => `q.qtyBase.${encodeKey(unit)}`,
  /** `<fieldIRI>|<string value>` for EQ_ on extension fields. */
  extensionEq: (family: string) => `q.x.eq.${family}`,
  /** Field IRIs present, for EXISTS_. */
  extensionHas: (family: string) => `q.x.has.${family}`,
  extensionNumber: (family: string, field: string) => `q.x.num.${family}.${encodeKey(field)}`,
  extensionTime: (family: string, field: string) => `q.x.time.${family}.${encodeKey(field)}`,
  /** One scalar per top-level extension field, for orderBy. */
  extensionSort: (field: string) => `q.x.sort.${encodeKey(field)}`,
} as const;
