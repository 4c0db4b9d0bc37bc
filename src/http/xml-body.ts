/**
 * XML request bodies (EPCIS 2.0 and 1.2 XML documents; EPCIS-DIGEST §e "XML documents", §f mapping): strict UTF-8,
 * the hardened parser (no DTD subset, no entities, depth and size limits), then, when enabled, validation against
 * the project's own XSDs. The result is the canonical EPCIS 2.0 JSON document and its namespace map.
 */
import { validationError } from '../errors/epcis-errors';
import { parseEpcisXml, validateEpcisXmlSchema } from '../formats/xml';
import type { ParsedXmlDocument } from '../formats/xml';
import { decodeUtf8 } from './request-body';
import type { Services } from './services';

export async function readXmlBody(raw: unknown, services: Services): Promise<ParsedXmlDocument> {
  const text = decodeUtf8(raw);
  const { maxBytes, maxDepth, xmlSchemaValidation } = services.config.capture;
  const parsed = await parseEpcisXml(text, { maxLength: maxBytes, maxDepth });
  if (xmlSchemaValidation) {
    const errors = await validateEpcisXmlSchema(text, { maxLength: maxBytes, maxDepth });
    if (errors.length > 0) {
      const shown = errors.slice(0, 10).map((e) => (e.line === null ? e.message : `line ${e.line}: ${e.message}`));
      const more = errors.length > 10 ? ` (and ${errors.length - 10} more)` : '';
      throw validationError(`The XML document is not valid against the EPCIS XML schema: ${shown.join('; ')}${more}`);
    }
  }
  return parsed;
}
