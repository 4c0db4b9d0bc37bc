/**
 * A typed facade over the parts of jsonld.js this project uses. `@types/jsonld` lacks `processContext` and types the
 * document loader loosely, so the library is described here once and every other module imports from this file.
 */
import jsonldUntyped from 'jsonld';

/** What a jsonld document loader returns (JSON-LD 1.1 API §9.4.3 RemoteDocument, plus the jsonld.js cache `tag`). */
export interface RemoteDocument {
  contextUrl: string | null;
  documentUrl: string;
  document: unknown;
  /** `static`: jsonld.js may keep the processed context in its shared cache (SECURITY-AND-PERFORMANCE-NOTES 1.2.8). */
  tag?: string;
}

export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/** One term definition of a processed (active) context, as jsonld.js stores it. */
export interface TermDefinition {
  '@id'?: string;
  '@type'?: string;
  '@container'?: string[];
  '@context'?: unknown;
  reverse?: boolean;
  protected?: boolean;
  _prefix?: boolean;
  _termHasColon?: boolean;
  [key: string]: unknown;
}

/** A processed (active) context as jsonld.js returns it. */
export interface ActiveContext {
  mappings: Map<string, TermDefinition>;
  protected: Record<string, boolean>;
  [key: string]: unknown;
}

export interface JsonLdOptions {
  documentLoader?: DocumentLoader;
  safe?: boolean;
  base?: string | null;
  /** jsonld.js internal: a ContextResolver; tests pass a private one to bypass the shared processed-context cache. */
  contextResolver?: unknown;
}

/** A jsonld.js error (`jsonld.SyntaxError`, ...): `details.code` is the JSON-LD 1.1 error code. */
export interface JsonLdError extends Error {
  details?: { code?: string; term?: string; url?: string; cause?: unknown; [key: string]: unknown };
}

interface JsonLdLibrary {
  expand(input: unknown, options?: JsonLdOptions): Promise<unknown[]>;
  processContext(activeCtx: ActiveContext | null, localCtx: unknown, options?: JsonLdOptions): Promise<ActiveContext>;
  documentLoader: DocumentLoader;
}

export const jsonld = jsonldUntyped as unknown as JsonLdLibrary;

/** A fresh jsonld.js ContextResolver with a private cache (for tests that must not share processed contexts). */
export function privateContextResolver(): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ContextResolver = require('jsonld/lib/ContextResolver') as new (options: { sharedCache: unknown }) => unknown;
  return new ContextResolver({ sharedCache: new Map() });
}
