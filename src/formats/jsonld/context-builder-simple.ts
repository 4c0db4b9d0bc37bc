/**
 * Builds the older "simple" EPCIS JSON-LD context (`https://gs1.github.io/EPCIS/epcis-context-simple.jsonld`;
 * EPCIS-DIGEST §e "JSON-LD context"): every unknown key falls into the EPCIS vocabulary through `@vocab`, and CBV
 * words are resolved by a scoped `@vocab` (e.g. `BizStep-`) instead of one term per word. Served so that documents
 * written against it can be captured; the GS1 examples written for it mostly fail the JSON Schema (§g).
 */
import type { JsonObject } from '../../model/types';
import { EPCIS_FIXED_PREFIXES, W3C_PREFIXES } from './context-prefixes';
import type { EpcisContextVariant } from './context-variants';

const CBV = EPCIS_FIXED_PREFIXES.cbv;
/** The simple context maps sensor alert words under the 2.0.1 GS1 vocabulary namespace. */
const SENSOR_ALERT_NAMESPACE = 'https://ref.gs1.org/voc/';

const ofType = (datatype: string): JsonObject => ({ '@type': datatype });
/** A CBV-valued field: bare words resolve against `namespace` (`@type: @vocab` with a scoped `@vocab`). */
const vocabField = (namespace: string, id?: string): JsonObject => ({
  ...(id === undefined ? {} : { '@id': id }),
  '@type': '@vocab',
  '@context': { '@vocab': namespace },
});
const allOfType = (names: readonly string[], datatype: string): JsonObject =>
  Object.fromEntries(names.map((name) => [name, ofType(datatype)]));

const sourceOrDestination = (entry: string): JsonObject => ({
  '@type': '@id',
  '@context': {
    type: vocabField(`${CBV}SDT-`, 'epcis:sourceOrDestinationType'),
    [entry]: { '@id': 'epcis:sourceOrDestination', '@type': '@id' },
  },
});

export function buildSimpleEpcisContext(variant: EpcisContextVariant): JsonObject {
  const context: JsonObject = {
    '@protected': true,
    '@version': 1.1,
    '@vocab': EPCIS_FIXED_PREFIXES.epcis,
    epcis: EPCIS_FIXED_PREFIXES.epcis,
    cbv: CBV,
    gs1: variant.gs1Namespace,
    vtype: 'urn:epcglobal:epcis:vtype:',
    cbvmda: EPCIS_FIXED_PREFIXES.cbvmda,
    rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
    ...W3C_PREFIXES,
    creationDate: { '@id': 'dcterms:created', '@type': 'xsd:dateTime' },
    ...allOfType(['time', 'startTime', 'endTime', 'eventTime', 'recordTime', 'declarationTime'], 'xsd:dateTimeStamp'),
    ...allOfType(['eventTimeZoneOffset', 'action'], 'xsd:string'),
    bizStep: vocabField(`${CBV}BizStep-`),
    disposition: vocabField(`${CBV}Disp-`),
    persistentDisposition: ofType('@id'),
    set: vocabField(`${CBV}Disp-`),
    unset: vocabField(`${CBV}Disp-`),
    bizTransactionList: {
      '@type': '@id',
      '@context': { type: vocabField(`${CBV}BTT-`, 'epcis:bizTransactionType') },
    },
    ...allOfType(['bizLocation', 'readPoint'], '@id'),
    sourceList: sourceOrDestination('source'),
    destinationList: sourceOrDestination('destination'),
    ...allOfType(
      [
        'certificationInfo',
        'epcList',
        'epcClass',
        'parentID',
        'childEPCs',
        'children',
        'inputEPCList',
        'outputEPCList',
        'inputQuantityList',
        'outputQuantityList',
        'childQuantityList',
      ],
      '@id',
    ),
    reason: vocabField(`${CBV}ER-`),
    ...allOfType(['errorDeclaration', 'correctiveEventIDs', 'sensorElementList', 'sensorMetadata'], '@id'),
    sensorReport: {
      '@type': '@id',
      '@context': { type: vocabField(variant.gs1Namespace, 'epcis:measurementType') },
    },
    ...allOfType(
      [
        'deviceID',
        'deviceMetadata',
        'rawData',
        'bizRules',
        'dataProcessingMethod',
        'chemicalSubstance',
        'microorganism',
        'coordinateReferenceSystem',
      ],
      '@id',
    ),
    quantity: ofType(variant.quantityType),
    ...allOfType(['value', 'minValue', 'maxValue', 'percValue', 'percRank', 'meanValue', 'sDev'], 'xsd:double'),
    stringValue: ofType('xsd:string'),
    booleanValue: ofType('xsd:boolean'),
    hexBinaryValue: ofType('xsd:hexBinary'),
    uriValue: ofType('@id'),
    uom: ofType('xsd:string'),
    component: vocabField(`${CBV}Comp-`),
    exception: vocabField(SENSOR_ALERT_NAMESPACE),
    type: '@type',
    id: '@id',
    eventID: '@id',
    bizTransaction: '@id',
    schemaVersion: { '@id': 'owl:versionInfo', '@type': 'xsd:string' },
  };
  return { '@context': context };
}
