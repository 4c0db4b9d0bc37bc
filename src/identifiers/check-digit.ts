/**
 * GS1 mod-10 check digit (GS1 General Specifications §7.9.1): weights 3,1,3,1... from the rightmost data digit.
 * Used by GTIN, SSCC, GLN, GRAI, GDTI, GCN, GSIN, GSRN, GSRN-P and ITIP (EPCIS-DIGEST §a, GS1 Tag Data Standard).
 */

/** The check digit for `data` (digits only, without the check digit). */
export function gs1CheckDigit(data: string): number {
  let sum = 0;
  let weight = 3;
  for (let i = data.length - 1; i >= 0; i--) {
    sum += (data.charCodeAt(i) - 48) * weight;
    weight = weight === 3 ? 1 : 3;
  }
  return (10 - (sum % 10)) % 10;
}

/** Whether the last digit of `digits` is the GS1 check digit of the digits before it. */
export function hasValidCheckDigit(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  return gs1CheckDigit(digits.slice(0, -1)) === digits.charCodeAt(digits.length - 1) - 48;
}
