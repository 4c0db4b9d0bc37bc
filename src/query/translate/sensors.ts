/**
 * Sensor families (EPCIS-DIGEST §b.1–§b.2): `…_value|minValue|maxValue|meanValue|sDev|percValue_<UOM>` with unit
 * conversion (sDev converts as a difference: no offset), `…_percRank`, and the attribute equalities (EQ_type,
 * EQ_deviceID, ..., EQ_booleanValue) over the `q.sensor` fields of fields/sensor-fields.ts.
 */
import type { Filter } from '../../store/event-store';
import { Q } from '../fields/paths';
import type { SensorMetric } from '../params/query-types';
import { toBase } from '../units/convert';
import { anyOf, COMPARISON, type FamilyTranslator, type TranslateEnv } from './family-types';
import { SENSOR_URI_ATTRIBUTES } from '../fields/sensor-fields';

/** Sensor values: per type when the query has EQ_type (correlated, see fields/sensor-fields.ts), else any type. */
function sensorValue(metric: SensorMetric, unit: string, condition: unknown, env: TranslateEnv): Filter {
  if (env.sensorTypes === null) return { [Q.sensorMetric(metric, unit)]: condition };
  return anyOf(env.sensorTypes.map((type) => ({ [Q.sensorTypedMetric(type, metric, unit)]: condition })));
}

const kindOf = (metric: SensorMetric) => (metric === 'sDev' ? 'spread' : 'level');

export const sensorValueEq: FamilyTranslator<'sensorValueEq'> = (c, env) => {
  const converted = c.values.map((value) => toBase(value, c.uom, kindOf(c.metric)));
  const unit = converted[0]?.unit ?? c.uom;
  return sensorValue(c.metric, unit, { $in: converted.map((x) => x.value) }, env);
};

export const sensorValueCompare: FamilyTranslator<'sensorValueCompare'> = (c, env) => {
  const base = toBase(c.value, c.uom, kindOf(c.metric));
  return sensorValue(c.metric, base.unit, { [COMPARISON[c.op]]: base.value }, env);
};

export const percRank: FamilyTranslator<'percRank'> = (c) => ({
  [Q.sensorField('percRank')]: { [COMPARISON[c.op]]: c.value },
});

const CANONICAL_URIS: ReadonlySet<string> = new Set(SENSOR_URI_ATTRIBUTES);

export const sensorEq: FamilyTranslator<'sensorEq'> = (c, env) => {
  const values = CANONICAL_URIS.has(c.field) ? [...new Set(c.values.map(env.canonicalEpc))] : c.values;
  return { [Q.sensorField(c.field)]: { $in: values } };
};

export const sensorBoolean: FamilyTranslator<'sensorBoolean'> = (c) => ({
  [Q.sensorField('booleanValue')]: c.value,
});
