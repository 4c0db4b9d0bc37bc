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
export function checkXmlPrologue(xml: string, limits: Required<XmlLimits>): void {
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
