/**
 * A minimal, namespace-resolved XML element tree: the only shape the EPCIS XML mapping works on, so the
 * mapping does not depend on which parser (saxes or xml2js) produced it.
 */
export interface XmlAttr {
  /** Namespace URI ('' for an unprefixed attribute). */
  ns: string;
  local: string;
  prefix: string;
  value: string;
}

export interface XmlElement {
  ns: string;
  local: string;
  prefix: string;
  attrs: XmlAttr[];
  children: XmlElement[];
  /** Concatenated character data of this element's own text nodes (not of descendants). */
  text: string;
  /** Namespace declarations made on this element (prefix -> URI; '' for the default namespace). */
  nsDecls: Record<string, string>;
}

export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Attributes that carry data (not namespace declarations, not xsi:*). */
export const dataAttrs = (el: XmlElement): XmlAttr[] =>
  el.attrs.filter((a) => a.ns !== XMLNS_NS && a.ns !== XSI_NS && !(a.prefix === '' && a.local === 'xmlns'));

/** The value of an unqualified attribute, or undefined. */
export const attr = (el: XmlElement, local: string): string | undefined =>
  el.attrs.find((a) => a.ns === '' && a.local === local)?.value;

export const isNil = (el: XmlElement): boolean =>
  el.attrs.some((a) => a.ns === XSI_NS && a.local === 'nil' && (a.value.trim() === 'true' || a.value.trim() === '1'));

export const textOf = (el: XmlElement): string => el.text.trim();
