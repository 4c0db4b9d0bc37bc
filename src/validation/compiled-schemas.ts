/**
 * Compiles the project's own EPCIS 2.0 JSON Schema (schemas/json/epcis-2.0.schema.json) ONCE per process.
 * AJV settings follow SECURITY-AND-PERFORMANCE-NOTES 1.2.10: no `allErrors` (validation stops at the first error),
 * no `$data`, formats from ajv-formats (full mode, bounded by the schema's maxLength on every URI and date; `uri`
 * and `date-time` through fast-formats.ts, which gives the same verdicts faster).
 */
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import schema from '../../schemas/json/epcis-2.0.schema.json';
import { EVENT_TYPES } from '../cbv/vocabulary';
import { dateTimeFormat, isUri } from './fast-formats';

export const SCHEMA_ID = 'urn:epcis-repository:schema:epcis-2.0';

export type StandardEventType = (typeof EVENT_TYPES)[number];

export interface CompiledSchemas {
  /** The root schema: any EPCIS document or standalone event, validated completely (used by conformance tests). */
  readonly root: ValidateFunction;
  readonly documentEnvelope: ValidateFunction;
  readonly queryDocumentEnvelope: ValidateFunction;
  /** One validator per standard event type (EPCIS 2.0 §7.4.2–§7.4.6), without the @context requirement. */
  readonly events: Readonly<Record<StandardEventType, ValidateFunction>>;
  /** Events whose type is an extension (custom) event type URI or CURIE. */
  readonly extensionEvent: ValidateFunction;
}

let compiled: CompiledSchemas | null = null;

function definition(ajv: Ajv, name: string): ValidateFunction {
  const validate = ajv.getSchema(`${SCHEMA_ID}#/$defs/${name}`);
  if (!validate) throw new Error(`schema definition ${name} is missing from ${SCHEMA_ID}`);
  return validate;
}

/** The compiled validators; the first call compiles (tens of ms), later calls reuse the result. */
export function compiledSchemas(): CompiledSchemas {
  if (compiled) return compiled;
  // verbose: errors carry their parentSchema, whose `description` becomes the human-readable detail.
  const ajv = new Ajv({
    allErrors: false,
    $data: false,
    verbose: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
  });
  addFormats(ajv);
  // The same verdicts, faster for the usual values (fast-formats.ts).
  ajv.addFormat('uri', isUri);
  ajv.addFormat('date-time', dateTimeFormat);
  const root = ajv.compile(schema);
  const events = Object.fromEntries(EVENT_TYPES.map((t) => [t, definition(ajv, t)])) as Record<
    StandardEventType,
    ValidateFunction
  >;
  compiled = {
    root,
    documentEnvelope: definition(ajv, 'EPCISDocumentEnvelope'),
    queryDocumentEnvelope: definition(ajv, 'EPCISQueryDocumentEnvelope'),
    events,
    extensionEvent: definition(ajv, 'ExtensionEvent'),
  };
  return compiled;
}
