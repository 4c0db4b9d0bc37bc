/**
 * Hardening of XML input (SECURITY-AND-PERFORMANCE-NOTES rows 1.2.4 and 1.2.5): size and depth limits, no DTD
 * internal subset, no entity declarations. Nothing is ever expanded or fetched: the parsers used here ignore
 * external DTDs and fail on undeclared entity references.
 */
import { validationError } from '../../errors/epcis-errors';

export interface XmlLimits {
  /** Maximum document size in UTF-16 code units (default 20 MiB). */
  maxLength?: number;
  /** Maximum element nesting depth (default 64; EPCIS documents need about 15). */
  maxDepth?: number;
}

export const DEFAULT_XML_LIMITS: Required<XmlLimits> = { maxLength: 20 * 1024 * 1024, maxDepth: 64 };

export const resolveLimits = (limits?: XmlLimits): Required<XmlLimits> => ({
  maxLength: limits?.maxLength ?? DEFAULT_XML_LIMITS.maxLength,
  maxDepth: limits?.maxDepth ?? DEFAULT_XML_LIMITS.maxDepth,
});

const DOCTYPE = /<!DOCTYPE/i;
const ENTITY_DECL = /<!ENTITY/i;

/**
 * Rejects documents over the size limit, any `<!ENTITY` declaration, and any DOCTYPE with an internal subset
 * (`[...]`). A bare `<!DOCTYPE name>` (some GS1 examples carry `<!DOCTYPE project>`) is tolerated; an external
 * identifier (SYSTEM/PUBLIC) is rejected because it names something that could be fetched.
 */
export function checkXmlPrologue(xml: string | Uint8Array, limits: Required<XmlLimits>): void {
  if (typeof xml !== 'string') return checkXmlPrologueBytes(xml, limits);
  if (xml.length > limits.maxLength) {
    throw validationError(`XML document of ${xml.length} characters exceeds the limit of ${limits.maxLength}`);
  }
  if (ENTITY_DECL.test(xml)) {
    throw validationError('XML entity declarations (<!ENTITY) are not accepted');
  }
  const m = DOCTYPE.exec(xml);
  if (m) {
    const end = xml.indexOf('>', m.index);
    const decl = end < 0 ? xml.slice(m.index) : xml.slice(m.index, end + 1);
    if (!/^<!DOCTYPE\s+[A-Za-z_][\w.:-]*\s*>$/i.test(decl)) {
      throw validationError(
        'A DOCTYPE with an internal subset or an external identifier is not accepted; EPCIS XML needs no DTD',
      );
    }
    if (DOCTYPE.test(xml.slice(m.index + 9))) {
      throw validationError('More than one DOCTYPE declaration');
    }
  }
}

/** UTF-16 length of valid UTF-8 bytes (a BOM, dropped by decoding, not counted): one unit per character, two above U+FFFF. */
export function utf16Length(bytes: Uint8Array): number {
  let units = 0;
  for (const byte of bytes) {
    if (byte < 0x80 || byte >= 0xc0) units += byte >= 0xf0 ? 2 : 1;
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return bom ? units - 1 : units;
}

const MARKUP_DECL = '<!';

/** Whether `bytes` hold the ASCII `word` at `at`, in any case (`word` in upper case). */
function hasWordAt(bytes: Uint8Array, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const byte = bytes[at + k];
    if (byte === undefined || (byte & 0xdf) !== word.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * The same checks on the UTF-8 bytes of a document (valid UTF-8, not decoded into one string): in UTF-8 an ASCII
 * character is one byte that no other character's encoding contains, so `<!ENTITY` and `<!DOCTYPE` are found byte
 * for byte. The size is counted in UTF-16 units, as for text.
 */
function checkXmlPrologueBytes(bytes: Uint8Array, limits: Required<XmlLimits>): void {
  const length = bytes.length > limits.maxLength ? utf16Length(bytes) : bytes.length;
  if (length > limits.maxLength) {
    throw validationError(`XML document of ${length} characters exceeds the limit of ${limits.maxLength}`);
  }
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const doctypes: number[] = [];
  let entity = false;
  for (let i = view.indexOf(MARKUP_DECL); i >= 0 && !entity; i = view.indexOf(MARKUP_DECL, i + 2)) {
    if (hasWordAt(view, i + 2, 'ENTITY')) entity = true;
    else if (hasWordAt(view, i + 2, 'DOCTYPE')) doctypes.push(i);
  }
  if (entity) throw validationError('XML entity declarations (<!ENTITY) are not accepted');
  const first = doctypes[0];
  if (first === undefined) return;
  const end = view.indexOf('>', first);
  const decl = view.toString('utf8', first, end < 0 ? view.length : end + 1);
  if (!/^<!DOCTYPE\s+[A-Za-z_][\w.:-]*\s*>$/i.test(decl)) {
    throw validationError(
      'A DOCTYPE with an internal subset or an external identifier is not accepted; EPCIS XML needs no DTD',
    );
  }
  if (doctypes.length > 1) throw validationError('More than one DOCTYPE declaration');
}
