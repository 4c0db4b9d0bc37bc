/**
 * The official GS1 artefacts beside the project checkout (`../shared/gs1`: examples, XSDs, JSON Schema), used only
 * as a test oracle: read at test time, never copied into the project. Suites that need them call
 * `skipWithoutSharedGs1(this)` in a `before` hook (or test), which prints why and skips when they are absent
 * (a fresh clone); CI always has them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { XsdSetLayout } from '../../src/formats/xml/xsd-validator';
import type { JsonObject } from '../../src/model/types';

export const SHARED_GS1 = path.resolve(__dirname, '..', '..', '..', 'shared', 'gs1');
const JSON_ROOT = path.join(SHARED_GS1, 'examples', 'json');
/** The 47 full-context JSON-LD examples (and their sub-folders). */
export const JSON_EXAMPLES = path.join(JSON_ROOT, 'full-context');
export const XML_EXAMPLES = path.join(SHARED_GS1, 'examples', 'xml');
export const OFFICIAL_SCHEMA_FILE = path.join(SHARED_GS1, 'schemas', 'json', 'EPCIS-JSON-Schema.json');
const XSD = path.join(SHARED_GS1, 'schemas', 'xsd');

/** True when every part of the oracle the tests read is there. */
export const sharedGs1Available = (): boolean =>
  [JSON_ROOT, XML_EXAMPLES, XSD, OFFICIAL_SCHEMA_FILE].every((part) => existsSync(part));

/** Skips the suite (or test) with a printed reason when ../shared/gs1 is absent. */
export function skipWithoutSharedGs1(context: Mocha.Context): void {
  if (!sharedGs1Available()) {
    console.log(`    skipped: the GS1 reference artefacts are not at ${SHARED_GS1} (CI always has them)`);
    context.skip();
  }
}

/** The files below `dir` (recursively) whose names end with one of `endings`, sorted by path. */
export function listFiles(dir: string, ...endings: string[]): string[] {
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(path.join(folder, entry.name)) : [path.join(folder, entry.name)],
    );
  return walk(dir)
    .filter((file) => endings.some((ending) => file.endsWith(ending)))
    .sort();
}

export const readText = (file: string): string => readFileSync(file, 'utf8');
export const readJson = (file: string): JsonObject => JSON.parse(readText(file)) as JsonObject;

export interface Gs1JsonExample {
  /** Path relative to examples/json. */
  name: string;
  /** False for a document (EPCISDocument / EPCISQueryDocument), true for a standalone event (POST /events body). */
  standalone: boolean;
  value: JsonObject;
}

/**
 * The JSON examples of EPCIS-DIGEST §g: the 47 full-context documents (json/full-context, recursively) and the
 * 5 standalone events of the JSON Schema tests (json/json-schema-tests/*.json), in that order.
 */
export function gs1JsonExamples(): Gs1JsonExample[] {
  const example = (file: string, standalone: boolean): Gs1JsonExample => ({
    name: path.relative(JSON_ROOT, file),
    standalone,
    value: readJson(file),
  });
  const testDir = path.join(JSON_ROOT, 'json-schema-tests');
  return [
    ...listFiles(JSON_EXAMPLES, '.jsonld').map((file) => example(file, false)),
    // Only the folder's own files: its `schemas` sub-folder holds schema fragments, not events.
    ...listFiles(testDir, '.json')
      .filter((file) => path.dirname(file) === testDir)
      .map((file) => example(file, true)),
  ];
}

/** The examples of `gs1JsonExamples` that carry `@context`. */
export const jsonLdExamples = (): Gs1JsonExample[] => gs1JsonExamples().filter(({ value }) => '@context' in value);

/** The examples written for the older simple context (json/simple-context, recursively). */
export function simpleContextExamples(): Gs1JsonExample[] {
  return listFiles(path.join(JSON_ROOT, 'simple-context'), '.json', '.jsonld')
    .map((file) => ({ name: path.relative(JSON_ROOT, file), standalone: false, value: readJson(file) }))
    .filter(({ value }) => '@context' in value);
}

/** The eventList of a document (EPCISDocument or EPCISQueryDocument), or null when it has none. */
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

/** The eventList of a document that must have one. */
export function eventsOf(doc: JsonObject): JsonObject[] {
  const list = eventListOf(doc);
  if (list === null) throw new Error('the document has no eventList');
  return list;
}

/** The official XSD set, laid out for XsdValidator (1.2 files import their 2.0 siblings by base name). */
export const OFFICIAL_XSD_LAYOUT: XsdSetLayout = {
  dir: XSD,
  files: [
    'EPCglobal.xsd',
    'BasicTypes.xsd',
    'BusinessScope.xsd',
    'DocumentIdentification.xsd',
    'Manifest.xsd',
    'Partner.xsd',
    'StandardBusinessDocumentHeader.xsd',
    'EPCglobal-epcis-2_0.xsd',
    'EPCglobal-epcis-query-2_0.xsd',
    'EPCglobal-epcis-masterdata-2_0.xsd',
    'epcis-1.2/EPCglobal-epcis-1_2.xsd',
    'epcis-1.2/EPCglobal-epcis-query-1_2.xsd',
    'epcis-1.2/EPCglobal-epcis-masterdata-1_2.xsd',
  ],
  entries: {
    'urn:epcglobal:epcis:xsd:2': 'EPCglobal-epcis-2_0.xsd',
    'urn:epcglobal:epcis-query:xsd:2': 'EPCglobal-epcis-query-2_0.xsd',
    'urn:epcglobal:epcis-masterdata:xsd:2': 'EPCglobal-epcis-masterdata-2_0.xsd',
    'urn:epcglobal:epcis:xsd:1': 'epcis-1.2/EPCglobal-epcis-1_2.xsd',
    'urn:epcglobal:epcis-query:xsd:1': 'epcis-1.2/EPCglobal-epcis-query-1_2.xsd',
    'urn:epcglobal:epcis-masterdata:xsd:1': 'epcis-1.2/EPCglobal-epcis-masterdata-1_2.xsd',
  },
};

/** The official EPCIS JSON Schema, compiled as EPCIS-DIGEST §e says (strict off, ajv-formats). */
export function officialJsonSchema(): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(readJson(OFFICIAL_SCHEMA_FILE));
}

/** The official JSON Schema as a function from a document to its error messages (none when valid). */
export function officialJsonSchemaValidator(): (doc: unknown) => string[] {
  const validate = officialJsonSchema();
  return (doc) => (validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));
}
