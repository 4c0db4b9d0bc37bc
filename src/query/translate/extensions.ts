/**
 * Extension-field families (EPCIS-DIGEST §b.2): EQ_/GT_/GE_/LT_/LE_/EXISTS_ with the INNER_, ILMD_,
 * ERROR_DECLARATION_, SENSORELEMENT_, SENSORMETADATA_, SENSORREPORT_, readPoint_ and bizLocation_ scopes, over
 * the `q.x` fields of fields/extension-fields.ts. EQ_ compares the captured string form of the value.
 */
import { composite, extensionFamily, Q } from '../fields/paths';
import { COMPARISON, type FamilyTranslator } from './family-types';

export const extensionEq: FamilyTranslator<'extensionEq'> = (c) => ({
  [Q.extensionEq(extensionFamily(c.scope, c.inner))]: { $in: c.values.map((value) => composite(c.field, value)) },
});

export const extensionCompare: FamilyTranslator<'extensionCompare'> = (c) => {
  const family = extensionFamily(c.scope, c.inner);
  const path = c.value instanceof Date ? Q.extensionTime(family, c.field) : Q.extensionNumber(family, c.field);
  return { [path]: { [COMPARISON[c.op]]: c.value } };
};

export const extensionExists: FamilyTranslator<'extensionExists'> = (c) => ({
  [Q.extensionHas(extensionFamily(c.scope, c.inner))]: c.field,
});
