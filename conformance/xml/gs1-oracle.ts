/**
 * Access to the official GS1 artefacts used as a test oracle (../shared/gs1: examples, XSDs, JSON Schema).
 * They are read at test time only, never copied into the project. When the folder is absent (a fresh clone),
 * the tests that need it print why and skip.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { XsdSetLayout } from '../../src/formats/xml/xsd-validator';
import type { JsonObject, JsonValue } from '../../src/model/types';

export const GS1_ROOT = path.resolve(__dirname, '..', '..', '..', 'shared', 'gs1');
export const XML_EXAMPLES = path.join(GS1_ROOT, 'examples', 'xml');
export const JSON_EXAMPLES = path.join(GS1_ROOT, 'examples', 'json', 'full-context');
const XSD = path.join(GS1_ROOT, 'schemas', 'xsd');

/** Call in a `before` hook: skips the suite with a printed reason when ../shared/gs1 is absent. */
export function requireGs1(ctx: Mocha.Context): void {
  if (!existsSync(XML_EXAMPLES) || !existsSync(XSD)) {
    console.log(`    (skipped: the GS1 oracle folder ${GS1_ROOT} is absent; CI always has it)`);
    ctx.skip();
  }
}

export function listFiles(dir: string, ext: string): string[] {
  return readdirSync(dir)
    .flatMap((n) => {
      const p = path.join(dir, n);
      return statSync(p).isDirectory() ? listFiles(p, ext) : p.endsWith(ext) ? [p] : [];
    })
    .sort();
}

export const readText = (file: string): string => readFileSync(file, 'utf8');
export const readJson = (file: string): JsonObject => JSON.parse(readText(file)) as JsonObject;

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
export function officialJsonSchemaValidator(): (doc: JsonValue) => string[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(readJson(path.join(GS1_ROOT, 'schemas', 'json', 'EPCIS-JSON-Schema.json')));
  return (doc) => (validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));
}

/** The event list of a JSON document (EPCISDocument or EPCISQueryDocument). */
export function eventsOf(doc: JsonObject): JsonObject[] {
  const body = doc.epcisBody as JsonObject;
  const list = body.eventList ?? ((body.queryResults as JsonObject).resultsBody as JsonObject).eventList;
  return list as JsonObject[];
}
