/**
 * GS1 key arithmetic needed to turn EPC URN patterns into GS1 Digital Link prefixes (GS1 General
 * Specifications §7.9 check digit; GS1 EPC Tag Data Standard §6–§7 URN field layout).
 */
export const DIGITS = /^\d+$/;

/** The GS1 mod-10 check digit of a string of digits (weights 3,1,3,... from the right). */
export function checkDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    const digit = Number(digits[digits.length - 1 - i]);
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return String((10 - (sum % 10)) % 10);
}

/** GTIN-14 from an SGTIN company prefix and indicator+item reference (TDS: indicator digit moves to the front). */
export function gtin14(companyPrefix: string, indicatorItemRef: string): string | null {
  if (!DIGITS.test(companyPrefix) || !DIGITS.test(indicatorItemRef)) return null;
  if (companyPrefix.length + indicatorItemRef.length !== 13) return null;
  const body = indicatorItemRef.slice(0, 1) + companyPrefix + indicatorItemRef.slice(1);
  return body + checkDigit(body);
}

/** A 13-digit key with check digit (GLN, GRAI/GDTI/SGCN/GSIN bodies) from 12 digits. */
export function withCheckDigit(companyPrefix: string, reference: string, length: number): string | null {
  const body = companyPrefix + reference;
  if (!DIGITS.test(body) || body.length !== length - 1) return null;
  return body + checkDigit(body);
}
