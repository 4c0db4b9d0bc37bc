/**
 * Conversion of measured values to the base unit of their dimension, so that a query in one unit finds values
 * captured in another (EPCIS-DIGEST §b.2 `EQ_value_<UOM>`). Results are rounded to 12 significant digits on both
 * sides, so that `EQ_value_CEL=20` finds 293.15 KEL despite binary floating point.
 */
import { UNITS } from './uom-table';

export interface BaseQuantity {
  /** The base unit code, or the unit itself when it is not in the units table. */
  unit: string;
  value: number;
}

export const roundSignificant = (value: number): number => Number(value.toPrecision(12));

/**
 * `kind: 'level'` converts a measurement (value, minValue, maxValue, meanValue, percValue, quantity);
 * `kind: 'spread'` converts a difference such as a standard deviation (sDev): factor only, no offset.
 */
export function toBase(value: number, uom: string, kind: 'level' | 'spread' = 'level'): BaseQuantity {
  const unit = Object.hasOwn(UNITS, uom) ? UNITS[uom] : undefined;
  if (unit === undefined) return { unit: uom, value: roundSignificant(value) };
  const base = value * unit.factor + (kind === 'level' ? unit.offset : 0);
  return { unit: unit.base, value: roundSignificant(base) };
}
