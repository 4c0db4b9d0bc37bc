/**
 * Query fields of `sensorElementList` (EPCIS 2.0 §7.3.8, EPCIS-DIGEST §b.1 sensor parameters, §b.2 `…_<UOM>`):
 *
 *   q.sensor.<attr>  : equality lists (type, deviceID, dataProcessingMethod, bizRules from metadata and reports,
 *                      microorganism, chemicalSubstance, uriValue, stringValue, hexBinaryValue (upper case),
 *                      booleanValue), times (time, startTime, endTime as Date) and percRank numbers
 *   q.sensor.m.<metric>.<baseUnit>           : values of every report converted to the base unit
 *   q.sensor.mt.<type>.<metric>.<baseUnit>   : the same, per report type
 *
 * Correlated conditions: MongoDB array semantics (and FerretDB's lack of `$elemMatch`) mean two conditions on an
 * array may be met by two different reports. The `mt` buckets keep the link between a report's type and its
 * values, so `EQ_type=Temperature&GE_value_CEL=8` asks for a Temperature report whose value is >= 8 °C. Two value
 * conditions (e.g. GE_ and LT_) may still be met by two different reports of that type.
 */
import { encodeKey } from '../../model/key-codec';
import type { JsonObject, JsonValue } from '../../model/types';
import { canonicalMeasurementType } from '../cbv-canonical';
import { setOwn } from '../namespaces';
import type { SensorMetric } from '../params/query-types';
import { SENSOR_METRICS } from '../params/query-types';
import { parseDateTime } from '../params/value-reader';
import { toBase } from '../units/convert';
import type { ExtensionCollector } from './extension-fields';

/** Sensor attributes whose values are URIs, stored and matched in canonical form (EQ_deviceID, EQ_uriValue, ...). */
export const SENSOR_URI_ATTRIBUTES = [
  'deviceID',
  'dataProcessingMethod',
  'bizRules',
  'microorganism',
  'chemicalSubstance',
  'uriValue',
] as const;

type Buckets = Record<string, Record<string, number[]>>;

const asObject = (value: JsonValue | undefined): JsonObject | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null;

const asList = (value: JsonValue | undefined): JsonValue[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

export function sensorFields(
  event: JsonObject,
  namespaces: Record<string, string>,
  canonicalEpc: (uri: string) => string,
  extensions: ExtensionCollector,
): JsonObject | null {
  if (event['sensorElementList'] === undefined) return null; // the usual case, without the lists below
  const elements = asList(event['sensorElementList'])
    .map(asObject)
    .filter((e) => e !== null);
  if (elements.length === 0) return null;
  const lists: Record<string, Set<string | boolean | number>> = {};
  const times: Record<string, Date[]> = {};
  const any: Buckets = {};
  const typed: Record<string, Buckets> = {};
  const add = (name: string, value: string | boolean | number) => (lists[name] ??= new Set()).add(value);
  const addTime = (name: string, value: JsonValue | undefined) => {
    const date = typeof value === 'string' ? parseDateTime(value) : null;
    if (date !== null) (times[name] ??= []).push(date);
  };
  const uriAttributes = (object: JsonObject) => {
    for (const name of SENSOR_URI_ATTRIBUTES) {
      const value = object[name];
      if (typeof value === 'string') add(name, canonicalEpc(value));
    }
  };

  for (const element of elements) {
    extensions.collect('sensorElement', element);
    const metadata = asObject(element['sensorMetadata']);
    if (metadata !== null) {
      extensions.collect('sensorMetadata', metadata);
      uriAttributes(metadata);
      addTime('time', metadata['time']);
      addTime('startTime', metadata['startTime']);
      addTime('endTime', metadata['endTime']);
    }
    for (const report of asList(element['sensorReport']).map(asObject)) {
      if (report === null) continue;
      extensions.collect('sensorReport', report);
      uriAttributes(report);
      addTime('time', report['time']);
      const type = typeof report['type'] === 'string' ? canonicalMeasurementType(report['type'], namespaces) : null;
      if (type !== null) add('type', type);
      if (typeof report['stringValue'] === 'string') add('stringValue', report['stringValue']);
      if (typeof report['hexBinaryValue'] === 'string') add('hexBinaryValue', report['hexBinaryValue'].toUpperCase());
      if (typeof report['booleanValue'] === 'boolean') add('booleanValue', report['booleanValue']);
      if (typeof report['percRank'] === 'number') add('percRank', report['percRank']);
      const uom = typeof report['uom'] === 'string' ? report['uom'] : null;
      if (uom === null) continue;
      for (const metric of SENSOR_METRICS) {
        const raw = report[metric];
        if (typeof raw !== 'number') continue;
        const base = toBase(raw, uom, metric === 'sDev' ? 'spread' : 'level');
        push(any, metric, base.unit, base.value);
        if (type !== null) {
          if (!Object.hasOwn(typed, type)) setOwn(typed, type, {});
          push(typed[type] as Buckets, metric, base.unit, base.value);
        }
      }
    }
  }
  const out: Record<string, unknown> = {};
  for (const [name, set] of Object.entries(lists)) out[name] = [...set];
  for (const [name, list] of Object.entries(times)) out[name] = list.slice(); // exact length (query-fields.ts `set`)
  if (Object.keys(any).length > 0) out['m'] = any;
  if (Object.keys(typed).length > 0) out['mt'] = encodeTypeKeys(typed);
  return out as JsonObject;
}

function push(buckets: Buckets, metric: SensorMetric, unit: string, value: number): void {
  const byUnit = (buckets[metric] ??= {});
  const key = encodeKey(unit);
  const list = Object.hasOwn(byUnit, key) ? byUnit[key] : undefined;
  if (list === undefined) setOwn(byUnit, key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** Sensor types become field names: encoded like stored keys (no `.`, no leading `$`). */
function encodeTypeKeys(typed: Record<string, Buckets>): Record<string, Buckets> {
  const out: Record<string, Buckets> = {};
  for (const [type, buckets] of Object.entries(typed)) setOwn(out, encodeKey(type), buckets);
  return out;
}
