/**
 * Equality families on standard fields (EPCIS-DIGEST §b.1): eventType, EQ_action, EQ_bizStep,
 * EQ_disposition, EQ_persistentDisposition_set/unset, EQ_errorReason, EQ_readPoint, EQ_bizLocation,
 * EQ_transformationID, EQ_eventID, EQ_correctiveEventID, and EXISTS_errorDeclaration/EXISTS_sensorElementList.
 */
import { Q } from '../fields/paths';
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

export const exists: FamilyTranslator<'exists'> = (c) => ({
  [c.target === 'errorDeclaration' ? Q.errorDeclaration : Q.sensor]: { $exists: true },
});
