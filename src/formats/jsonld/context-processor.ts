/**
 * `@context` analysis for EPCIS 2.0 JSON/JSON-LD capture (EPCIS 2.0 §9 JSON binding; EPCIS-DIGEST §e "Extensions"
 * and "JSON-LD context"; SECURITY-AND-PERFORMANCE-NOTES 1.2.7-1.2.9).
 *
 * `analyseContext` accepts a document's (or standalone event's) `@context` when it references an EPCIS context
 * document and declares extension prefixes that do not clash with the protected EPCIS terms, and returns the
 * namespace of every prefix, so CURIE extension keys such as `example:myField` can be stored with their namespace.
 * The common shape is decided without jsonld.js (context-fast-path.ts); every other shape is processed by jsonld.js
 * with the static document loader, which never touches the network.
 */
import { EpcisError, validationError } from '../../errors/epcis-errors';
import type { JsonObject } from '../../model/types';
import { fastAnalyseContext, protectedTermMessage } from './context-fast-path';
import {
  checkNestedReferences,
  findEmbeddedContexts,
  hasEmbeddedContexts,
  isPlainObject,
  precheckContext,
  precheckEmbeddedContext,
  type EmbeddedContext,
} from './context-precheck';
import { staticDocumentLoader } from './document-loader';
import {
  jsonld,
  privateContextResolver,
  type ActiveContext,
  type DocumentLoader,
  type JsonLdError,
  type JsonLdOptions,
} from './jsonld-api';

export interface ContextAnalysis {
  /** prefix -> namespace IRI: the EPCIS context's prefixes (epcis, cbv, cbvmda, gs1, rdfs, owl, xsd, dcterms; the
   * simple context adds rdf and vtype) and every prefix the document declares in an inline context. */
  namespaces: Record<string, string>;
  /** true when the context was decided without running jsonld.js. */
  fastPath: boolean;
}

/** Finds an EpcisError (e.g. the loader's refusal) that jsonld.js wrapped in its own error. */
function wrappedEpcisError(error: unknown): EpcisError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current; depth += 1) {
    if (current instanceof EpcisError) return current;
    const holder = current as { details?: { cause?: unknown }; cause?: unknown };
    current = holder.details?.cause ?? holder.cause;
  }
  return undefined;
}

/** Turns a jsonld.js failure into a ValidationException with a readable detail. */
export function jsonLdFailure(error: unknown, where = '@context', instance?: string): EpcisError {
  const wrapped = wrappedEpcisError(error);
  if (wrapped) return wrapped;
  const { details, message } = error as JsonLdError;
  const extras = instance === undefined ? {} : { instance };
  if (details?.code === 'protected term redefinition' && details.term) {
    return validationError(protectedTermMessage(details.term), extras);
  }
  if (details?.code === 'invalid scoped context' && details.term) {
    return validationError(`${where}: invalid scoped context of term "${details.term}"`, extras);
  }
  if (details === undefined && !(error instanceof Error && error.name.startsWith('jsonld.'))) {
    // Not a JSON-LD error (e.g. RangeError on absurd nesting): still the input's fault, but say less.
    return validationError(`${where} could not be processed as JSON-LD (${String(message)})`, extras);
  }
  const code = details?.code ? ` (${details.code})` : '';
  return validationError(`invalid JSON-LD ${where}: ${message}${code}`, extras);
}

async function processContext(active: ActiveContext | null, context: unknown, loader: DocumentLoader) {
  return jsonld.processContext(active, context, optionsFor(loader));
}

function optionsFor(loader: DocumentLoader): JsonLdOptions {
  // jsonld.js caches processed remote contexts by URL only; a loader other than ours gets a private cache.
  return loader === staticDocumentLoader
    ? { documentLoader: loader }
    : { documentLoader: loader, contextResolver: privateContextResolver() };
}

/** Prefixes declared by the inline objects of `context`, as resolved in `active` (unprotected simple terms). */
function declaredPrefixes(context: unknown, active: ActiveContext): Record<string, string> {
  const declared: Record<string, string> = {};
  for (const entry of Array.isArray(context) ? context : [context]) {
    if (!isPlainObject(entry)) continue;
    for (const [name, value] of Object.entries(entry)) {
      if (name.startsWith('@') || name.includes(':')) continue;
      const simple =
        typeof value === 'string' ||
        (isPlainObject(value) && Object.keys(value).every((key) => key === '@id' || key === '@prefix'));
      const mapping = active.mappings.get(name);
      const iri = mapping?.['@id'];
      if (!simple || !mapping || mapping.protected || mapping.reverse || typeof iri !== 'string') continue;
      if (!iri.startsWith('@')) declared[name] = iri;
    }
  }
  return declared;
}

