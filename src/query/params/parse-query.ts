/**
 * The pure parser of the SimpleEventQuery language (EPCIS-DIGEST §b): a URL query string (as parsed by the HTTP
 * layer: one string per name, an array when a name is repeated) or a named-query body (`POST /queries` `query`
 * object) becomes a typed `EpcisQuery`. Unknown, malformed or repeated parameters raise QueryParameterException
 * (EPCIS-DIGEST §b.3), as do the control rules of §b.1 (`eventCountLimit` needs `orderBy` and excludes
 * `maxEventCount`).
 */
import { queryParameterError } from '../../errors/epcis-errors';
import { setOwn } from '../namespaces';
import type { JsonObject, JsonValue } from '../../model/types';
import { FIXED_ALIASES, FIXED_PARAMETERS } from './fixed-parameters';
import { FLEXIBLE_FAMILIES } from './flexible-parameters';
import type { Controls, Outcome, ParseContext } from './parameter-kinds';
import type { EpcisQuery, QueryCondition } from './query-types';
import { type RawValue, ValueReader } from './value-reader';

export type QueryInput = { params: Record<string, string | string[]> } | { body: JsonObject };

/** At most this many parameters in one query (SECURITY-AND-PERFORMANCE-NOTES 1.2.15). */
export const MAX_PARAMETERS = 100;

// eslint-disable-next-line no-control-regex
const BAD_NAME = /[\u0000-\u001f\u007f]/;

function readParameter(name: string, raw: RawValue, ctx: ParseContext): { key: string; outcome: Outcome } {
  if (name.length > 1024 || BAD_NAME.test(name)) throw queryParameterError(`Invalid query parameter name`);
  const reader = new ValueReader(name, raw);
  const fixed = Object.hasOwn(FIXED_PARAMETERS, name) ? FIXED_PARAMETERS[name] : undefined;
  if (fixed !== undefined) return { key: FIXED_ALIASES[name] ?? name, outcome: fixed(reader, ctx) };
  for (const family of FLEXIBLE_FAMILIES) {
    const match = family.pattern.exec(name);
    const read = match && family.read(match, reader, ctx);
    if (read) return read;
  }
  throw queryParameterError(`Unknown query parameter ${name}`);
}

/** The prefixes declared by a body's `@context` (objects only; remote context URLs declare nothing here). */
function contextPrefixes(context: JsonValue | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = Array.isArray(context) ? context : context === undefined ? [] : [context];
  for (const entry of entries) {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) continue;
    for (const [prefix, iri] of Object.entries(entry)) {
      if (typeof iri === 'string' && !prefix.startsWith('@')) setOwn(out, prefix, iri);
    }
  }
  return out;
}

/** Merges two prefix declarations; the same prefix bound to two IRIs is a QueryParameterException (EPCIS-DIGEST §b.2). */
function mergeNamespaces(a: Record<string, string>, b: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [prefix, iri] of Object.entries(a)) setOwn(out, prefix, iri);
  for (const [prefix, iri] of Object.entries(b)) {
    if (Object.hasOwn(out, prefix) && out[prefix] !== iri) {
      throw queryParameterError(`Namespace prefix ${prefix} is declared with two different IRIs`);
    }
    setOwn(out, prefix, iri);
  }
  return out;
}

export function parseQuery(input: QueryInput, ctx: ParseContext): EpcisQuery {
  let entries: [string, RawValue][];
  let namespaces = ctx.namespaces;
  if ('params' in input) {
    entries = Object.entries(input.params).map(([name, value]) => {
      if (Array.isArray(value)) throw queryParameterError(`Query parameter ${name} is given more than once`);
      return [name, { source: 'url', text: value }];
    });
  } else {
    const { '@context': context, ...rest } = input.body;
    namespaces = mergeNamespaces(ctx.namespaces, contextPrefixes(context));
    entries = Object.entries(rest).map(([name, json]) => [name, { source: 'body', json }]);
  }
  if (entries.length > MAX_PARAMETERS) throw queryParameterError(`More than ${MAX_PARAMETERS} query parameters`);

  const seen = new Set<string>();
  const conditions: QueryCondition[] = [];
  const controls: Controls = {};
  const parameterNames: string[] = [];
  for (const [name, raw] of entries) {
    const { key, outcome } = readParameter(name, raw, { namespaces });
    if (seen.has(key)) throw queryParameterError(`Query parameter ${name} is given more than once`);
    seen.add(key);
    parameterNames.push(name);
    if (outcome === null) continue;
    if ('condition' in outcome) conditions.push(outcome.condition);
    else Object.assign(controls, outcome.control);
  }

  // EPCIS-DIGEST §b.1 eventCountLimit: requires orderBy, mutually exclusive with maxEventCount.
  if (controls.eventCountLimit !== undefined && controls.orderBy === undefined) {
    throw queryParameterError('eventCountLimit requires orderBy');
  }
  if (controls.eventCountLimit !== undefined && controls.maxEventCount !== undefined) {
    throw queryParameterError('eventCountLimit and maxEventCount cannot be combined');
  }
  return { ...controls, orderDirection: controls.orderDirection ?? 'DESC', conditions, parameterNames };
}
