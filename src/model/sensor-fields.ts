/**
 * The standard fields of sensor data (EPCIS 2.0 §7.3.7: SensorMetadata and SensorReport), in the order the XSD
 * writes them as attributes and the CBV 2.0 event hash walks them (EPCIS-DIGEST §h rule 1.8).
 */
export const SENSOR_METADATA_FIELDS = [
  'time',
  'startTime',
  'endTime',
  'deviceID',
  'deviceMetadata',
  'rawData',
  'dataProcessingMethod',
  'bizRules',
] as const;

/** The statistics of a sensor report, typed `xsd:double` like its `value` (EPCIS 2.0 §7.3.7). */
const SENSOR_STATISTICS = ['minValue', 'maxValue', 'meanValue', 'sDev', 'percRank', 'percValue'] as const;

export const SENSOR_REPORT_FIELDS = [
  'type',
  'exception',
  'deviceID',
  'deviceMetadata',
  'rawData',
  'dataProcessingMethod',
  'time',
  'microorganism',
  'chemicalSubstance',
  'value',
  'component',
  'stringValue',
  'booleanValue',
  'hexBinaryValue',
  'uriValue',
  ...SENSOR_STATISTICS,
  'uom',
  'coordinateReferenceSystem',
] as const;

/** The sensor report fields typed `xsd:double` in the XSD, JSON numbers. */
export const SENSOR_NUMBER_FIELDS = ['value', ...SENSOR_STATISTICS] as const;
