/**
 * Character sets and escaping of GS1 key components (GS1 General Specifications §7.11 "character set 82" and
 * "character set 39"; GS1 Tag Data Standard §5 "EPC URI" escaping; GS1 Digital Link §7 percent-encoding).
 */

/** GS1 AI encodable character set 82 (alphanumeric serials, lots, extensions). */
const AI82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/;
/** GS1 AI encodable character set 39 (component/part reference, AI 8010). */
const AI39 = /^[#\-/0-9A-Z]*$/;

export const isCharSet82 = (value: string): boolean => AI82.test(value);
export const isCharSet39 = (value: string): boolean => AI39.test(value);

/** Characters of set 82 that an EPC URI writes as `%XX` (TDS §5: `"`, `%`, `&`, `/`, `<`, `>`, `?`); CPI adds `#`. */
const URN_ESCAPED = /["%&/<>?#]/g;
/** Characters that may appear unescaped in an EPC URI component (TDS §5 grammar). */
const URN_LITERAL = /^[!'()*+,\-.0-9:;=A-Z_a-z]$/;

export function escapeUrnComponent(value: string): string {
  return value.replace(URN_ESCAPED, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Decodes the `%XX` escapes of an EPC URI component; null when the text is not a valid URI component. */
const URN_PLAIN = /^[!'()*+,\-.0-9:;=A-Z_a-z]*$/;

export function unescapeUrnComponent(text: string): string | null {
  if (URN_PLAIN.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '%') {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return null;
      out += String.fromCharCode(parseInt(hex, 16));
      i += 2;
    } else if (URN_LITERAL.test(c)) {
      out += c;
    } else {
      return null;
    }
  }
  return out;
}

/**
 * Percent-encodes a value for a GS1 Digital Link path segment (GS1 Digital Link §7, Table 7-1: `!`, `"`, `#`, `%`,
 * `&`, `(`, `)`, `*`, `+`, `,`, `/`, `:`, `<`, `>`, `?` and space). Set-82 characters `'`, `-`, `.`, `;`, `=`, `_`
 * and alphanumerics stay literal.
 */
const DL_LITERAL = /^['\-.0-9;=A-Z_a-z]*$/;

export function encodeDigitalLinkSegment(value: string): string {
  if (DL_LITERAL.test(value)) return value;
  return value.replace(/[^'\-.0-9;=A-Z_a-z]/g, (c) =>
    encodeURIComponent(c) === c ? `%${c.charCodeAt(0).toString(16).toUpperCase()}` : encodeURIComponent(c),
  );
}

/** Decodes one Digital Link path segment; null when the percent-encoding is malformed. */
export function decodeDigitalLinkSegment(segment: string): string | null {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
