/**
 * The format-neutral model of a GS1 key as EPCIS uses it: the primary key's Application Identifier (AI) and value,
 * then its key qualifiers, all as raw (unescaped) element-string values. EPC URNs and GS1 Digital Links are two
 * spellings of this model (EPCIS-DIGEST §a "GS1-EPC-Format", §h rule 8; GS1 General Specifications §3).
 */
import { hasValidCheckDigit } from './check-digit';
import { isCharSet39, isCharSet82 } from './character-sets';

export interface AiValue {
  readonly ai: string;
  readonly value: string;
}

/** A GS1 key: primary key first, then qualifiers in Digital Link order. */
export interface Gs1Key {
  readonly ais: readonly AiValue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; reason: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(reason: string): Result<T> => ({ ok: false, reason });

/** Primary-key AIs EPCIS uses, with their Digital Link short names (GS1 Digital Link 1.1 §6). */
export const PRIMARY_KEY_AIS = {
  '00': 'sscc',
  '01': 'gtin',
  '253': 'gdti',
  '255': 'gcn',
  '401': 'ginc',
  '402': 'gsin',
  '414': 'gln',
  '417': 'party',
  '8003': 'grai',
  '8004': 'giai',
  '8006': 'itip',
  '8010': 'cpid',
  '8017': 'gsrnp',
  '8018': 'gsrn',
} as const;

/** Key qualifiers each primary key accepts, in Digital Link path order. */
export const QUALIFIERS: Readonly<Record<string, readonly string[]>> = {
  '01': ['22', '10', '21', '235'],
  '8006': ['22', '10', '21'],
  '414': ['254'],
  '8010': ['8011'],
};

export const QUALIFIER_SHORT_NAMES: Readonly<Record<string, string>> = { cpv: '22', lot: '10', ser: '21' };

type AiRule = (value: string) => string | null;

const digitsWithCheck = (length: number, name: string): AiRule => {
  const pattern = new RegExp(`^\\d{${length}}$`);
  return (v) => {
    if (!pattern.test(v)) return `${name} must be ${length} digits`;
    return hasValidCheckDigit(v) ? null : `${name} ${v} has a wrong check digit`;
  };
};

/** Numeric key with check digit followed by an optional serial component (GDTI, GCN, GRAI). */
const keyWithSerial =
  (length: number, name: string, serial: (s: string) => boolean, maxSerial: number): AiRule =>
  (v) => {
    const head = v.slice(0, length);
    const headError = digitsWithCheck(length, name)(head);
    if (headError) return headError;
    const tail = v.slice(length);
    if (tail.length > maxSerial || !serial(tail)) return `${name} serial component "${tail}" is invalid`;
    return null;
  };

const alnum =
  (max: number, name: string, charset: (s: string) => boolean = isCharSet82): AiRule =>
  (v) =>
    v.length >= 1 && v.length <= max && charset(v) ? null : `${name} "${v}" must be 1-${max} allowed characters`;

const isDigits = (s: string): boolean => /^\d*$/.test(s);

/** Syntax of every AI value EPCIS keys use (GS1 General Specifications §3.2 AI table). */
const AI_RULES: Readonly<Record<string, AiRule>> = {
  '00': digitsWithCheck(18, 'SSCC'),
  '01': digitsWithCheck(14, 'GTIN'),
  '414': digitsWithCheck(13, 'GLN'),
  '417': digitsWithCheck(13, 'party GLN'),
  '402': digitsWithCheck(17, 'GSIN'),
  '8017': digitsWithCheck(18, 'GSRN-P'),
  '8018': digitsWithCheck(18, 'GSRN'),
  '253': keyWithSerial(13, 'GDTI', isCharSet82, 17),
  '255': keyWithSerial(13, 'GCN', isDigits, 12),
  '8003': (v) =>
    v.startsWith('0') ? keyWithSerial(14, 'GRAI', isCharSet82, 16)(v) : 'GRAI must start with the digit 0',
  '8006': (v) => {
    if (!/^\d{18}$/.test(v)) return 'ITIP must be 18 digits';
    return hasValidCheckDigit(v.slice(0, 14)) ? null : `ITIP ${v} has a wrong GTIN check digit`;
  },
  '8004': alnum(30, 'GIAI'),
  '401': alnum(30, 'GINC'),
  '8010': alnum(30, 'CPID', isCharSet39),
  '8011': (v) => (/^\d{1,12}$/.test(v) ? null : 'CPID serial must be 1-12 digits'),
  '21': alnum(20, 'serial number'),
  '10': alnum(20, 'batch/lot number'),
  '22': alnum(20, 'consumer product variant'),
  '254': alnum(20, 'GLN extension'),
  '235': alnum(28, 'third-party controlled serial'),
};

/** Checks one AI value; the reason names the problem (e.g. a wrong check digit). */
export function checkAiValue(ai: string, value: string): string | null {
  const rule = AI_RULES[ai];
  return rule ? rule(value) : `AI (${ai}) is not a GS1 key EPCIS uses`;
}

/** Pads GTIN-8/12/13 to 14 digits (GS1 Digital Link canonical form). */
export function padGtin(value: string): string {
  const n = value.length;
  return (n === 8 || n === 12 || n === 13) && /^\d+$/.test(value) ? value.padStart(14, '0') : value;
}

/**
 * Reduces a key to its finest identification level (EPCIS-DIGEST §h rule 8): the consumer product variant (22) is
 * dropped, and a lot (10) is dropped when a serial (21) is present.
 */
export function finestKey(ais: readonly AiValue[]): AiValue[] {
  const hasSerial = ais.some((a) => a.ai === '21');
  return ais.filter((a) => a.ai !== '22' && !(hasSerial && a.ai === '10'));
}

/** Validates a key: known primary AI, allowed qualifiers (each once, canonical order), valid values. */
export function checkKey(ais: readonly AiValue[]): Result<Gs1Key> {
  const [primary, ...rest] = ais;
  if (!primary || !(primary.ai in PRIMARY_KEY_AIS)) return fail('no GS1 primary key');
  const allowed = QUALIFIERS[primary.ai] ?? [];
  const ordered: AiValue[] = [{ ai: primary.ai, value: padGtinFor(primary) }];
  for (const q of rest) {
    if (!allowed.includes(q.ai)) return fail(`AI (${q.ai}) cannot qualify AI (${primary.ai})`);
    if (ordered.some((o) => o.ai === q.ai)) return fail(`AI (${q.ai}) appears twice`);
    ordered.push(q);
  }
  if (ordered.length > 2) {
    if (ordered.some((o) => o.ai === '235')) return fail('AI (235) admits no other qualifier');
    ordered.sort((a, b) => rank(primary.ai, a.ai) - rank(primary.ai, b.ai));
  }
  for (const { ai, value } of ordered) {
    const error = checkAiValue(ai, value);
    if (error) return fail(error);
  }
  return ok({ ais: ordered });
}

const padGtinFor = (a: AiValue): string => (a.ai === '01' ? padGtin(a.value) : a.value);
const rank = (primary: string, ai: string): number => (ai === primary ? -1 : (QUALIFIERS[primary] ?? []).indexOf(ai));
