/**
 * Deterministic mutations of EPCIS XML documents for the XSD differential test: element removed, adjacent
 * siblings swapped, a typed value made invalid, an unknown element in the EPCIS namespace inserted. Works on the
 * parser's XmlElement tree and writes it back as XML (comments dropped, namespaces kept).
 */
import { resolveLimits } from '../../src/formats/xml/xml-limits';
import type { XmlElement } from '../../src/formats/xml/xml-node';
import { buildTreeWithSaxes } from '../../src/formats/xml/xml-tree-saxes';
import { escapeAttr, escapeText } from '../../src/formats/xml/xml-writer';

export const parseTree = (xml: string): XmlElement => buildTreeWithSaxes(xml, resolveLimits());

export function writeTree(el: XmlElement): string {
  const name = el.prefix ? `${el.prefix}:${el.local}` : el.local;
  let s = `<${name}`;
  for (const a of el.attrs) {
    const an = a.prefix ? `${a.prefix}:${a.local}` : a.local;
    s += ` ${an}="${escapeAttr(a.value)}"`;
  }
  const body = el.children.length > 0 ? el.children.map(writeTree).join('') : escapeText(el.text.trim());
  return body === '' ? `${s}/>` : `${s}>${body}</${name}>`;
}

const clone = (el: XmlElement): XmlElement => JSON.parse(JSON.stringify(el)) as XmlElement;

/** All elements in document order, with their parent (the root has none). */
function walk(root: XmlElement): { el: XmlElement; parent: XmlElement | undefined }[] {
  const out: { el: XmlElement; parent: XmlElement | undefined }[] = [];
  const visit = (el: XmlElement, parent: XmlElement | undefined) => {
    out.push({ el, parent });
    for (const c of el.children) visit(c, el);
  };
  visit(root, undefined);
  return out;
}

/** Typed element values and their invalid replacement. */
const BAD_TEXT: Record<string, string> = {
  eventTime: 'yesterday',
  recordTime: '2020-01-01T00:00:00',
  declarationTime: '2020-13-01T00:00:00Z',
  action: 'JUMP',
  quantity: 'many',
  createdAt: 'now',
  captureErrorBehaviour: 'retry',
  eventID: 'not a uri',
  status: 'four hundred',
};
/** Typed attributes and their invalid replacement. */
const BAD_ATTR: Record<string, string> = {
  value: 'hot',
  minValue: 'cold',
  booleanValue: 'maybe',
  hexBinaryValue: 'xyz',
  time: '10:00',
  startTime: 'soon',
  schemaVersion: 'two',
  creationDate: 'today',
  running: 'perhaps',
};

export interface Mutation {
  name: string;
  xml: string;
}

/** `perKind` mutations of each kind, chosen deterministically (stride through the candidates). */
export function mutate(xml: string, perKind: number, epcisNs: string): Mutation[] {
  const root = parseTree(xml);
  const out: Mutation[] = [];
  const pick = <T>(items: T[], k: number): T[] => {
    if (items.length === 0) return [];
    const stride = Math.max(1, Math.floor(items.length / k));
    return items.filter((_, i) => i % stride === 0).slice(0, k);
  };
  const nodes = walk(root);
  const indexes = nodes.map((_, i) => i);

  for (const i of pick(
    indexes.filter((i) => nodes[i]!.parent),
    perKind,
  )) {
    const r = clone(root);
    const { el, parent } = walk(r)[i]!;
    parent!.children.splice(parent!.children.indexOf(el), 1);
    out.push({ name: `remove <${el.local}> #${i}`, xml: writeTree(r) });
  }
  const swappable = indexes.filter((i) => {
    const { el, parent } = nodes[i]!;
    const next = parent?.children[parent.children.indexOf(el) + 1];
    return next !== undefined && next.local !== el.local;
  });
  for (const i of pick(swappable, perKind)) {
    const r = clone(root);
    const { el, parent } = walk(r)[i]!;
    const k = parent!.children.indexOf(el);
    [parent!.children[k], parent!.children[k + 1]] = [parent!.children[k + 1]!, el];
    out.push({ name: `swap <${el.local}> with <${parent!.children[k]!.local}> #${i}`, xml: writeTree(r) });
  }
  const typed = indexes.filter((i) => {
    const el = nodes[i]!.el;
    return (el.ns === '' && BAD_TEXT[el.local] !== undefined) || el.attrs.some((a) => a.ns === '' && BAD_ATTR[a.local]);
  });
  for (const i of pick(typed, perKind)) {
    const r = clone(root);
    const { el } = walk(r)[i]!;
    const a = el.attrs.find((x) => x.ns === '' && BAD_ATTR[x.local]);
    if (el.ns === '' && BAD_TEXT[el.local] !== undefined) el.text = BAD_TEXT[el.local]!;
    else if (a) a.value = BAD_ATTR[a.local]!;
    out.push({ name: `bad value in <${el.local}>${a ? `@${a.local}` : ''} #${i}`, xml: writeTree(r) });
  }
  const containers = indexes.filter((i) => nodes[i]!.el.children.length > 0);
  for (const i of pick(containers, perKind)) {
    const r = clone(root);
    const { el } = walk(r)[i]!;
    el.children.push({
      ns: epcisNs,
      local: 'unknownField',
      prefix: 'mut',
      attrs: [{ ns: 'http://www.w3.org/2000/xmlns/', local: 'mut', prefix: 'xmlns', value: epcisNs }],
      children: [],
      text: '1',
      nsDecls: {},
    });
    out.push({ name: `unknown EPCIS element in <${el.local}> #${i}`, xml: writeTree(r) });
  }
  return out;
}
