/**
 * Extension-field families (EPCIS-DIGEST §b.2): EQ_/GT_/GE_/LT_/LE_/EXISTS_ with the INNER_, ILMD_,
 * ERROR_DECLARATION_, SENSORELEMENT_, SENSORMETADATA_, SENSORREPORT_, readPoint_ and bizLocation_ scopes, over
 * the `q.x` fields of fields/extension-fields.ts.
 *
 * EQ_ compares the captured string form of the value; a value that reads as a number or a date-time also
 * matches the field's numeric or time value (EPCIS 1.2 §8.2.7.1 has EQ_fieldname for String, Int, Float and
 * Time fields), so `EQ_ex:temp=12.5` finds `12.5`, `"12.50"` (XML text) and `1.25e1` alike.
 */
import type { Filter } from '../../store/event-store';
import { composite, extensionFamily, Q } from '../fields/paths';
import { parseDateTime, parseDecimal } from '../params/value-reader';
import { anyOf, COMPARISON, type FamilyTranslator } from './family-types';

export const extensionEq: FamilyTranslator<'extensionEq'> = (c) => {
  const family = extensionFamily(c.scope, c.inner);
  const numbers = [...new Set(c.values.map((v) => parseDecimal(v.trim())).filter((n) => n !== null))];
  const times = c.values.map((v) => parseDateTime(v.trim())).filter((d) => d !== null);
  const alternatives: Filter[] = [
    { [Q.extensionEq(family)]: { $in: c.values.map((value) => composite(c.field, value)) } },
  ];
  if (numbers.length > 0) alternatives.push({ [Q.extensionNumber(family, c.field)]: { $in: numbers } });
  if (times.length > 0) alternatives.push({ [Q.extensionTime(family, c.field)]: { $in: times } });
  return anyOf(alternatives);
};

export const extensionCompare: FamilyTranslator<'extensionCompare'> = (c) => {
  const family = extensionFamily(c.scope, c.inner);
  const path = c.value instanceof Date ? Q.extensionTime(family, c.field) : Q.extensionNumber(family, c.field);
  return { [path]: { [COMPARISON[c.op]]: c.value } };
};

export const extensionExists: FamilyTranslator<'extensionExists'> = (c) => ({
  [Q.extensionHas(extensionFamily(c.scope, c.inner))]: c.field,
});
