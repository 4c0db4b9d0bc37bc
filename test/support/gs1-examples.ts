/**
 * Access to the official GS1 artefacts beside the project checkout (`../shared/gs1`), used only as a test oracle.
 * Suites that need them call `skipWithoutSharedGs1(this)`, which prints why and skips when they are absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { JsonObject } from '../../src/model/types';

export const SHARED_GS1 = path.resolve(__dirname, '..', '..', '..', 'shared', 'gs1');

export const sharedGs1Available = (): boolean => existsSync(path.join(SHARED_GS1, 'examples', 'json'));

export function skipWithoutSharedGs1(context: Mocha.Context): void {
  if (!sharedGs1Available()) {
    console.log(`    skipped: the GS1 reference artefacts are not at ${SHARED_GS1}`);
    context.skip();
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]))
    .sort();
}

export const readJsonFile = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8')) as unknown;

/** The JSON examples that carry `@context`: json/full-context (recursively) and json/json-schema-tests/*.json. */
export function jsonLdExamples(): { name: string; document: Record<string, unknown> }[] {
  const root = path.join(SHARED_GS1, 'examples', 'json');
  const files = [
    ...walk(path.join(root, 'full-context')).filter((file) => /\.jsonld?$/.test(file)),
    ...readdirSync(path.join(root, 'json-schema-tests'))
      .filter((file) => file.endsWith('.json'))
      .map((file) => path.join(root, 'json-schema-tests', file)),
  ];
  return files
    .map((file) => ({ name: path.relative(root, file), document: readJsonFile(file) as Record<string, unknown> }))
    .filter(({ document }) => '@context' in document);
}

/** The examples written for the older simple context (json/simple-context, recursively). */
export function simpleContextExamples(): { name: string; document: Record<string, unknown> }[] {
  const root = path.join(SHARED_GS1, 'examples', 'json');
  return walk(path.join(root, 'simple-context'))
    .filter((file) => /\.jsonld?$/.test(file))
    .map((file) => ({ name: path.relative(root, file), document: readJsonFile(file) as Record<string, unknown> }))
    .filter(({ document }) => '@context' in document);
}

/** The 47 full-context JSON-LD examples (json/full-context, recursively), as [relative name, document]. */
export function fullContextExamples(): [string, JsonObject][] {
  const root = path.join(SHARED_GS1, 'examples', 'json', 'full-context');
  return walk(root)
    .filter((file) => file.endsWith('.jsonld'))
    .map((file) => [path.relative(root, file), readJsonFile(file) as JsonObject]);
}
