/**
 * The GS1 XML examples that have a JSON twin (EPCIS-DIGEST §f list), event by event, with every known
 * difference between the twins and its reason. A ledger entry is a path prefix: every difference must fall
 * under an entry, and every entry must match at least one difference (so the ledger cannot go stale).
 */
const JSON_EXTRA = 'the JSON twin has a field its XML twin lacks (EPCIS-DIGEST §g: the XML twins have fewer fields)';
const XML_EXTRA = 'the XML twin has a field its JSON twin lacks';
const NESTING =
  'the JSON twin nests this extension differently from its own XML (an extra ext2:object / ext1:object level, ' +
  'children split into an array); the converter follows EPCIS-DIGEST §f rule 8: one element, one key';
const DATA = 'the two GS1 files carry different example data here';
const XML_ATTR =
  'extension element with an XML attribute (measurementUnitCode): kept as {attribute, "#text"} per our ' +
  'documented choice for §f rule 8; the JSON twin drops the attribute';
const QUANTITY = 'the ErrorDeclaration pair has different quantities (EPCIS-DIGEST §g notes)';
const TYPED = 'the JSON twin types this extension leaf (boolean); XML text stays a string (§f rule 7)';
const EMPTY = 'an empty extension element is kept as "" (§f rule 8); the JSON twin omits it';
const EMPTY_LIST = 'an empty XML list (<epcList/>, <childEPCs/>) is kept as []; the JSON twin omits it';
const UNKNOWN_TERM =
  'the XML uses a gs1: measurement type that is not in the GS1 list (kept as written); the JSON twin uses a listed one';
const TYPO = 'the XML has the typo Bizstep-sensor_reporting (EPCIS-DIGEST §i.12): not a CBV Web URI, kept as written';
const HEX = 'hexBinary written in lower case in XML and upper case in JSON (the same xsd:hexBinary value)';
const NO_TYPE = 'the XML sensorReport has an exception and no type; the JSON twin adds a type';

export interface Twin {
  xml: string;
  xmlIndex: number;
  json: string;
  jsonIndex: number;
  differences: Record<string, string>;
}

const FULL_COMBINATION: Record<string, string> = {
  '/sensorElementList/0/ext1:object': NESTING,
  '/sensorElementList/0/ext1:array/5': NESTING,
  '/ext1:object': NESTING,
  '/ext1:array/5': NESTING,
  '/certificationInfo': JSON_EXTRA,
  '/errorDeclaration': JSON_EXTRA,
};

const twins: Twin[] = [];
const add = (
  xml: string,
  xmlIndex: number,
  json: string,
  jsonIndex: number,
  differences: Record<string, string> = {},
) => twins.push({ xml, xmlIndex, json, jsonIndex, differences });

[...'abcdefgh'].forEach((letter, i) => {
  const g: Record<string, string> = letter === 'g' ? { '/errorDeclaration/correctiveEventIDs/0': DATA } : {};
  add('AssociationEvent/AssociationEventExamples.xml', i, `AssociationEvent/AssociationEvent-${letter}.jsonld`, 0, g);
  // The EPCIS 1.2 rendering of the same 8 events, upgraded to 2.0 (§f rule 12).
  const f: Record<string, string> = letter === 'f' ? { '/childQuantityList': JSON_EXTRA } : {};
  add('epcis-1.2/AssociationEvent.xml', i, `AssociationEvent/AssociationEvent-${letter}.jsonld`, 0, { ...g, ...f });
});
add('Example_9.6.1-ObjectEvent-2020_06_18a.xml', 0, 'Example_9.6.1-ObjectEvent.jsonld', 0);
add('Example_9.6.1-ObjectEvent-2020_06_18a.xml', 1, 'Example_9.6.1-ObjectEvent.jsonld', 1);
for (const i of [0, 1]) {
  add(
    'WithErrorDeclaration/ErrorDeclarationAndCorrectiveEvent.xml',
    i,
    'WithErrorDeclaration/ErrorDeclarationAndCorrectiveEvent.jsonld',
    i,
    {
      '/inputQuantityList/0/quantity': QUANTITY,
      '/inputQuantityList/0/uom': QUANTITY,
      '/readPoint/id': DATA,
    },
  );
}
add('Example-TransactionEvent-2020_07_03y.xml', 0, 'Example-TransactionEvents-2020_07_03y.jsonld', 0);
add('Example-TransactionEvent-2020_07_03y.xml', 1, 'Example-TransactionEvents-2020_07_03y.jsonld', 1, {
  '/rail:vehicle/1/rail:vehicleMasterGIAI': EMPTY,
  '/rail:vehicle/2/rail:vehicleUniquelyIdentified': TYPED,
});
add('epcis-1.2/AggregationEvent.xml', 0, 'Example_9.6.3-AggregationEvent.jsonld', 0);
add('epcis-1.2/TransformationEvent.xml', 0, 'Example_9.6.4-TransformationEvent.jsonld', 0);

