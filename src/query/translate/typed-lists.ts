/**
 * EQ_bizTransaction_<type>, EQ_source_<type>, EQ_destination_<type> (EPCIS-DIGEST §b.2): type and value must
 * belong to the SAME list entry, so both sides are composite `<type>|<canonical value>` strings and one `$in`
 * decides (no `$elemMatch`, which FerretDB lacks).
 */
import { composite, Q } from '../fields/paths';
import type { FamilyTranslator } from './family-types';

export const typedList: FamilyTranslator<'typedList'> = (c, env) => ({
  [Q[c.list]]: { $in: [...new Set(c.values.map((value) => composite(c.type, env.canonicalEpc(value))))] },
});
