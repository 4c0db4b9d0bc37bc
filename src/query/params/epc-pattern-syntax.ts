/**
 * Syntax of EPC pattern URIs in MATCH_ values (EPCIS 1.2 §8.2.7.1.1, GS1 EPC Tag Data Standard "EPC Pattern
 * URI"): `urn:epc:idpat:<scheme>:<field>.<field>...`, where `*` may stand for a field and every field after a
 * `*` is `*` too. Checked by the parser (a malformed pattern is a QueryParameterException) and read again by
 * the translator.
 */
import { queryParameterError } from '../../errors/epcis-errors';

export const IDPAT = 'urn:epc:idpat:';

export interface EpcPattern {
  scheme: string;
  fields: string[];
  /** The fields before the first `*` (all of them when there is no `*`). */
  fixed: string[];
}

export function parseEpcPattern(value: string): EpcPattern | null {
  if (!value.startsWith(IDPAT)) return null;
  const body = value.slice(IDPAT.length);
  const colon = body.indexOf(':');
  const scheme = body.slice(0, colon);
  const fields = body.slice(colon + 1).split('.');
  const firstStar = fields.indexOf('*');
  if (
    colon <= 0 ||
    !/^[A-Za-z0-9-]+$/.test(scheme) ||
    fields.some((f) => f === '') ||
    (firstStar >= 0 && fields.slice(firstStar).some((f) => f !== '*'))
  ) {
    throw queryParameterError(`Malformed EPC pattern ${value} (only trailing "*" fields are allowed)`);
  }
  return { scheme, fields, fixed: firstStar < 0 ? fields : fields.slice(0, firstStar) };
}