const full = (t: string, extra: Record<string, string> = {}) =>
  add(
    `WithFullCombinationOfFields/${t}_event_all_possible_fields.xml`,
    0,
    `WithFullCombinationOfFields/${t}_event_all_possible_fields.jsonld`,
    0,
    {
      ...FULL_COMBINATION,
      ...extra,
    },
  );
full('aggregation', { '/sensorElementList/0/sensorReport/0/component': DATA });
full('association');
full('transaction');
full('transformation', {
  '/ilmd/ext1:object': NESTING,
  '/ilmd/ext1:array/5': NESTING,
  '/ilmd/cbvmda:drainedWeight': XML_ATTR,
  '/ilmd/cbvmda:grossWeight': XML_ATTR,
  '/ilmd/cbvmda:netWeight': XML_ATTR,
});

const SENSOR = 'WithSensorData/SensorDataExamples.xml';
const sensor = (i: number, n: string, d: Record<string, string> = {}) =>
  add(SENSOR, i, `WithSensorData/SensorDataExample${n}.jsonld`, 0, d);
sensor(0, '1');
sensor(1, '2');
sensor(2, '3');
sensor(3, '4', Object.fromEntries([0, 1, 2, 3].map((r) => [`/sensorElementList/0/sensorReport/${r}/rawData`, DATA])));
sensor(4, '5');
sensor(5, '6', {
  '/epcList/0': DATA,
  '/quantityList': JSON_EXTRA,
  '/sensorElementList/0/example:furtherSensorData': NESTING,
});
sensor(6, '7', { '/sensorElementList/0/sensorReport/4/hexBinaryValue': HEX });
sensor(7, '8', {
  '/childEPCs': EMPTY_LIST,
  '/sensorElementList/0/sensorReport/1/type': UNKNOWN_TERM,
  '/sensorElementList/0/sensorReport/2/type': UNKNOWN_TERM,
  '/sensorElementList/1/example:furtherSensorData': NESTING,
});
sensor(8, '9', {
  '/sensorElementList/0/sensorReport/0/type': NO_TYPE,
  '/sensorElementList/0/sensorReport/1/type': NO_TYPE,
});
sensor(10, '11', { '/sensorElementList/0/sensorReport/0/type': UNKNOWN_TERM });
sensor(11, '12', {
  '/errorDeclaration/example:field': DATA,
  '/readPoint/example:gs1ES': XML_EXTRA,
  '/bizLocation/example:gs1ES': XML_EXTRA,
  '/example2:furtherData': XML_EXTRA,
});
sensor(12, '14', { '/bizStep': TYPO });
sensor(13, '15', { '/bizStep': TYPO });

export const TWINS: readonly Twin[] = twins;

/** XML examples with events but no usable JSON twin, with the reason. */
export const NO_TWIN: Record<string, string> = {
  'WithFullCombinationOfFields/object_event_all_possible_fields.xml':
    'its JSON file describes another event (action ADD instead of OBSERVE, plus ilmd and seven extension fields)',
  'WithSensorData/SensorDataExamples.xml#9': 'no SensorDataExample*.jsonld describes this event',
  'Example-PersistentDisposition.xml':
    'the JSON version uses ObjectEvents where the XML uses AggregationEvents (EPCIS-DIGEST §g notes)',
};
