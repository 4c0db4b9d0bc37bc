/**
 * XML request bodies (EPCIS 2.0 and 1.2 XML documents; EPCIS-DIGEST §e "XML documents", §f mapping): strict UTF-8,
 * the hardened parser (no DTD subset, no entities, depth and size limits) and, when enabled, validation against
 * the project's own XSDs. The result is the canonical EPCIS 2.0 JSON document and its namespace map.
 */
import { isUtf8 } from 'node:buffer';
import { validationError } from '../errors/epcis-errors';
import { parseEpcisXml, validateEpcisXmlSchema } from '../formats/xml';
import type { ParsedXmlDocument } from '../formats/xml';
import type { Services } from './services';

/**
 * The body's bytes are never decoded into one string: the parser decodes them chunk by chunk and the XSD worker
 * receives them as they are, so that a large document is held as received plus the worker's copy, rather than as
 * bytes, text, and the worker's copy of the text. (A SharedArrayBuffer that the worker would share instead of
 * copying measured worse: the server's RSS after the capture stayed higher by about the document's size.) Peak
 * memory of a 50 MB capture: test/bench/xml-memory.ts.
 */
export async function readXmlBody(
  raw: unknown,
  services: Services,
  /** Called with the parsed document while its schema validation may still be running (e.g. to start work early). */
  whileValidating?: (parsed: ParsedXmlDocument) => void,
): Promise<ParsedXmlDocument> {
  if (!Buffer.isBuffer(raw) || raw.length === 0) throw validationError('The request body is empty.');
  if (!isUtf8(raw)) throw validationError('The request body is not valid UTF-8.');
  const { maxBytes, maxDepth, xmlSchemaValidation } = services.config.capture;
  // The XSD validator runs in a worker thread: it checks the document while this thread parses it. (It refuses
  // entity declarations and DTD subsets itself before xmllint sees the text, as the parser does.) A parse error
  // is reported first, as if the two ran one after the other.
  const validation = xmlSchemaValidation ? validateEpcisXmlSchema(raw, { maxLength: maxBytes, maxDepth }) : null;
  validation?.catch(() => undefined); // awaited below unless the parse fails first
  const parsed = await parseEpcisXml(raw, { maxLength: maxBytes, maxDepth });
  whileValidating?.(parsed);
  if (validation) {
    const errors = await validation;
    if (errors.length > 0) {
      const shown = errors.slice(0, 10).map((e) => (e.line === null ? e.message : `line ${e.line}: ${e.message}`));
      const more = errors.length > 10 ? ` (and ${errors.length - 10} more)` : '';
      throw validationError(`The XML document is not valid against the EPCIS XML schema: ${shown.join('; ')}${more}`);
    }
  }
  return parsed;
}
