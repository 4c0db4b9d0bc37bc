/**
 * The XSD sequence of every event type (EPCglobal-epcis-2_0.xsd as digested in EPCIS-DIGEST §e "Common event
 * fields" and "Per-event fields", §f rule 10). XML output must follow it exactly.
 */
export const COMMON_FIELDS = [
  'eventTime',
  'recordTime',
  'eventTimeZoneOffset',
  'eventID',
  'errorDeclaration',
  'certificationInfo',
] as const;

const WHAT_WHERE_WHY = ['bizStep', 'disposition', 'readPoint', 'bizLocation'] as const;
const TAIL = ['sourceList', 'destinationList', 'sensorElementList', 'persistentDisposition'] as const;

export const EVENT_FIELD_ORDER: Readonly<Record<string, readonly string[]>> = {
  ObjectEvent: ['epcList', 'action', ...WHAT_WHERE_WHY, 'bizTransactionList', 'quantityList', ...TAIL, 'ilmd'],
  AggregationEvent: [
    'parentID',
    'childEPCs',
    'action',
    ...WHAT_WHERE_WHY,
    'bizTransactionList',
    'childQuantityList',
    ...TAIL,
  ],
  TransactionEvent: ['bizTransactionList', 'parentID', 'epcList', 'action', ...WHAT_WHERE_WHY, 'quantityList', ...TAIL],
  TransformationEvent: [
    'inputEPCList',
    'inputQuantityList',
    'outputEPCList',
    'outputQuantityList',
    'transformationID',
    ...WHAT_WHERE_WHY,
    'bizTransactionList',
    ...TAIL,
    'ilmd',
  ],
  AssociationEvent: [
    'parentID',
    'childEPCs',
    'childQuantityList',
    'action',
    ...WHAT_WHERE_WHY,
    'bizTransactionList',
    ...TAIL,
  ],
};

/** For a custom (extension) event type: every standard field, in a fixed order (its content is not checked). */
export const ANY_EVENT_FIELD_ORDER: readonly string[] = [
  'parentID',
  'epcList',
  'childEPCs',
  'inputEPCList',
  'inputQuantityList',
  'outputEPCList',
  'outputQuantityList',
  'transformationID',
  'action',
  ...WHAT_WHERE_WHY,
  'bizTransactionList',
  'quantityList',
  'childQuantityList',
  ...TAIL,
  'ilmd',
];
