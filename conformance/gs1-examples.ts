/**
 * Loads the GS1 EPCIS 2.0 JSON examples used as conformance fixtures (EPCIS-DIGEST §g): the 47 full-context
 * documents and the 5 standalone events of the JSON Schema tests. They live in ../shared/gs1 beside the checkout.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { JsonObject } from '../src/model/types';

export const GS1_DIR = path.resolve(__dirname, '..', '..', 'shared', 'gs1');
export const OFFICIAL_SCHEMA_FILE = path.join(GS1_DIR, 'schemas', 'json', 'EPCIS-JSON-Schema.json');

export interface BaseCase {
  /** Path relative to examples/json. */
  name: string;
  /** A document (EPCISDocument / EPCISQueryDocument) or a standalone event (POST /events body). */
  standalone: boolean;
  value: JsonObject;
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]))
    .sort();
}

export function gs1Available(): boolean {
  return fs.existsSync(OFFICIAL_SCHEMA_FILE);
}

export function loadBaseCases(): BaseCase[] {
  const root = path.join(GS1_DIR, 'examples', 'json');
  const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as JsonObject;
  const documents = filesUnder(path.join(root, 'full-context'))
    .filter((file) => file.endsWith('.jsonld'))
    .map((file) => ({ name: path.relative(root, file), standalone: false, value: read(file) }));
  const testDir = path.join(root, 'json-schema-tests');
  const events = fs
    .readdirSync(testDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: `json-schema-tests/${file}`, standalone: true, value: read(path.join(testDir, file)) }));
  return [...documents, ...events];
}

/** The eventList of a document (EPCISDocument or EPCISQueryDocument), or null. */
export function eventListOf(doc: JsonObject): JsonObject[] | null {
  const body = doc['epcisBody'] as JsonObject | undefined;
  if (!body || typeof body !== 'object') return null;
  const direct = body['eventList'];
  if (Array.isArray(direct)) return direct as JsonObject[];
  const results = body['queryResults'] as JsonObject | undefined;
  const resultsBody = results?.['resultsBody'] as JsonObject | undefined;
  const nested = resultsBody?.['eventList'];
  return Array.isArray(nested) ? (nested as JsonObject[]) : null;
}
