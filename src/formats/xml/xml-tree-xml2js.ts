/**
 * Builds an XmlElement tree with xml2js (the agreed parser; sax in strict mode underneath, which ignores DTD
 * entity declarations and fails on unknown entities). Slower than saxes; kept as the reference path and
 * tested with the same mapping tests.
 */
import { Parser } from 'xml2js';
import { EpcisError, validationError } from '../../errors/epcis-errors';
import type { XmlAttr, XmlElement } from './xml-node';
import type { XmlLimits } from './xml-limits';

interface X2jsAttr {
  name: string;
  value: string;
  prefix: string;
  local: string;
  uri: string;
}
interface X2jsNode {
  '#name': string;
  $ns?: { uri: string; local: string };
  $?: Record<string, X2jsAttr>;
  $$?: X2jsNode[];
  _?: string;
}

const PARSER_OPTIONS = {
  xmlns: true,
  explicitChildren: true,
  preserveChildrenOrder: true,
  explicitRoot: true,
  includeWhiteChars: true,
  trim: false,
  normalize: false,
  strict: true,
  async: false,
};

export async function buildTreeWithXml2js(xml: string, limits: Required<XmlLimits>): Promise<XmlElement> {
  let parsed: unknown;
  try {
    parsed = await new Parser(PARSER_OPTIONS).parseStringPromise(xml);
  } catch (err) {
    throw validationError(`Malformed XML: ${(err as Error).message.split('\n')[0] ?? 'parse error'}`);
  }
  const top = parsed as Record<string, X2jsNode> | null;
  const rootNode = top ? Object.values(top)[0] : undefined;
  if (!rootNode) throw validationError('Malformed XML: no root element');
  try {
    return convert(rootNode, limits.maxDepth);
  } catch (err) {
    if (err instanceof EpcisError) throw err;
    throw validationError(`Malformed XML: ${(err as Error).message}`);
  }
}

/** Iterative conversion (no recursion, so hostile nesting cannot overflow the stack). */
function convert(rootNode: X2jsNode, maxDepth: number): XmlElement {
  const make = (n: X2jsNode): XmlElement => {
    const qname = n['#name'];
    const colon = qname.indexOf(':');
    const attrs: XmlAttr[] = [];
    const nsDecls = Object.create(null) as Record<string, string>;
    for (const a of Object.values(n.$ ?? {})) {
      attrs.push({ ns: a.uri ?? '', local: a.local || a.name, prefix: a.prefix ?? '', value: a.value });
      if (a.prefix === 'xmlns') nsDecls[a.local] = a.value;
      else if (a.name === 'xmlns') nsDecls[''] = a.value;
    }
    return {
      ns: n.$ns?.uri ?? '',
      local: n.$ns?.local ?? (colon >= 0 ? qname.slice(colon + 1) : qname),
      prefix: colon >= 0 ? qname.slice(0, colon) : '',
      attrs,
      children: [],
      text: typeof n._ === 'string' ? n._ : '',
      nsDecls,
    };
  };
  const root = make(rootNode);
  const work: [X2jsNode, XmlElement, number][] = [[rootNode, root, 1]];
  while (work.length > 0) {
    const [node, el, depth] = work.pop()!;
    if (depth > maxDepth) throw validationError(`XML nesting deeper than ${maxDepth} levels`);
    for (const child of node.$$ ?? []) {
      if (child['#name'] === '__text__' || child['#name'] === '__cdata') {
        el.text += child._ ?? '';
        continue;
      }
      const c = make(child);
      el.children.push(c);
      work.push([child, c, depth + 1]);
    }
  }
  return root;
}
