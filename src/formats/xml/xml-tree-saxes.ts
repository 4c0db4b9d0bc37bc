/**
 * Builds an XmlElement tree with saxes (strict; SECURITY-AND-PERFORMANCE-NOTES §2.2: saxes is 6-9x faster than
 * sax). saxes never expands DTD entities and fails on undeclared ones. Namespaces are resolved here with a scope
 * stack instead of saxes' `xmlns` mode, which is markedly faster on EPCIS documents (few declarations, all on
 * the root); an unbound prefix is an error, as in any namespace-aware parser.
 */
import { TextDecoder } from 'node:util';
import { SaxesParser } from 'saxes';
import { EpcisError, validationError } from '../../errors/epcis-errors';
import { interned, remembered } from '../../model/bounded-memo';
import { XML_NS, XMLNS_NS, type XmlAttr, type XmlElement } from './xml-node';
import { FastScanRefused, FastXmlScanner, type ScanSink } from './xml-fast-scanner';
import type { XmlLimits } from './xml-limits';

/** Shared empty values: most elements have no attributes and declare no namespace (never mutated). */
const NO_ATTRS: XmlAttr[] = [];
const NO_DECLS: Record<string, string> = Object.freeze(Object.create(null) as Record<string, string>);

interface Scope {
  decls: Record<string, string>;
  parent: Scope | undefined;
}

function lookup(scope: Scope | undefined, prefix: string): string | undefined {
  if (prefix === 'xml') return XML_NS;
  if (prefix === 'xmlns') return XMLNS_NS;
  for (let s = scope; s; s = s.parent) {
    const uri = s.decls[prefix];
    if (uri !== undefined) return uri;
  }
  return prefix === '' ? '' : undefined;
}

/**
 * A copy of `s` that does not point into the text it was cut from. V8 makes a substring of 13 characters or more
 * a view of its parent string, so every text node and attribute value kept in an event would keep the whole
 * document's text alive (the chunks fed to saxes, and the document string they were cut from) as long as the
 * event lives: in the embedded store, forever. JSON.parse makes a flat string of its own (measured on a 25 MB
 * capture: the mapped events then hold 27 MB of heap instead of 48; `(' ' + s).slice(1)` left 33, a view
 * into a flat copy). Costs about 0.5 µs a value. (Joining two pieces also makes a flat copy, at 0.28 against 0.71 us,
 * but the peak memory of a 50 MB capture into the embedded store rose from 3.05-4.09x to 4.02-4.09x with it.)
 */
const copyOf = (s: string): string => (s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string));

/**
 * The texts seen lately, each kept once: an EPCIS document repeats most of its values from event to event (action,
 * time zone, read point, business location, CBV URNs...), and the parsed events of a large capture otherwise hold
 * one copy of each per event until the capture is stored (in the embedded store, for good). Long texts are not
 * kept (the memo must stay small); when full, the memo is cleared whole (bounded-memo.ts).
 */
const recentTexts = new Map<string, string>();
const RECENT_TEXTS = 4096;
const LONGEST_REMEMBERED = 256;

/** `copyOf(s)`, or the same text seen lately. */
const detach = (s: string): string =>
  s.length > LONGEST_REMEMBERED ? copyOf(s) : interned(recentTexts, s, RECENT_TEXTS, copyOf);

