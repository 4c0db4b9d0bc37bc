/** The query language as pure modules (DESIGN.md "Query"): parse, precompute, translate. */
export { parseQuery, type QueryInput } from './params/parse-query';
export { parseGs1ExtensionsHeader } from './params/gs1-extensions-header';
export type { ParseContext } from './params/parameter-kinds';
export type * from './params/query-types';
export { computeQueryFields, queryFieldsOf, type QueryFieldDeps } from './query-fields';
export { translateQuery, type TranslateDeps, type TranslatedQuery } from './translate/translate-query';
export {
  masterDataNeeds,
  resolveMasterData,
  type MasterDataNeed,
  type ResolvedMasterData,
} from './translate/master-data';
export { Q } from './fields/paths';
export { QUERY_INDEXES } from './fields/indexes';
export { QueryService, type QueryPage, type QueryServiceDeps } from './query-service';
