/**
 * EQ_/GT_/GE_/LT_/LE_quantity and their `_<UOM>` forms (EPCIS-DIGEST §b.1 "DEPRECATED in 1.1, REPURPOSED in
 * 2.0", §b.2): a quantity of any QuantityElement; with a unit, compared in the base unit of its dimension exactly
 * as converted at capture (units/convert.ts).
 */
import { Q } from '../fields/paths';
import { toBase } from '../units/convert';
import { COMPARISON, type FamilyTranslator } from './family-types';

export const quantityEq: FamilyTranslator<'quantityEq'> = (c) => {
  if (c.uom === null) return { [Q.quantity]: { $in: c.values } };
  const converted = c.values.map((value) => toBase(value, c.uom as string));
  return { [Q.quantityBase(converted[0]?.unit ?? c.uom)]: { $in: converted.map((x) => x.value) } };
};

export const quantityCompare: FamilyTranslator<'quantityCompare'> = (c) => {
  if (c.uom === null) return { [Q.quantity]: { [COMPARISON[c.op]]: c.value } };
  const base = toBase(c.value, c.uom);
  return { [Q.quantityBase(base.unit)]: { [COMPARISON[c.op]]: base.value } };
};
