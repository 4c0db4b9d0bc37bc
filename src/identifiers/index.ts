/** GS1 identifiers for EPCIS: EPC URN <-> GS1 Digital Link, element strings, validation (pure, no I/O). */
export { gs1CheckDigit, hasValidCheckDigit } from './check-digit';
export type { AiValue, Gs1Key, Result } from './gs1-key';
export { checkAiValue, finestKey } from './gs1-key';
export { parseEpcUrn, formatEpcUrn, type ParsedEpcUrn } from './epc-urn';
export { parseDigitalLink, formatDigitalLink, CANONICAL_DL_ORIGIN } from './digital-link';
export {
  createCompanyPrefixTable,
  prefixDigits,
  type CompanyPrefixEntry,
  type CompanyPrefixTable,
  type CompanyPrefixTableOptions,
  type CompanyPrefixLengthLookup,
} from './company-prefix';
export {
  canonicalEpc,
  convertToEpcUrn,
  parseIdentifier,
  toDigitalLink,
  toEpcUrn,
  validateIdentifier,
  type IdentifierCheck,
  type IdentifierForm,
  type ParsedIdentifier,
  type ToEpcUrnOptions,
} from './convert';
export { parseElementString, type ElementString } from './element-string';
