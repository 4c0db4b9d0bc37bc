/**
 * Capture-time identifier checks (EPCIS 2.0 §7.3.2 identifiers; GS1 Digital Link standard §4, GS1 General
 * Specifications §7.9 check digits): a GS1 Digital Link whose key is malformed or has a wrong check digit is refused,
 * naming the field. EPC URNs, private and custom URNs, and URIs of unknown key types are accepted as they are.
 */
import { validateIdentifier } from '../identifiers';
import type { Violation } from './validation-problem';

type Obj = Record<string, unknown>;
const HTTP_URI = /^https?:/i;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

const EPC_LISTS = ['epcList', 'childEPCs', 'inputEPCList', 'outputEPCList'] as const;
const QUANTITY_LISTS = ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'] as const;
const LOCATIONS = ['readPoint', 'bizLocation'] as const;
const PARTY_LISTS = [
  ['sourceList', 'source'],
  ['destinationList', 'destination'],
] as const;

/**
 * Checks the value at `/<field>[/<index>][/<key>]`; the path is built only for a violation (most values are URNs,
 * which pass at once).
 */
function check(value: unknown, found: Violation[], field: string, index?: number, key?: string): void {
  // Only a Digital Link (an http(s) URI) can fail here: URNs of every kind are accepted as they are.
  if (typeof value !== 'string' || !HTTP_URI.test(value)) return;
  const result = validateIdentifier(value);
  if (result.status !== 'invalid' || result.form !== 'digital-link') return;
  const path = `/${field}${index === undefined ? '' : `/${index}`}${key === undefined ? '' : `/${key}`}`;
  found.push({ path, message: `is not a valid GS1 Digital Link: ${result.reason}` });
}

/**
 * Appends to `found` the invalid Digital Link identifiers in the standard identifier fields of one event, with JSON
 * pointers relative to it.
 */
export function identifierViolations(event: Obj, found: Violation[]): void {
  // Plain loops: this runs for every captured event, and a callback per list would be made each time.
  for (const list of EPC_LISTS) {
    const items = event[list];
    if (Array.isArray(items)) for (let i = 0; i < items.length; i++) check(items[i], found, list, i);
  }
  for (const list of QUANTITY_LISTS) {
    const items = event[list];
    if (!Array.isArray(items)) continue;
    for (let i = 0; i < items.length; i++) {
      const item: unknown = items[i];
      if (isObj(item)) check(item['epcClass'], found, list, i, 'epcClass');
    }
  }
  check(event['parentID'], found, 'parentID');
  for (const field of LOCATIONS) {
    const value = event[field];
    if (isObj(value)) check(value['id'], found, field, undefined, 'id');
  }
  for (const [list, key] of PARTY_LISTS) {
    const items = event[list];
    if (!Array.isArray(items)) continue;
    for (let i = 0; i < items.length; i++) {
      const item: unknown = items[i];
      if (isObj(item)) check(item[key], found, list, i, key);
    }
  }
}
