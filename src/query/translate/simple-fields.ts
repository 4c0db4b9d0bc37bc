/**
 * Equality and time families on single-purpose query fields (EPCIS-DIGEST §b.1): eventType, EQ_action,
 * EQ_bizStep, EQ_disposition, EQ_persistentDisposition_set/unset, EQ_errorReason, EQ_readPoint,
 * EQ_bizLocation, EQ_transformationID, EQ_eventID, EQ_correctiveEventID, GE_/LT_ times, EXISTS_errorDeclaration,
 * EXISTS_sensorElementList, and EQ_bizTransaction_/EQ_source_/EQ_destination_<type> (same-entry composites).
 */
import { composite, Q } from '../fields/paths';
import type { FamilyTranslator } from './family-types';

export const eventType: FamilyTranslator<'eventType'> = (c) => ({ [Q.type]: { $in: c.values } });

export const action: FamilyTranslator<'action'> = (c) => ({ [Q.action]: { $in: c.values } });

export const cbv: FamilyTranslator<'cbv'> = (c) => {
  const path = c.field === 'errorReason' ? Q.errorReason : Q[c.field];
  return { [path]: { $in: c.values } };
};

/** readPoint/bizLocation ids are stored canonical (they may be SGLN URNs or GLN Digital Links). */
export const uri: FamilyTranslator<'uri'> = (c, env) => {
  switch (c.field) {
    case 'eventID':
      return { eventID: { $in: c.values } };
    case 'correctiveEventID':
      return { [Q.correctiveEventID]: { $in: c.values } };
    case 'transformationID':
      return { [Q.transformationID]: { $in: c.values } };
    default:
      return { [Q[c.field]]: { $in: [...new Set(c.values.map(env.canonicalEpc))] } };
  }
};

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

export const exists: FamilyTranslator<'exists'> = (c) => ({
  [c.target === 'errorDeclaration' ? Q.errorDeclaration : Q.sensor]: { $exists: true },
});

export const typedList: FamilyTranslator<'typedList'> = (c, env) => ({
  [Q[c.list]]: { $in: [...new Set(c.values.map((value) => composite(c.type, env.canonicalEpc(value))))] },
});
