/**
 * The master-data families (EPCIS-DIGEST §b.1 WD_readPoint/WD_bizLocation, §b.2 HASATTR_, EQATTR_), kept pure
 * with a two-phase API:
 *   1. `masterDataNeeds(query)` lists what the query needs;
 *   2. the caller loads vocabulary elements (EventStore.findVocabulary) and calls
 *      `resolveMasterData(needs, elements)`, which walks the `children` hierarchy (EPCIS 2.0 §6.5: direct and
 *      indirect descendants, cycles tolerated) and matches attributes;
 *   3. `translateQuery(query, { canonicalEpc, masterData })` turns the resolved ids into `$in` filters.
 * Element ids are matched across vocabulary types (an id is a URI and names one element); several records of
 * the same id (e.g. from several captures) are merged.
 */
import { implementationError } from '../../errors/epcis-errors';
import type { JsonValue, VocabularyElementRecord } from '../../model/types';
import type { Filter } from '../../store/event-store';
import { canonicalCbv } from '../cbv-canonical';
import { composite, extensionFamily, Q } from '../fields/paths';
import { expandCurie, totalCanonical } from '../namespaces';
import type { EpcisQuery, QueryCondition } from '../params/query-types';
import type { FamilyTranslator, TranslateEnv } from './family-types';

type MasterDataCondition = Extract<QueryCondition, { kind: 'withDescendants' | 'hasAttribute' | 'attributeEq' }>;

export interface MasterDataNeed {
  /** Identifies the condition; the resolved ids are returned under the same key. */
  key: string;
  condition: MasterDataCondition;
}

/** need key -> element ids (as written in the master data) that satisfy the condition. */
export type ResolvedMasterData = Record<string, string[]>;

const needKey = (condition: MasterDataCondition): string => JSON.stringify(condition);

export function masterDataNeeds(query: EpcisQuery): MasterDataNeed[] {
  return query.conditions
    .filter(
      (c): c is MasterDataCondition =>
        c.kind === 'withDescendants' || c.kind === 'hasAttribute' || c.kind === 'attributeEq',
    )
    .map((condition) => ({ key: needKey(condition), condition }));
}

const attributeText = (value: JsonValue): string | null =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;

export function resolveMasterData(
  needs: MasterDataNeed[],
  elements: VocabularyElementRecord[],
  canonicalEpcGiven: (uri: string) => string,
): ResolvedMasterData {
  const canonicalEpc = totalCanonical(canonicalEpcGiven);
  const children = new Map<string, string[]>();
  for (const element of elements) {
    const id = canonicalEpc(element.id);
    children.set(id, [...(children.get(id) ?? []), ...element.children.map(canonicalEpc)]);
  }
  const out: ResolvedMasterData = {};
  for (const { key, condition } of needs) {
    if (condition.kind === 'withDescendants') {
      const found = new Set(condition.values.map(canonicalEpc));
      const queue = [...found];
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        for (const child of children.get(id) ?? []) {
          if (!found.has(child)) {
            found.add(child);
            queue.push(child);
          }
        }
      }
      out[key] = [...found];
    } else {
      const ids = new Set<string>();
      for (const element of elements) {
        const matches = element.attributes.some(({ id, attribute }) => {
          const name = expandCurie(id, {});
          if (condition.kind === 'hasAttribute') return condition.attributes.includes(name) && attribute !== null;
          const text = attributeText(attribute);
          return name === condition.attribute && text !== null && condition.values.includes(text);
        });
        if (matches) ids.add(element.id);
      }
      out[key] = [...ids];
    }
  }
  return out;
}

function resolved(condition: MasterDataCondition, env: TranslateEnv): string[] {
  const ids = env.masterData?.[needKey(condition)];
  if (ids === undefined) throw implementationError('Master data for this query was not resolved');
  return ids;
}

/** The filter "field's value is one of these master-data element ids", in the field's canonical form. */
function fieldIn(field: string, ids: string[], env: TranslateEnv): Filter {
  const unique = (list: string[]) => ({ $in: [...new Set(list)] });
  switch (field) {
    case 'readPoint':
    case 'bizLocation':
    case 'epc':
    case 'parentID':
    case 'epcClass':
      return { [Q[field]]: unique(ids.map(env.canonicalEpc)) };
    case 'bizStep':
    case 'disposition':
      return { [Q[field]]: unique(ids.map((id) => canonicalCbv(field, id, {}))) };
    default:
      // An extension field (full name) of the event whose values are vocabulary element ids.
      return { [Q.extensionEq(extensionFamily('event', false))]: unique(ids.map((id) => composite(field, id))) };
  }
}

export const withDescendants: FamilyTranslator<'withDescendants'> = (c, env) => fieldIn(c.field, resolved(c, env), env);
export const hasAttribute: FamilyTranslator<'hasAttribute'> = (c, env) => fieldIn(c.field, resolved(c, env), env);
export const attributeEq: FamilyTranslator<'attributeEq'> = (c, env) => fieldIn(c.field, resolved(c, env), env);
