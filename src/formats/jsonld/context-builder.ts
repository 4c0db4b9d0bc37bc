/**
 * Builds the EPCIS 2.0 JSON-LD context document from the project's own tables (EPCIS 2.0 §9 JSON/JSON-LD binding;
 * EPCIS-DIGEST §e "JSON-LD context"). The result states the same term definitions as the GS1 context (`@version`
 * 1.1, every term `@protected`, CBV bare words mapped by type-scoped contexts), so expanding a document with it gives
 * the same RDF as the GS1 file. `write-contexts.ts` writes it to `schemas/contexts/`; a unit test keeps the committed
 * files equal to this output.
 */
import {
  BIZ_STEPS,
  BIZ_TRANSACTION_TYPES,
  COMPONENTS,
  DISPOSITIONS,
  ERROR_REASONS,
  EVENT_TYPES,
  SENSOR_ALERT_TYPES,
  SOURCE_DESTINATION_TYPES,
} from '../../cbv/vocabulary';
import { MEASUREMENT_TYPES } from '../../cbv/measurement-types';
import type { JsonObject } from '../../model/types';
import { buildSimpleEpcisContext } from './context-builder-simple';
import { EPCIS_FIXED_PREFIXES, standardPrefixes } from './context-prefixes';
import type { EpcisContextVariant } from './context-variants';

const epcis = (name: string): string => `epcis:${name}`;

/** A property whose value is an IRI (node reference). */
const iriProperty = (name: string): JsonObject => ({ '@id': epcis(name), '@type': '@id' });
/** A property whose values are an unordered set of IRIs. */
const iriSet = (name: string): JsonObject => ({ '@id': epcis(name), '@type': '@id', '@container': '@set' });
/** A property whose values are an unordered set of objects. */
const objectSet = (name: string): JsonObject => ({ '@id': epcis(name), '@container': '@set' });
const typed = (name: string, datatype: string): JsonObject => ({ '@id': epcis(name), '@type': datatype });

/** Bare word -> CURIE, e.g. `receiving` -> `cbv:BizStep-receiving` (CBV 2.0 Web URI form). */
const wordMap = (words: readonly string[], curiePrefix: string): JsonObject =>
  Object.fromEntries(words.map((word) => [word, `${curiePrefix}${word}`]));

/** A property whose value is a vocabulary word or IRI (`@type: @vocab`) with its bare words in a scoped context. */
const vocabProperty = (name: string, words: readonly string[], curiePrefix: string): JsonObject => ({
  '@id': epcis(name),
  '@type': '@vocab',
  '@context': wordMap(words, curiePrefix),
});

/** Scoped contexts re-declare `epcis` and stay protected, like the top level. */
const protectedScope = (terms: JsonObject): JsonObject => ({
  '@protected': true,
  epcis: EPCIS_FIXED_PREFIXES.epcis,
  ...terms,
});

const DATE_TIME_STAMP = 'xsd:dateTimeStamp';
const DOUBLE = 'xsd:double';

/** sourceList / destinationList entries (EPCIS 2.0 §7.3.5.4.2; CBV source/destination types). */
const sourceOrDestinationList = (listName: string, entryName: string): JsonObject => ({
  ...objectSet(listName),
  '@context': protectedScope({
    [entryName]: iriProperty('sourceOrDestination'),
    type: vocabProperty('sourceOrDestinationType', SOURCE_DESTINATION_TYPES, 'cbv:SDT-'),
  }),
});

/** sensorReport (EPCIS 2.0 §7.3.8.3). */
const sensorReport = (): JsonObject => ({
  '@id': epcis('sensorReport'),
  '@context': protectedScope({
    type: vocabProperty('measurementType', MEASUREMENT_TYPES, 'gs1:'),
    exception: vocabProperty('exception', SENSOR_ALERT_TYPES, 'gs1:'),
    coordinateReferenceSystem: iriProperty('coordinateReferenceSystem'),
    microorganism: iriProperty('microorganism'),
    chemicalSubstance: iriProperty('chemicalSubstance'),
    uriValue: iriProperty('uriValue'),
    time: typed('time', DATE_TIME_STAMP),
    value: typed('value', DOUBLE),
    minValue: typed('minValue', DOUBLE),
    maxValue: typed('maxValue', DOUBLE),
    meanValue: typed('meanValue', DOUBLE),
    sDev: typed('sDev', DOUBLE),
    percRank: typed('percRank', DOUBLE),
    percValue: typed('percValue', DOUBLE),
    component: vocabProperty('component', COMPONENTS, 'cbv:Comp-'),
    stringValue: epcis('stringValue'),
    booleanValue: typed('booleanValue', 'xsd:boolean'),
    hexBinaryValue: typed('hexBinaryValue', 'xsd:hexBinary'),
  }),
});

