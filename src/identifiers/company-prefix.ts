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

export type CompanyPrefixEntry = readonly [prefix: string, length: number];

export interface CompanyPrefixTable {
  /** A configured entry: keys whose company-prefix digits start with `prefix` have a prefix of `length` digits. */
  add(prefix: string, length: number): void;
  /** A learned entry (e.g. loaded from the store); true when it is new. Does not call `onLearned`. */
  learn(prefix: string, length: number): boolean;
  /**
   * Learns the company prefix of a valid GS1 EPC URN (e.g. one seen at capture); false if it is not one.
   * When the entry is new, `onLearned` is told.
   */
  learnFromUrn(urn: string): boolean;
  /** Longest-prefix lookup, configured entries first; usable directly as `companyPrefixLength`. */
  readonly lookup: CompanyPrefixLengthLookup;
  /** Configured and learned entries. */
  readonly size: number;
}

export interface CompanyPrefixTableOptions {
  /** Told each entry `learnFromUrn` adds (e.g. to persist it). */
  onLearned?: (prefix: string, length: number) => void;
  /** Told each lookup that finds no length (e.g. to refresh learned entries from a shared store). */
  onMiss?: (digits: string) => void;
}

function checkEntry(prefix: string, length: number): void {
  if (!/^\d{1,12}$/.test(prefix) || !Number.isInteger(length) || length < 6 || length > 12) {
    throw new RangeError(`bad company prefix entry ${prefix} -> ${length}`);
  }
}

function longestMatch(table: ReadonlyMap<string, number>, digits: string): number | undefined {
  for (let k = Math.min(12, digits.length); k >= 1; k--) {
    const length = table.get(digits.slice(0, k));
    if (length !== undefined) return length;
  }
  return undefined;
}

/**
 * A mutable prefix -> length table (longest match wins). Entries may be exact company prefixes (length equal to
 * the prefix) or GS1 prefix ranges (a short prefix with the length of the company prefixes under it).
 * Configured entries (`entries`, `add`) win over learned ones (`learn`, `learnFromUrn`): a key that matches any
 * configured entry takes its length, whatever was learned.
 */
export function createCompanyPrefixTable(
  entries: Iterable<CompanyPrefixEntry> = [],
  options: CompanyPrefixTableOptions = {},
): CompanyPrefixTable {
  const configured = new Map<string, number>();
  const learned = new Map<string, number>();
  const add = (prefix: string, length: number): void => {
    checkEntry(prefix, length);
    configured.set(prefix, length);
  };
  const learn = (prefix: string, length: number): boolean => {
    checkEntry(prefix, length);
    if (learned.get(prefix) === length || configured.get(prefix) === length) return false;
    learned.set(prefix, length);
    return true;
  };
  for (const [prefix, length] of entries) add(prefix, length);
  return {
    add,
    learn,
    learnFromUrn: (urn) => {
      const parsed = parseEpcUrn(urn);
      if (!parsed.ok) return false;
      const { key, companyPrefixLength } = parsed.value;
      const prefix = prefixDigits(key).slice(0, companyPrefixLength);
      if (learn(prefix, companyPrefixLength)) options.onLearned?.(prefix, companyPrefixLength);
      return true;
    },
    lookup: (digits) => {
      const length = longestMatch(configured, digits) ?? longestMatch(learned, digits);
      if (length === undefined) options.onMiss?.(digits);
      return length;
    },
    get size() {
      return configured.size + learned.size;
    },
  };
}
