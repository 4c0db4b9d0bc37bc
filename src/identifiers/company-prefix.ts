/**
 * GS1 Company Prefix lengths. A Digital Link does not say where the company prefix ends, but an EPC URI must
 * (GS1 Tag Data Standard §6: prefix of 6 to 12 digits), so Digital Link -> EPC URN needs a length from a URN seen
 * for the same key or from a configured prefix table (issue 5, item 1).
 */
import { parseEpcUrn } from './epc-urn';
import type { Gs1Key } from './gs1-key';

/** Tells the company prefix length of a key, given its digits from the company prefix on (see `prefixDigits`). */
export type CompanyPrefixLengthLookup = (prefixDigits: string, ai?: string) => number | undefined;

/** The key's digits starting where the company prefix starts (after the GTIN indicator, SSCC extension digit or the GRAI's 0). */
export function prefixDigits(key: Gs1Key): string {
  const primary = key.ais[0];
  if (!primary) return '';
  const skipFirst = primary.ai === '01' || primary.ai === '8006' || primary.ai === '00' || primary.ai === '8003';
  return skipFirst ? primary.value.slice(1) : primary.value;
}

export interface CompanyPrefixTable {
  /** Records that keys whose company-prefix digits start with `prefix` have a prefix of `length` digits. */
  add(prefix: string, length: number): void;
  /** Learns the company prefix of a valid GS1 EPC URN (e.g. one seen at capture); false if it is not one. */
  learnFromUrn(urn: string): boolean;
  /** Longest-prefix lookup; usable directly as `companyPrefixLength`. */
  readonly lookup: CompanyPrefixLengthLookup;
  readonly size: number;
}

/**
 * A mutable prefix -> length table (longest match wins). Entries may be exact company prefixes (length equal to
 * the prefix) or GS1 prefix ranges (a short prefix with the length of the company prefixes under it).
 */
export function createCompanyPrefixTable(entries: Iterable<readonly [string, number]> = []): CompanyPrefixTable {
  const table = new Map<string, number>();
  const add = (prefix: string, length: number): void => {
    if (!/^\d{1,12}$/.test(prefix) || !Number.isInteger(length) || length < 6 || length > 12) {
      throw new RangeError(`bad company prefix entry ${prefix} -> ${length}`);
    }
    table.set(prefix, length);
  };
  for (const [prefix, length] of entries) add(prefix, length);
  return {
    add,
    learnFromUrn: (urn) => {
      const parsed = parseEpcUrn(urn);
      if (!parsed.ok) return false;
      const { key, companyPrefixLength } = parsed.value;
      add(prefixDigits(key).slice(0, companyPrefixLength), companyPrefixLength);
      return true;
    },
    lookup: (digits) => {
      for (let k = Math.min(12, digits.length); k >= 1; k--) {
        const length = table.get(digits.slice(0, k));
        if (length !== undefined) return length;
      }
      return undefined;
    },
    get size() {
      return table.size;
    },
  };
}