/** sensorElementList (EPCIS 2.0 §7.3.8). */
const sensorElementList = (): JsonObject => ({
  ...objectSet('sensorElementList'),
  '@context': protectedScope({
    type: '@type',
    deviceID: iriProperty('deviceID'),
    deviceMetadata: iriProperty('deviceMetadata'),
    rawData: iriProperty('rawData'),
    dataProcessingMethod: iriProperty('dataProcessingMethod'),
    time: typed('time', DATE_TIME_STAMP),
    sensorMetadata: {
      '@id': epcis('sensorMetadata'),
      '@context': protectedScope({
        startTime: typed('startTime', DATE_TIME_STAMP),
        endTime: typed('endTime', DATE_TIME_STAMP),
        bizRules: iriProperty('bizRules'),
      }),
    },
    sensorReport: sensorReport(),
  }),
});

/** The event fields (EPCIS 2.0 §7.4 event types, §7.3 data types). */
const eventTerms = (variant: EpcisContextVariant): JsonObject => ({
  eventID: '@id',
  eventTime: typed('eventTime', DATE_TIME_STAMP),
  recordTime: typed('recordTime', DATE_TIME_STAMP),
  eventTimeZoneOffset: epcis('eventTimeZoneOffset'),
  action: epcis('action'),
  certificationInfo: iriSet('certificationInfo'),
  bizStep: vocabProperty('bizStep', BIZ_STEPS, 'cbv:BizStep-'),
  disposition: vocabProperty('disposition', DISPOSITIONS, 'cbv:Disp-'),
  persistentDisposition: {
    ...objectSet('persistentDisposition'),
    '@context': [
      wordMap(DISPOSITIONS, 'cbv:Disp-'),
      protectedScope({
        set: { '@id': epcis('set'), '@type': '@vocab', '@container': '@set' },
        unset: { '@id': epcis('unset'), '@type': '@vocab', '@container': '@set' },
      }),
    ],
  },
  readPoint: iriProperty('readPoint'),
  bizLocation: iriProperty('bizLocation'),
  bizTransactionList: {
    ...objectSet('bizTransactionList'),
    '@context': protectedScope({
      bizTransaction: '@id',
      type: vocabProperty('bizTransactionType', BIZ_TRANSACTION_TYPES, 'cbv:BTT-'),
    }),
  },
  sourceList: sourceOrDestinationList('sourceList', 'source'),
  destinationList: sourceOrDestinationList('destinationList', 'destination'),
  epcList: iriSet('epcList'),
  parentID: iriProperty('parentID'),
  childEPCs: iriSet('childEPCs'),
  inputEPCList: iriSet('inputEPCList'),
  outputEPCList: iriSet('outputEPCList'),
  transformationID: iriProperty('transformationID'),
  quantityList: objectSet('quantityList'),
  childQuantityList: objectSet('childQuantityList'),
  inputQuantityList: objectSet('inputQuantityList'),
  outputQuantityList: objectSet('outputQuantityList'),
  epcClass: iriProperty('epcClass'),
  quantity: typed('quantity', variant.quantityType),
  uom: epcis('uom'),
  ilmd: { '@id': epcis('ilmd') },
  sensorElementList: sensorElementList(),
  errorDeclaration: {
    '@id': epcis('errorDeclaration'),
    '@context': protectedScope({
      declarationTime: typed('declarationTime', DATE_TIME_STAMP),
      reason: vocabProperty('reason', ERROR_REASONS, 'cbv:ER-'),
      correctiveEventIDs: iriSet('correctiveEventIDs'),
    }),
  },
});

/** Document-level fields (EPCIS 2.0 §9.2 EPCISDocument / EPCISQueryDocument; pseudo-SBDH header fields). */
const documentTerms = (): JsonObject => ({
  EPCISDocument: epcis('EPCISDocument'),
  EPCISQueryDocument: epcis('EPCISQueryDocument'),
  schemaVersion: 'owl:versionInfo',
  creationDate: { '@id': 'dcterms:created', '@type': 'xsd:dateTime' },
  instanceIdentifier: epcis('instanceIdentifier'),
  sender: typed('sender', 'xsd:string'),
  receiver: typed('receiver', 'xsd:string'),
  epcisHeader: epcis('epcisHeader'),
  masterData: epcis('masterData'),
  vocabularyList: epcis('vocabularyList'),
  children: iriSet('children'),
  epcisBody: epcis('epcisBody'),
  eventList: { '@id': epcis('eventList') },
  queryResults: epcis('queryResults'),
  queryName: epcis('queryName'),
  subscriptionID: epcis('subscriptionID'),
  resultsBody: epcis('resultsBody'),
  Collection: epcis('Collection'),
  member: { '@id': 'rdfs:member', '@type': '@id', '@container': '@set' },
});

/** The complete context document (`{"@context": {...}}`) for one variant. */
export function buildEpcisContext(variant: EpcisContextVariant): JsonObject {
  if (variant.style === 'simple') return buildSimpleEpcisContext(variant);
  const context: JsonObject = {
    '@protected': true,
    '@version': 1.1,
    ...standardPrefixes(variant),
    id: '@id',
    type: '@type',
    baseURL: '@base',
    ...Object.fromEntries(EVENT_TYPES.map((eventType) => [eventType, epcis(eventType)])),
    ...eventTerms(variant),
    ...documentTerms(),
  };
  return { '@context': context };
}

/** The file text written to `schemas/contexts/` (2-space JSON, trailing newline). */
export const serialiseContext = (document: JsonObject): string => `${JSON.stringify(document, null, 2)}\n`;
