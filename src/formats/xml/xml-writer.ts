/**
 * A small, safe XML text builder: escapes text and attribute values, refuses characters XML 1.0 cannot carry,
 * and refuses element/attribute names that are not XML names.
 */
import { validationError } from '../../errors/epcis-errors';

// XML 1.0 Char production minus the discouraged C0 controls (tab, LF and CR are allowed).
// eslint-disable-next-line no-control-regex
const INVALID_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const QNAME = /^(?:[A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*$/;

function checkChars(s: string): string {
  if (INVALID_CHAR.test(s)) throw validationError('A value contains a character that XML 1.0 cannot represent');
  return s;
}

const TEXT_SPECIAL = /[&<>\r]/;
const ATTR_SPECIAL = /[&<"\t\n\r]/;

export const escapeText = (s: string): string =>
  !TEXT_SPECIAL.test(checkChars(s))
    ? s
    : s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');

export const escapeAttr = (s: string): string =>
  !ATTR_SPECIAL.test(checkChars(s))
    ? s
    : s
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/"/g, '&quot;')
        .replace(/\t/g, '&#9;')
        .replace(/\n/g, '&#10;')
        .replace(/\r/g, '&#13;');

const checkedNames = new Set<string>();

export function checkName(name: string): string {
  if (checkedNames.has(name)) return name;
  if (!QNAME.test(name)) throw validationError(`"${name}" cannot be written as an XML element or attribute name`);
  if (checkedNames.size < 10_000) checkedNames.add(name);
  return name;
}

const INDENTS: string[] = [];
const indentOf = (depth: number): string => (INDENTS[depth] ??= '\n' + '  '.repeat(depth));

export type Attrs = [string, string][];

export class XmlWriter {
  private readonly parts: string[] = [];
  constructor(private depth = 0) {}

  private indent(): string {
    return indentOf(this.depth);
  }

  private tag(name: string, attrs: Attrs): string {
    let s = '<' + checkName(name);
    for (const [k, v] of attrs) s += ` ${checkName(k)}="${escapeAttr(v)}"`;
    return s;
  }

  open(name: string, attrs: Attrs = []): this {
    this.parts.push(this.indent() + this.tag(name, attrs) + '>');
    this.depth++;
    return this;
  }

  close(name: string): this {
    this.depth--;
    this.parts.push(this.indent() + '</' + name + '>');
    return this;
  }

  /** An element with text content (or empty, written `<name/>`). */
  leaf(name: string, text: string, attrs: Attrs = []): this {
    const t = this.tag(name, attrs);
    this.parts.push(this.indent() + (text === '' ? t + '/>' : `${t}>${escapeText(text)}</${name}>`));
    return this;
  }

  /** Raw text inside the current element (used for `#text` of mixed extension content). */
  text(text: string): this {
    this.parts.push(escapeText(text));
    return this;
  }

  toString(): string {
    return this.parts.join('');
  }
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
