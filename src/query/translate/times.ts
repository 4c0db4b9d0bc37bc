/**
 * GE_/LT_ time parameters (EPCIS-DIGEST §b.1): eventTime and recordTime (top-level StoredEvent fields),
 * errorDeclaration declarationTime (both spellings), sensorMetadata startTime/endTime and sensor `time`.
 */
import { Q } from '../fields/paths';
import type { FamilyTranslator } from './family-types';

const TIME_PATHS = {
  eventTime: 'eventTime',
  recordTime: 'recordTime',
  errorDeclarationTime: Q.errorDeclarationTime,
  startTime: Q.sensorField('startTime'),
  endTime: Q.sensorField('endTime'),
  sensorTime: Q.sensorField('time'),
} as const;

export const time: FamilyTranslator<'time'> = (c) => ({
  [TIME_PATHS[c.field]]: { [c.op === 'GE' ? '$gte' : '$lt']: c.value },
});
