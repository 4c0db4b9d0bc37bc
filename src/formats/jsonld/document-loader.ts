/**
 * The only jsonld.js document loader of this server: it serves the EPCIS context documents from
 * `schemas/contexts/` and refuses every other URL without touching the network
 * (SECURITY-AND-PERFORMANCE-NOTES 1.2.7 SSRF via remote contexts). Documents are read once and returned with
 * `tag: 'static'`, so jsonld.js keeps their processed form in its shared cache (1.2.8).
 * Importing this module also installs the loader as jsonld's global default, so a call that forgets to pass
 * `documentLoader` cannot fetch anything either.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validationError } from '../../errors/epcis-errors';
import { contextsDirectory } from './context-files';
import { EPCIS_CONTEXT_VARIANTS, KNOWN_CONTEXT_URLS, isKnownContextUrl } from './context-variants';
import { jsonld, type RemoteDocument } from './jsonld-api';

let documents: ReadonlyMap<string, unknown> | undefined;
const loadCounts = new Map<string, number>();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Reads every known context document once (frozen: jsonld must never modify a shared document). */
function contextDocuments(): ReadonlyMap<string, unknown> {
  if (!documents) {
    const dir = contextsDirectory();
    documents = new Map(
      Object.entries(EPCIS_CONTEXT_VARIANTS).map(([url, variant]) => [
        url,
        deepFreeze(JSON.parse(readFileSync(path.join(dir, variant.file), 'utf8')) as unknown),
      ]),
    );
  }
  return documents;
}

/** The refusal every non-EPCIS context URL gets (EPCIS-DIGEST §e "JSON-LD context": the server is offline). */
export const remoteContextRefused = (url: string) =>
  validationError(
    `JSON-LD context "${url}" is not allowed: this server does not fetch remote contexts and accepts only the EPCIS ` +
      `context documents (${KNOWN_CONTEXT_URLS.join(', ')}); declare extension prefixes in an inline @context object`,
  );

/** The static document loader (pass it as `documentLoader` on every jsonld call). */
export async function staticDocumentLoader(url: string): Promise<RemoteDocument> {
  const document = isKnownContextUrl(url) ? contextDocuments().get(url) : undefined;
  if (document === undefined) throw remoteContextRefused(url);
  loadCounts.set(url, (loadCounts.get(url) ?? 0) + 1);
  return { contextUrl: null, documentUrl: url, document, tag: 'static' };
}

/** How many times jsonld asked the loader for `url` since the process started (tests check the cache works). */
export const staticLoaderCallCount = (url: string): number => loadCounts.get(url) ?? 0;

jsonld.documentLoader = staticDocumentLoader;
