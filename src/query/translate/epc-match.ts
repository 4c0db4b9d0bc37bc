/**
 * MATCH_epc, MATCH_parentID, MATCH_inputEPC, MATCH_outputEPC, MATCH_anyEPC and the EPC class variants
 * (EPCIS-DIGEST §b.1): exact canonical values with `$in`, patterns as escaped anchored prefixes (epc-pattern.ts).
 * MATCH_anyEPC covers epcList, childEPCs, parentID, inputEPCList and outputEPCList; MATCH_anyEPCClass the
 * four quantity lists.
 */
import type { Filter } from '../../store/event-store';
import { Q } from '../fields/paths';
import type { EpcMatchField } from '../params/query-types';
import { epcMatch } from './epc-pattern';
import { anyOf, type FamilyTranslator } from './family-types';
import { prefixRange, prefixRegex } from './regex';

const PATHS: Readonly<Record<EpcMatchField, string[]>> = {
  epc: [Q.epc],
  parentID: [Q.parentID],
  inputEPC: [Q.inputEPC],
  outputEPC: [Q.outputEPC],
  anyEPC: [Q.epc, Q.parentID, Q.inputEPC, Q.outputEPC],
  epcClass: [Q.epcClass],
  inputEPCClass: [Q.inputEPCClass],
  outputEPCClass: [Q.outputEPCClass],
  anyEPCClass: [Q.epcClass, Q.inputEPCClass, Q.outputEPCClass],
};

/** parentID holds one value, so a range is exact there; the other fields are arrays (see regex.ts). */
export const SINGLE_VALUED: ReadonlySet<string> = new Set<string>([Q.parentID]);

export const match: FamilyTranslator<'match'> = (c, env) => {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  for (const value of c.values) {
    const found = epcMatch(value, env.canonicalEpc);
    found.exact.forEach((x) => exact.add(x));
    found.prefixes.forEach((x) => prefixes.add(x));
  }
  const alternatives: Filter[] = [];
  for (const path of PATHS[c.field]) {
    if (exact.size > 0) alternatives.push({ [path]: { $in: [...exact] } });
    for (const prefix of prefixes) {
      alternatives.push({ [path]: SINGLE_VALUED.has(path) ? prefixRange(prefix) : prefixRegex(prefix) });
    }
  }
  return anyOf(alternatives);
};