/** Whether `t` is XML white space only (space, tab, CR, LF: XML 1.0 production S). */
function isXmlSpace(t: string): boolean {
  for (let i = 0; i < t.length; i += 1) {
    const c = t.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

/**
 * The prefix and local part of a qualified name, as copies (copyOf): saxes cuts names out of the text it is fed, and
 * an element's local name becomes a value of the mapped event (its `type`, "AggregationEvent"): kept as a view,
 * it held the whole decoded document alive (measured: 15 MB kept by the types of a 14.3 MB document of
 * AggregationEvents). Names repeat throughout a document, so each is split and copied once (bounded memo).
 */
function split(qname: string): readonly [string, string] {
  const known = qnames.get(qname);
  if (known !== undefined) return known;
  const i = qname.indexOf(':');
  const parts =
    i < 0 ? (['', copyOf(qname)] as const) : ([copyOf(qname.slice(0, i)), copyOf(qname.slice(i + 1))] as const);
  return remembered(qnames, copyOf(qname), QNAMES, () => parts);
}

const qnames = new Map<string, readonly [string, string]>();
const QNAMES = 1024;

/**
 * Called when an event element closes (a child of `EventList`, possibly inside unqualified `extension`
 * wrappers): the callback maps it, and its subtree is dropped at once, so memory stays proportional to one
 * event plus the mapped JSON (streaming path for large event lists).
 */
export type EventSink = (event: XmlElement, root: XmlElement) => void;

const isWrapper = (el: XmlElement): boolean => el.ns === '' && el.local === 'extension';
const isEventList = (el: XmlElement): boolean => el.ns === '' && el.local === 'EventList';

/** Whether the element on top of the stack is an event: its ancestors up to an EventList are only wrappers. */
function isEventElement(stack: XmlElement[]): boolean {
  const el = stack[stack.length - 1]!;
  if (isWrapper(el)) return false;
  for (let i = stack.length - 2; i >= 0 && i >= stack.length - 4; i--) {
    const a = stack[i]!;
    if (isEventList(a)) return true;
    if (!isWrapper(a)) return false;
  }
  return false;
}

export interface XmlTreeBuilder {
  write(chunk: string): void;
  close(): XmlElement;
}

/** The tree a scanner's reports build (saxes, or the fast scanner: xml-fast-scanner.ts). */
interface TreeHandlers extends ScanSink {
  cdata(text: string): void;
  root(): XmlElement | undefined;
}

function treeHandlers(limits: Required<XmlLimits>, onEvent: EventSink | undefined): TreeHandlers {
  const stack: XmlElement[] = [];
  const scopes: (Scope | undefined)[] = [];
  let scope: Scope | undefined;
  let root: XmlElement | undefined;
  const opentag = (name: string, raw: Record<string, string>): void => {
    if (stack.length >= limits.maxDepth) {
      throw validationError(`XML nesting deeper than ${limits.maxDepth} levels`);
    }
    let nsDecls = NO_DECLS;
    for (const name in raw) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        if (nsDecls === NO_DECLS) nsDecls = Object.create(null) as Record<string, string>;
        nsDecls[name === 'xmlns' ? '' : name.slice(6)] = detach(raw[name]!);
      }
    }
    scopes.push(scope);
    if (nsDecls !== NO_DECLS) scope = { decls: nsDecls, parent: scope };
    let attrs: XmlAttr[] = NO_ATTRS;
    for (const name in raw) {
      const [prefix, local] = split(name);
      // Unprefixed attributes are in no namespace; `xmlns` itself is in the xmlns namespace.
      const ns = name === 'xmlns' ? XMLNS_NS : prefix === '' ? '' : lookup(scope, prefix);
      if (ns === undefined) throw validationError(`Malformed XML: unbound namespace prefix "${prefix}"`);
      if (attrs === NO_ATTRS) attrs = [];
      attrs.push({ ns, local, prefix, value: detach(raw[name]!) });
    }
    const [prefix, local] = split(name);
    const ns = lookup(scope, prefix);
    if (ns === undefined) throw validationError(`Malformed XML: unbound namespace prefix "${prefix}"`);
    const el: XmlElement = { ns, local, prefix, attrs, children: [], text: '', nsDecls };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  };
  return {
    opentag,
    text(t) {
      const top = stack[stack.length - 1];
      if (!top) return;
      if (top.text !== '') top.text += t;
      // Leading white space is dropped here: every reader trims text (xml-node.ts textOf), and most text events of
      // an indented document are the white space between elements.
      else if (!isXmlSpace(t)) top.text = detach(t);
    },
    keepsWhitespace: () => (stack[stack.length - 1]?.text ?? '') !== '',
    cdata(t) {
      const top = stack[stack.length - 1];
      if (top) top.text = top.text === '' ? detach(t) : top.text + t;
    },
    closetag() {
      if (onEvent && stack.length > 1 && isEventElement(stack)) {
        const el = stack[stack.length - 1]!;
        onEvent(el, stack[0]!);
        stack[stack.length - 2]!.children.pop();
      }
      stack.pop();
      scope = scopes.pop();
    },
    root: () => root,
  };
}

