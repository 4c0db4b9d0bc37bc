/**
 * EPC URI schemes for GS1 keys (GS1 Tag Data Standard 2.x §6: pure identity `urn:epc:id:`, class `urn:epc:class:`,
 * pattern `urn:epc:idpat:` with a trailing `*`). Each scheme says how its dot-separated components map to the
 * element-string AIs of the key (EPCIS-DIGEST §a, §h rule 8).
 */
import type { AiValue } from './gs1-key';

export type UrnForm = 'id' | 'class' | 'idpat';

/**
 * How the company prefix and the reference make the primary key:
 * - `gtin`: indicator digit + prefix + item reference + check digit (14 digits; ITIP adds 4 digits);
 * - `sscc`: extension digit + prefix + serial reference + check digit;
 * - `grai`: 0 + prefix + asset type + check digit, then the serial;
 * - `plain`: prefix + reference (`digits` in all) + check digit, then the serial if any;
 * - `alnum`: prefix + alphanumeric reference (set 82), no check digit; `cpid`: the same in set 39.
 */
export type RefLayout = 'gtin' | 'sscc' | 'grai' | 'plain' | 'alnum' | 'cpid';

export interface SchemeSpec {
  readonly form: UrnForm;
  readonly name: string;
  readonly ai: string;
  readonly layout: RefLayout;
  /** Digits in prefix + reference (numeric layouts). */
  readonly digits: number;
  /** ITIP: piece and total, two digits each, after the item reference. */
  readonly pieceTotal?: boolean;
  /**
   * The last component: a qualifier AI, `serial` (appended to the primary key value), `star` (idpat), or none.
   * `numeric` serials allow digits only (GCN, CPI serial).
   */
  readonly tail?: { readonly ai: string | 'serial' | 'star'; readonly numeric?: boolean };
}

const spec = (s: SchemeSpec): SchemeSpec => s;

export const SCHEMES: readonly SchemeSpec[] = [
  spec({ form: 'id', name: 'sgtin', ai: '01', layout: 'gtin', digits: 13, tail: { ai: '21' } }),
  spec({ form: 'id', name: 'sscc', ai: '00', layout: 'sscc', digits: 17 }),
  spec({ form: 'id', name: 'sgln', ai: '414', layout: 'plain', digits: 12, tail: { ai: '254' } }),
  spec({ form: 'id', name: 'grai', ai: '8003', layout: 'grai', digits: 12, tail: { ai: 'serial' } }),
  spec({ form: 'id', name: 'giai', ai: '8004', layout: 'alnum', digits: 0 }),
  spec({ form: 'id', name: 'gsrn', ai: '8018', layout: 'plain', digits: 17 }),
  spec({ form: 'id', name: 'gsrnp', ai: '8017', layout: 'plain', digits: 17 }),
  spec({ form: 'id', name: 'gdti', ai: '253', layout: 'plain', digits: 12, tail: { ai: 'serial' } }),
  spec({ form: 'id', name: 'cpi', ai: '8010', layout: 'cpid', digits: 0, tail: { ai: '8011', numeric: true } }),
  spec({ form: 'id', name: 'sgcn', ai: '255', layout: 'plain', digits: 12, tail: { ai: 'serial', numeric: true } }),
  spec({ form: 'id', name: 'ginc', ai: '401', layout: 'alnum', digits: 0 }),
  spec({ form: 'id', name: 'gsin', ai: '402', layout: 'plain', digits: 16 }),
  spec({ form: 'id', name: 'itip', ai: '8006', layout: 'gtin', digits: 13, pieceTotal: true, tail: { ai: '21' } }),
  spec({ form: 'id', name: 'upui', ai: '01', layout: 'gtin', digits: 13, tail: { ai: '235' } }),
  spec({ form: 'id', name: 'pgln', ai: '417', layout: 'plain', digits: 12 }),
  spec({ form: 'class', name: 'lgtin', ai: '01', layout: 'gtin', digits: 13, tail: { ai: '10' } }),
  spec({ form: 'idpat', name: 'sgtin', ai: '01', layout: 'gtin', digits: 13, tail: { ai: 'star' } }),
  spec({ form: 'idpat', name: 'grai', ai: '8003', layout: 'grai', digits: 12, tail: { ai: 'star' } }),
  spec({ form: 'idpat', name: 'gdti', ai: '253', layout: 'plain', digits: 12, tail: { ai: 'star' } }),
  spec({ form: 'idpat', name: 'sgcn', ai: '255', layout: 'plain', digits: 12, tail: { ai: 'star' } }),
  spec({ form: 'idpat', name: 'cpi', ai: '8010', layout: 'cpid', digits: 0, tail: { ai: 'star' } }),
  spec({ form: 'idpat', name: 'itip', ai: '8006', layout: 'gtin', digits: 13, pieceTotal: true, tail: { ai: 'star' } }),
  spec({ form: 'idpat', name: 'upui', ai: '01', layout: 'gtin', digits: 13, tail: { ai: 'star' } }),
];

export function findScheme(form: string, name: string): SchemeSpec | undefined {
  return SCHEMES.find((s) => s.form === form && s.name === name);
}

/** Length of the fixed-length part of the primary key value (the rest is a serial component). */
export function fixedKeyLength(spec: SchemeSpec): number {
  if (spec.layout === 'gtin') return spec.pieceTotal ? 18 : 14;
  if (spec.layout === 'sscc') return 18;
  if (spec.layout === 'grai') return 14;
  return spec.digits + 1;
}

/** The URN scheme that spells a (finest, validated) key, or undefined when no EPC URI exists for it. */
export function schemeForKey(ais: readonly AiValue[]): SchemeSpec | undefined {
  const [primary, qualifier] = ais;
  if (!primary) return undefined;
  const candidates = SCHEMES.filter((s) => s.ai === primary.ai);
  return candidates.find((s) => {
    const tail = s.tail?.ai;
    if (tail === 'serial') return primary.value.length > fixedKeyLength(s) && !qualifier;
    if (tail === 'star') return !qualifier && (s.layout === 'cpid' || primary.value.length === fixedKeyLength(s));
    if (tail === '254') return !qualifier || qualifier.ai === '254';
    if (tail === undefined) return !qualifier;
    return qualifier?.ai === tail;
  });
}
