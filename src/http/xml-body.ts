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
 * The body's bytes are held once: an XML body is read into one SharedArrayBuffer (shared-body.ts), which this
 * thread's parser decodes chunk by chunk (never into one string) while the XSD worker validates the same memory
 * (its file system keeps a view of it: xmllint-run.ts). A compressed body comes from express.raw as a plain Buffer;
 * the validator then makes one shared copy of it. `raw` must be the only reference to the body (takeBody).
 * Measured with test/bench/xml-memory.ts (50.6 MiB, 54,728 ObjectEvents; server peak RSS growth over idle, in
 * document sizes; 3 runs before, 3-4 after, alternating), before (express.raw + xmllint-wasm's validateXML) -> after:
 *   up to the 202 (receipt, parse, XSD): MongoDB 4.63-5.39x -> 2.26-2.32x, embedded 5.40-5.47x -> 2.29-2.69x;
 *   whole capture: MongoDB 5.02-6.29x -> 5.01-5.14x, embedded 9.71-9.88x -> 8.75-9.14x (the peak is now in the
 *   capture job after the 202, while the events are stored: the RSS climbs there with arrayBuffers flat);
 *   kept after a full GC: MongoDB 0.79-1.71x -> 0.81-1.10x, embedded 5.03-5.06x -> 4.07-4.45x.
 * The shared buffer does not outlive the request: process.memoryUsage().arrayBuffers drops by the document's size
 * about 6 s into the 34 s MongoDB capture, with the job still storing. The earlier note here (a shared copy kept
 * about 1x after the capture) is not borne out: that try copied the body into shared memory while xmllint-wasm
 * still made its own two copies, and "kept" varies by up to 0.9x between runs of the same code.
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
