/**
 * GS1 element strings as scanned from barcodes (GS1 General Specifications §7.8): the human-readable form
 * `(01)09506000134352(21)ABC123` and the raw form with FNC1 written as the GS character (0x1D), optionally
 * preceded by a symbology identifier (`]C1`, `]d2`, `]Q3`, `]e0`, `]J1`). Yields the key's Digital Link and
 * EPC URN (issue 5, item 2: the step between a scanner and an EPCIS event).
 */
import { formatDigitalLink } from './digital-link';
import { convertToEpcUrn, type ToEpcUrnOptions } from './convert';
import { PRIMARY_KEY_AIS, QUALIFIERS, checkKey, fail, finestKey, ok, type AiValue, type Gs1Key } from './gs1-key';
import type { Result } from './gs1-key';

const GS = '\u001d';
const SYMBOLOGY_ID = /^\][A-Za-z][0-9A-Za-z]/;

/** Data lengths of the AIs with a predefined length, by their first two digits (GS1 GenSpecs Figure 7.8.5-2). */
const PREDEFINED_LENGTH: Readonly<Record<string, number>> = {
  '00': 18, '01': 14, '02': 14, '03': 14, '04': 16, '11': 6, '12': 6, '13': 6, '14': 6, '15': 6, '16': 6,
  '17': 6, '18': 6, '19': 6, '20': 2, '31': 6, '32': 6, '33': 6, '34': 6, '35': 6, '36': 6, '41': 13,
}; // prettier-ignore

/** Number of digits of an AI, from its first two digits (GS1 GenSpecs §3.2 AI ranges). */
function aiLength(start: string): number | undefined {
  const n = Number(start);
  if (!/^\d{2}$/.test(start)) return undefined;
  if (n <= 22 || n === 30 || n === 37 || n >= 90) return 2;
  if ((n >= 23 && n <= 25) || (n >= 40 && n <= 42) || n === 71) return 3;
  if ((n >= 31 && n <= 36) || n === 39 || n === 43 || n === 70 || n === 72 || (n >= 80 && n <= 82)) return 4;
  return undefined;
}

export interface ElementString {
  /** Every AI of the string, in order, values as scanned. */
  readonly ais: readonly AiValue[];
  /** The GS1 key the string carries, at its finest level. */
  readonly key: Gs1Key;
  /** Canonical Digital Link of the key. */
  readonly digitalLink: string;
  /** EPC URN of the key, or null (then `epcUrnReason` says why, e.g. company prefix length unknown). */
  readonly epcUrn: string | null;
  readonly epcUrnReason?: string;
}

/** Parses a scanned element string; the reason names the problem (unknown AI, wrong check digit, ...). */
export function parseElementString(raw: string, opts: ToEpcUrnOptions = {}): Result<ElementString> {
  const text = raw.trim().replace(SYMBOLOGY_ID, '');
  const ais = text.startsWith('(') ? readBracketed(text) : readRaw(text.startsWith(GS) ? text.slice(1) : text);
  if (!ais.ok) return ais;
  const primary = ais.value.find((a) => a.ai in PRIMARY_KEY_AIS);
  if (!primary) return fail('the element string carries no GS1 key EPCIS uses');
  const allowed = QUALIFIERS[primary.ai] ?? [];
  const key = checkKey([primary, ...ais.value.filter((a) => allowed.includes(a.ai))]);
  if (!key.ok) return key;
  const finest: Gs1Key = { ais: finestKey(key.value.ais) };
  const digitalLink = formatDigitalLink(finest);
  const urn = convertToEpcUrn(digitalLink, opts);
  return ok({
    ais: ais.value,
    key: finest,
    digitalLink,
    epcUrn: urn.ok ? urn.value : null,
    ...(urn.ok ? {} : { epcUrnReason: urn.reason }),
  });
}

function readBracketed(text: string): Result<AiValue[]> {
  const out: AiValue[] = [];
  const re = /\((\d{2,4})\)/g;
  const marks: { ai: string; start: number; end: number }[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const ai = m[1] ?? '';
    // A "(nn)" inside a value is data unless it is a well-formed AI (set-82 values may contain brackets).
    if (aiLength(ai.slice(0, 2)) === ai.length) marks.push({ ai, start: m.index, end: re.lastIndex });
  }
  if (marks[0]?.start !== 0) return fail('an element string in brackets must start with "(AI)"');
  for (let i = 0; i < marks.length; i++) {
    const mark = marks[i];
    if (!mark) break;
    const value = text.slice(mark.end, marks[i + 1]?.start ?? text.length);
    if (value === '') return fail(`AI (${mark.ai}) has no data`);
    out.push({ ai: mark.ai, value });
  }
  return ok(out);
}

function readRaw(text: string): Result<AiValue[]> {
  const out: AiValue[] = [];
  let i = 0;
  while (i < text.length) {
    const length = aiLength(text.slice(i, i + 2));
    const ai = text.slice(i, i + (length ?? 0));
    if (length === undefined || !/^\d+$/.test(ai) || ai.length !== length) {
      return fail(`unknown Application Identifier at position ${i}`);
    }
    i += length;
    const fixed = PREDEFINED_LENGTH[ai.slice(0, 2)];
    let value: string;
    if (fixed !== undefined) {
      value = text.slice(i, i + fixed);
      if (value.length !== fixed) return fail(`AI (${ai}) needs ${fixed} characters`);
      i += fixed;
      if (text.charAt(i) === GS) i++;
    } else {
      const end = text.indexOf(GS, i);
      value = text.slice(i, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end + 1;
    }
    if (value === '') return fail(`AI (${ai}) has no data`);
    out.push({ ai, value });
  }
  return ok(out);
}