export function createSaxesTreeBuilder(limits: Required<XmlLimits>, onEvent?: EventSink): XmlTreeBuilder {
  const parser = new SaxesParser({ position: false });
  const tree = treeHandlers(limits, onEvent);
  let failure: Error | undefined;
  parser.on('error', (err) => {
    failure ??= err;
    throw err;
  });
  parser.on('opentag', (tag) => tree.opentag(tag.name, tag.attributes as Record<string, string>));
  parser.on('text', (t) => tree.text(t));
  parser.on('cdata', (t) => tree.cdata(t));
  parser.on('closetag', () => tree.closetag());

  const guard = (run: () => void): void => {
    try {
      run();
    } catch (err) {
      if (err instanceof EpcisError) throw err;
      throw validationError(`Malformed XML: ${(failure ?? (err as Error)).message}`);
    }
  };
  return {
    write: (chunk) => guard(() => parser.write(chunk)),
    close: () => {
      guard(() => parser.close());
      const root = tree.root();
      if (!root) throw validationError('Malformed XML: no root element');
      return root;
    },
  };
}

/**
 * The same tree from the fast scanner (xml-fast-scanner.ts), which throws FastScanRefused on anything it leaves to
 * saxes: the caller then parses the document again with `createSaxesTreeBuilder`.
 */
export function createFastTreeBuilder(limits: Required<XmlLimits>, onEvent?: EventSink): XmlTreeBuilder {
  const tree = treeHandlers(limits, onEvent);
  const scanner = new FastXmlScanner(tree);
  return {
    write: (chunk) => scanner.write(chunk),
    close: () => {
      scanner.close();
      const root = tree.root();
      if (!root) throw new FastScanRefused('no root element');
      return root;
    },
  };
}

export function buildTreeWithSaxes(xml: string, limits: Required<XmlLimits>, onEvent?: EventSink): XmlElement {
  const builder = createSaxesTreeBuilder(limits, onEvent);
  builder.write(xml);
  return builder.close();
}

/**
 * Same, fed in chunks with a turn of the event loop between them, so that a large document never blocks the
 * server for more than one chunk's worth of parsing (SECURITY-AND-PERFORMANCE-NOTES row 1.2.5). A document given
 * as UTF-8 bytes is decoded chunk by chunk (strictly; a BOM is dropped): its text never exists as one string.
 * `scanner`: saxes, or the fast scanner (which throws FastScanRefused on what it leaves to saxes).
 */
export async function buildTreeYielding(
  xml: string | Uint8Array,
  limits: Required<XmlLimits>,
  onEvent?: EventSink,
  chunkSize = 256 * 1024,
  scanner: 'fast' | 'saxes' = 'saxes',
): Promise<XmlElement> {
  const builder = (scanner === 'fast' ? createFastTreeBuilder : createSaxesTreeBuilder)(limits, onEvent);
  const decoder = typeof xml === 'string' ? undefined : new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < xml.length; i += chunkSize) {
    const last = i + chunkSize >= xml.length;
    if (typeof xml === 'string') builder.write(xml.slice(i, i + chunkSize));
    else
      for (let j = i; j < Math.min(i + chunkSize, xml.length); j += DECODE_BYTES) {
        const end = Math.min(j + DECODE_BYTES, i + chunkSize, xml.length);
        builder.write(decodeChunk(decoder!, xml.subarray(j, end), end === xml.length));
      }
    if (!last) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return builder.close();
}

/**
 * Bytes decoded into one string at a time: at most 96 KiB of string (two bytes a character at worst), below V8's
 * large-object size (128 KiB). A larger string goes to the large-object space, which only a full (mark-compact)
 * collection frees: the decoded text of a whole document then piled up there as garbage.
 */
const DECODE_BYTES = 48 * 1024;

function decodeChunk(decoder: TextDecoder, bytes: Uint8Array, last: boolean): string {
  try {
    return decoder.decode(bytes, { stream: !last });
  } catch {
    throw validationError('Malformed XML: the document is not valid UTF-8');
  }
}
