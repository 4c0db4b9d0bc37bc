/**
 * EPC URI <-> GS1 key (GS1 Tag Data Standard 2.x §6 and §7: pure identity, class and pattern URIs; company
 * prefix of 6 to 12 digits; components escaped per TDS §5). See EPCIS-DIGEST §a "GS1-EPC-Format".
 */
import { gs1CheckDigit } from './check-digit';
import { escapeUrnComponent, unescapeUrnComponent } from './character-sets';
import { fail, ok, checkKey, type AiValue, type Gs1Key, type Result } from './gs1-key';
import { findScheme, fixedKeyLength, schemeForKey, type SchemeSpec, type UrnForm } from './epc-urn-schemes';

export interface ParsedEpcUrn {
  readonly form: UrnForm;
  readonly scheme: string;
  readonly key: Gs1Key;
  readonly companyPrefixLength: number;
}

const URN = /^urn:epc:(id|class|idpat):([a-z0-9]+):(.+)$/;
const PREFIX = /^\d{6,12}$/;

export const isEpcUrnSyntax = (uri: string): boolean => URN.test(uri);

/** Parses a GS1-key EPC URI into its key; the reason says what is wrong. */
export function parseEpcUrn(urn: string): Result<ParsedEpcUrn> {
  const m = URN.exec(urn);
  if (!m) return fail('not an EPC URI (urn:epc:id|class|idpat:...)');
  const [, form = '', name = '', body = ''] = m;
  const spec = findScheme(form, name);
  if (!spec) return fail(`urn:epc:${form}:${name} is not a GS1 key scheme this server converts`);
  const fields = splitFields(body, fieldCount(spec));
  if (!fields) return fail(`urn:epc:${form}:${name} needs ${fieldCount(spec)} components`);
  const [cp = '', ref = '', ...more] = fields;
  if (!PREFIX.test(cp)) return fail(`company prefix "${cp}" must be 6 to 12 digits`);
  const primary = primaryValue(spec, cp, ref, spec.pieceTotal ? more.slice(0, 2) : []);
  if (!primary.ok) return primary;
  const ais: AiValue[] = [{ ai: spec.ai, value: primary.value }];
  const tailText = spec.tail ? more[more.length - 1] : undefined;
  if (spec.tail && tailText !== undefined) {
    if (spec.tail.ai === 'star') {
      if (tailText !== '*') return fail('a pattern URI must end with the wildcard "*" after the reference');
    } else {
      const tail = unescapeUrnComponent(tailText);
      if (tail === null || tail === '') return fail(`component "${tailText}" is not validly escaped`);
      if (spec.tail.numeric && !/^\d+$/.test(tail)) return fail(`serial "${tail}" must be digits`);
      if (spec.tail.ai === 'serial') ais[0] = { ai: spec.ai, value: primary.value + tail };
      else if (!(spec.tail.ai === '254' && tail === '0')) ais.push({ ai: spec.tail.ai, value: tail });
    }
  }
  const key = checkKey(ais);
  if (!key.ok) return key;
  return ok({ form: spec.form, scheme: spec.name, key: key.value, companyPrefixLength: cp.length });
}

/** Writes a key as an EPC URI, given its company prefix length. */
export function formatEpcUrn(key: Gs1Key, companyPrefixLength: number): Result<string> {
  const spec = schemeForKey(key.ais);
  if (!spec) return fail('this key has no EPC URI form');
  const L = companyPrefixLength;
  if (!Number.isInteger(L) || L < 6 || L > 12) return fail('company prefix length must be 6 to 12');
  const [primary, qualifier] = key.ais;
  if (!primary) return fail('empty key');
  const v = primary.value;
  const parts: string[] = [];
  switch (spec.layout) {
    case 'gtin':
      parts.push(v.slice(1, 1 + L), v.charAt(0) + v.slice(1 + L, 13));
      if (spec.pieceTotal) parts.push(v.slice(14, 16), v.slice(16, 18));
      break;
    case 'sscc':
      parts.push(v.slice(1, 1 + L), v.charAt(0) + v.slice(1 + L, 17));
      break;
    case 'grai':
      parts.push(v.slice(1, 1 + L), v.slice(1 + L, 13));
      break;
    case 'plain':
      parts.push(v.slice(0, L), v.slice(L, spec.digits));
      break;
    default: {
      const cp = v.slice(0, L);
      if (!/^\d+$/.test(cp) || v.length <= L) return fail(`"${v}" does not start with a ${L}-digit company prefix`);
      parts.push(cp, escapeUrnComponent(v.slice(L)));
    }
  }
  const tail = spec.tail?.ai;
  if (tail === 'star') parts.push('*');
  else if (tail === 'serial') parts.push(escapeUrnComponent(v.slice(fixedKeyLength(spec))));
  else if (tail === '254') parts.push(qualifier ? escapeUrnComponent(qualifier.value) : '0');
  else if (tail) parts.push(escapeUrnComponent(qualifier?.value ?? ''));
  return ok(`urn:epc:${spec.form}:${spec.name}:${parts.join('.')}`);
}

function fieldCount(spec: SchemeSpec): number {
  return 2 + (spec.pieceTotal ? 2 : 0) + (spec.tail ? 1 : 0);
}

/** Splits on the first `count - 1` dots: the last component (a serial or an alphanumeric reference) may hold dots. */
function splitFields(body: string, count: number): string[] | null {
  const out: string[] = [];
  let rest = body;
  for (let i = 1; i < count; i++) {
    const dot = rest.indexOf('.');
    if (dot < 0) return null;
    out.push(rest.slice(0, dot));
    rest = rest.slice(dot + 1);
  }
  out.push(rest);
  return out;
}

function primaryValue(spec: SchemeSpec, cp: string, refText: string, pieceTotal: string[]): Result<string> {
  if (spec.layout === 'alnum' || spec.layout === 'cpid') {
    const ref = unescapeUrnComponent(refText);
    if (ref === null || ref === '') return fail(`reference "${refText}" is empty or not validly escaped`);
    return ok(cp + ref);
  }
  if (!/^\d*$/.test(refText) || cp.length + refText.length !== spec.digits) {
    return fail(`company prefix and reference must be ${spec.digits} digits in all`);
  }
  let data: string;
  if (spec.layout === 'gtin' || spec.layout === 'sscc') data = refText.charAt(0) + cp + refText.slice(1);
  else if (spec.layout === 'grai') data = `0${cp}${refText}`;
  else data = cp + refText;
  let value = data + String(gs1CheckDigit(data));
  if (spec.pieceTotal) {
    if (!pieceTotal.every((p) => /^\d{2}$/.test(p))) return fail('ITIP piece and total must be 2 digits each');
    value += pieceTotal.join('');
  }
  return ok(value);
}
