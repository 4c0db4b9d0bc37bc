/**
 * Structural checks of an `@context` value that need no JSON-LD processing, shared by the fast and the full path
 * (EPCIS 2.0 §9 JSON-LD binding; EPCIS-DIGEST §e "Extensions" and "JSON-LD context"):
 * - a document or a standalone event must carry `@context` (JSON Schema `required-ld-context`);
 * - the top level is an EPCIS context URL, or an array of EPCIS context URLs and inline objects, with at least
 *   one EPCIS context URL;
 * - no URL anywhere in the context (nested `@context`, `@import`) may name anything but an EPCIS context document
 *   (SECURITY-AND-PERFORMANCE-NOTES 1.2.7), and `@import` is refused altogether.
 * All walks are iterative, so a deeply nested context cannot overflow the stack.
 */
import { validationError } from '../../errors/epcis-errors';
import type { JsonObject } from '../../model/types';
import { isKnownContextUrl } from './context-variants';
import { remoteContextRefused } from './document-loader';

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const describe = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** Deepest object/array nesting accepted inside one @context value (SECURITY-AND-PERFORMANCE-NOTES 1.2.16). */
export const MAX_CONTEXT_DEPTH = 64;

/**
 * Every string that a JSON-LD processor would dereference inside a context value (string, object or array) must
 * name an EPCIS context document; `@import` is refused; nesting is bounded so jsonld.js's recursion stays shallow.
 */
export function checkNestedReferences(root: unknown): void {
  if (typeof root === 'string' && !isKnownContextUrl(root)) throw remoteContextRefused(root);
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (node === null || typeof node !== 'object') continue;
    if (depth > MAX_CONTEXT_DEPTH) {
      throw validationError(`@context is nested more than ${MAX_CONTEXT_DEPTH} levels deep`);
    }
    if (Array.isArray(node)) {
      for (const child of node) stack.push({ node: child, depth: depth + 1 });
      continue;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === '@context' || key === '@import') {
        for (const entry of Array.isArray(value) ? value : [value]) {
          if (typeof entry === 'string' && !isKnownContextUrl(entry)) throw remoteContextRefused(entry);
        }
      }
      // jsonld.js caches an @import result in the shared processed-context cache, where it breaks later documents
      // that reference the same context twice; EPCIS documents have no use for @import, so it is refused.
      if (key === '@import') throw validationError('@context: @import is not supported');
      stack.push({ node: value, depth: depth + 1 });
    }
  }
}

/**
 * Checks a document's (or standalone event's) top-level `@context` and returns it as a list of entries.
 * Throws a ValidationException naming the problem.
 */
export function precheckContext(context: unknown): (string | Record<string, unknown>)[] {
  if (context === undefined) {
    throw validationError('@context is missing: an EPCIS JSON document or standalone event must carry @context');
  }
  const entries = Array.isArray(context) ? context : [context];
  if (entries.length === 0) throw validationError('@context is an empty array');
  const checked: (string | Record<string, unknown>)[] = [];
  let hasEpcisContext = false;
  entries.forEach((entry: unknown, index) => {
    if (typeof entry === 'string') {
      if (!isKnownContextUrl(entry)) throw remoteContextRefused(entry);
      hasEpcisContext = true;
      checked.push(entry);
    } else if (isPlainObject(entry)) {
      checkNestedReferences(entry);
      checked.push(entry);
    } else {
      throw validationError(
        `malformed @context: entry ${index} is ${describe(entry)}; expected the EPCIS context URL or an object`,
      );
    }
  });
  if (!hasEpcisContext) {
    throw validationError('@context must reference the EPCIS JSON-LD context (e.g. the EPCIS 2.0 context URL)');
  }
  return checked;
}

/** An `@context` found inside the body (on an event or any nested object), with its JSON Pointer. */
export interface EmbeddedContext {
  pointer: string;
  context: unknown;
}

const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Whether `body` has any `@context` below its top level (a cheap walk: no pointers, no allocations per key). */
export function hasEmbeddedContexts(body: JsonObject): boolean {
  const stack: unknown[] = [];
  for (const key in body) {
    if (key !== '@context') stack.push(body[key]);
  }
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const child of node) if (child !== null && typeof child === 'object') stack.push(child);
      continue;
    }
    for (const key in node) {
      if (key === '@context') return true;
      const child = (node as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return false;
}

/** Finds every `@context` below the top level of `body` (the top-level one is analysed separately). */
export function findEmbeddedContexts(body: JsonObject): EmbeddedContext[] {
  const found: EmbeddedContext[] = [];
  const stack: { node: unknown; pointer: string }[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (key !== '@context') stack.push({ node: value, pointer: `/${escapePointer(key)}` });
  }
  while (stack.length > 0) {
    const { node, pointer } = stack.pop() as { node: unknown; pointer: string };
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      node.forEach((child, index) => stack.push({ node: child, pointer: `${pointer}/${index}` }));
      continue;
    }
    for (const [key, value] of Object.entries(node)) {
      const childPointer = `${pointer}/${escapePointer(key)}`;
      if (key === '@context') found.push({ pointer: childPointer, context: value });
      else stack.push({ node: value, pointer: childPointer });
    }
  }
  return found;
}

/** Checks an embedded `@context`: no remote URL, same shapes as the top level but no EPCIS URL required. */
export function precheckEmbeddedContext({ pointer, context }: EmbeddedContext): void {
  for (const entry of Array.isArray(context) ? context : [context]) {
    if (typeof entry === 'string') {
      if (!isKnownContextUrl(entry)) throw remoteContextRefused(entry);
    } else if (isPlainObject(entry)) {
      checkNestedReferences(entry);
    } else if (entry !== null) {
      throw validationError(`malformed @context at ${pointer}: ${describe(entry)} entry`, { instance: pointer });
    }
  }
}
