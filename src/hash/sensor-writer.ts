/**
 * `sensorElementList` written straight from JSON (EPCIS-DIGEST §h rule 1.8, EPCIS 2.0 §7.3.7) when every element
 * has only standard `sensorMetadata` and `sensorReport` fields with scalar values: the same text as the tree
 * writer (hash-order.ts `ordered`): metadata fields then reports in the canonical field order, reports sorted,
 * elements sorted. Undefined for any other shape (the tree writer then writes the field).
 */
import type { JsonValue } from '../model/types';
import type { CbvValueVocabulary } from '../cbv/cbv-values';
import { COMPILED_EVENT_ORDER, orderedLeafPart, sortParts, type CompiledOrder } from './hash-order';
import { EVENT_FIELDS, scalarText, type FieldMap, type HashTreeBuilder } from './hash-tree';

const LIST = 'sensorElementList';
const ELEMENT = COMPILED_EVENT_ORDER.sub[COMPILED_EVENT_ORDER.position.get(LIST) as number] as CompiledOrder;
const PARTS = ELEMENT.sub[0] as CompiledOrder;
const METADATA = PARTS.names[0] as string;
const REPORT = PARTS.names[1] as string;
const METADATA_ORDER = PARTS.sub[0] as CompiledOrder;
const REPORT_ORDER = PARTS.sub[1] as CompiledOrder;
const ELEMENT_FIELDS = EVENT_FIELDS[LIST] as FieldMap;
const hasOwn = (obj: object, key: string): boolean => Object.prototype.hasOwnProperty.call(obj, key);
const fieldsOf = (key: string): FieldMap => {
  const fields = hasOwn(ELEMENT_FIELDS, key) ? ELEMENT_FIELDS[key] : undefined;
  return typeof fields === 'object' ? fields : {};
};
const METADATA_FIELDS = fieldsOf(METADATA);
const REPORT_FIELDS = fieldsOf(REPORT);
const isPlainObject = (v: JsonValue): v is { [key: string]: JsonValue } =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The sensor elements of `name` (the list field), or undefined when one of them has another shape. */
export function writeSensorElements(
  name: string,
  elements: readonly JsonValue[],
  builder: HashTreeBuilder,
): string | undefined {
  const parts: string[] = [];
  for (const element of elements) {
    if (!isPlainObject(element)) return undefined;
    let metadata = '';
    const reports: string[] = [];
    for (const key of Object.keys(element)) {
      const value = element[key] as JsonValue;
      if (key === METADATA && isPlainObject(value)) {
        const text = leaves(value, METADATA_ORDER, METADATA_FIELDS, builder);
        if (text === undefined) return undefined;
        metadata = text ? METADATA + text : '';
      } else if (key === REPORT) {
        for (const report of Array.isArray(value) ? value : [value]) {
          if (!isPlainObject(report)) return undefined;
          const text = leaves(report, REPORT_ORDER, REPORT_FIELDS, builder);
          if (text === undefined) return undefined;
          if (text) reports.push(REPORT + text);
        }
      } else return undefined;
    }
    if (reports.length > 1) sortParts(reports);
    const grand = metadata + reports.join('');
    if (grand) parts.push((ELEMENT.names[0] as string) + grand);
  }
  if (parts.length === 0) return '';
  if (parts.length > 1) sortParts(parts);
  return name + parts.join('');
}

/** The scalar fields of a structure in `order` (all its keys must be there); undefined otherwise. */
function leaves(
  obj: { [key: string]: JsonValue },
  order: CompiledOrder,
  fields: FieldMap,
  builder: HashTreeBuilder,
): string | undefined {
  const texts: (string | undefined)[] = new Array<string | undefined>(order.names.length);
  for (const key of Object.keys(obj)) {
    const p = order.position.get(key);
    const value = obj[key] as JsonValue;
    if (p === undefined || (value !== null && typeof value === 'object')) return undefined;
    const field = hasOwn(fields, key) ? fields[key] : undefined;
    texts[p] =
      typeof value === 'string'
        ? builder.stringText(value, typeof field === 'string' ? (field as CbvValueVocabulary) : undefined)
        : scalarText(value);
  }
  let out = '';
  for (let p = 0; p < texts.length; p++) {
    const text = texts[p];
    if (text !== undefined) out += orderedLeafPart(order, p, text);
  }
  return out;
}