/** The prefixes of the referenced EPCIS context(s): its protected terms usable as prefixes (JSON-LD 1.1 §4.1.3). */
function standardNamespaces(active: ActiveContext): Record<string, string> {
  const namespaces: Record<string, string> = {};
  for (const [name, mapping] of active.mappings) {
    const iri = mapping['@id'];
    if (mapping.protected && mapping._prefix && typeof iri === 'string') namespaces[name] = iri;
  }
  return namespaces;
}

function mergeNamespaces(into: Record<string, string>, from: Record<string, string>, pointer: string): void {
  for (const [prefix, iri] of Object.entries(from)) {
    const known = into[prefix];
    if (known !== undefined && known !== iri) {
      throw validationError(
        `prefix "${prefix}" is declared as "${known}" and, in the @context at ${pointer}, as "${iri}"; ` +
          'one document must use one namespace per prefix',
        { instance: pointer },
      );
    }
    into[prefix] = iri;
  }
}

/**
 * The full path: jsonld.js processes the context (and, when the body embeds further contexts, expands the body
 * so every embedded context is checked where it applies). Runs `precheckContext` itself.
 */
export async function fullAnalyseContext(context: unknown, body?: JsonObject): Promise<Record<string, string>> {
  precheckContext(context);
  let active: ActiveContext;
  try {
    const initial = await processContext(null, null, staticDocumentLoader);
    active = await processContext(initial, context, staticDocumentLoader);
    if (!active?.mappings) throw new Error('jsonld.js returned no active context');
  } catch (error) {
    throw jsonLdFailure(error);
  }
  const namespaces = { ...standardNamespaces(active), ...declaredPrefixes(context, active) };
  const embedded: EmbeddedContext[] = body && hasEmbeddedContexts(body) ? findEmbeddedContexts(body) : [];
  if (embedded.length === 0 || !body) return namespaces;

  embedded.forEach(precheckEmbeddedContext);
  try {
    await jsonld.expand({ ...body, '@context': context }, optionsFor(staticDocumentLoader));
  } catch (error) {
    throw jsonLdFailure(error, 'document');
  }
  const seen = new Set<string>();
  for (const { pointer, context: local } of embedded) {
    const key = JSON.stringify(local);
    if (seen.has(key)) continue;
    seen.add(key);
    let scoped: ActiveContext;
    try {
      scoped = await processContext(active, local, staticDocumentLoader);
    } catch (error) {
      throw jsonLdFailure(error, `@context at ${pointer}`, pointer);
    }
    mergeNamespaces(namespaces, declaredPrefixes(local, scoped), pointer);
  }
  return namespaces;
}

/**
 * Validates the `@context` of an EPCIS document or standalone event and returns its namespace map.
 * `body` is the whole document (or event): when it embeds further `@context` values (e.g. on events), they are
 * checked too and their prefixes added. Throws EpcisError('ValidationException') with a clear detail when the
 * context is missing, malformed, references any non-EPCIS remote context, or redefines a protected EPCIS term.
 */
export async function analyseContext(context: unknown, body?: JsonObject): Promise<ContextAnalysis> {
  precheckContext(context);
  if (body === undefined || !hasEmbeddedContexts(body)) {
    const fast = fastAnalyseContext(context);
    if (fast) return { namespaces: fast, fastPath: true };
  }
  return { namespaces: await fullAnalyseContext(context, body), fastPath: false };
}

/**
 * Expands a JSON-LD document with the given loader (default: the static loader). A loader other than the static
 * one gets a private processed-context cache, so documents served by different loaders under the same URL never
 * mix. Context URLs other than the EPCIS ones and `@import` are refused first (EpcisError, as in analyseContext);
 * other errors are jsonld.js errors, not translated.
 */
export async function expandWithContexts(
  doc: unknown,
  loader: DocumentLoader = staticDocumentLoader,
): Promise<unknown[]> {
  if (isPlainObject(doc)) {
    checkNestedReferences(doc['@context']);
    for (const { context } of findEmbeddedContexts(doc as JsonObject)) checkNestedReferences(context);
  }
  return jsonld.expand(doc, optionsFor(loader));
}
