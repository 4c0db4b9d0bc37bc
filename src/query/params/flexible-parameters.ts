/**
 * The flexible-name parameter families (EPCIS-DIGEST §b.2, query-schema.json patternProperties, with the
 * EPCIS 1.2 spellings `EQATTR_` and `<namespace>#<name>` accepted too). Order matters: the first family whose
 * pattern matches and whose reader accepts the name wins.
 */
import { canonicalCbv } from '../cbv-canonical';
import { canonicalFieldName, expandCurie } from '../namespaces';
import { UOM_CODE } from '../units/uom-table';
import type { FlexibleFamily, ParseContext } from './parameter-kinds';
import type { Comparison, ExtensionScope, SensorMetric, VocabularyField } from './query-types';

const SCOPES: Readonly<Record<string, ExtensionScope>> = {
  ILMD: 'ilmd',
  ERROR_DECLARATION: 'errorDeclaration',
  SENSORELEMENT: 'sensorElement',
  SENSORMETADATA: 'sensorMetadata',
  SENSORREPORT: 'sensorReport',
  readPoint: 'readPoint',
  bizLocation: 'bizLocation',
};
const SCOPE_ALTERNATION = Object.keys(SCOPES).join('|');
const OP = '(EQ|GT|GE|LT|LE)';

/** Standard fields whose values are master-data elements (EPCIS 1.2 §8.2.7.1 HASATTR_/EQATTR_, "fieldname"). */
export const VOCABULARY_FIELDS: readonly VocabularyField[] = [
  'readPoint',
  'bizLocation',
  'bizStep',
  'disposition',
  'epc',
  'parentID',
  'epcClass',
];

function vocabularyField(name: string, ctx: ParseContext): string | null {
  if ((VOCABULARY_FIELDS as readonly string[]).includes(name)) return name;
  return canonicalFieldName(name, ctx.namespaces);
}

/** Splits `<field>_<attribute>`: a standard field name, or an extension name up to the first `_` after its `:`. */
function splitFieldAttribute(rest: string): [string, string] | null {
  for (const field of VOCABULARY_FIELDS) {
    if (rest.startsWith(`${field}_`) && rest.length > field.length + 1) return [field, rest.slice(field.length + 1)];
  }
  const colon = rest.indexOf(':');
  const underscore = colon < 0 ? -1 : rest.indexOf('_', colon);
  if (underscore < 0 || underscore === rest.length - 1) return null;
  return [rest.slice(0, underscore), rest.slice(underscore + 1)];
}

const typedList = (list: 'bizTransaction' | 'source' | 'destination'): FlexibleFamily => ({
  family: `EQ_${list}_<type>`,
  pattern: new RegExp(`^EQ_${list}_(.+)$`),
  read: (m, v, ctx) => {
    const vocabulary = list === 'bizTransaction' ? 'bizTransactionType' : 'sourceDestType';
    const type = canonicalCbv(vocabulary, m[1] ?? '', ctx.namespaces);
    const values = v.list().map((x) => expandCurie(x, ctx.namespaces));
    return { key: `${list}|${type}`, outcome: { condition: { kind: 'typedList', list, type, values } } };
  },
});

export const FLEXIBLE_FAMILIES: readonly FlexibleFamily[] = [
  typedList('bizTransaction'),
  typedList('source'),
  typedList('destination'),
  {
    family: '(EQ|GT|GE|LT|LE)_(value|minValue|maxValue|meanValue|sDev|percValue)_<UOM>',
    pattern: new RegExp(`^${OP}_(value|minValue|maxValue|meanValue|sDev|percValue)_(.+)$`),
    read: (m, v) => {
      const [, op, metricName, uom] = m as unknown as [string, string, SensorMetric, string];
      if (!UOM_CODE.test(uom)) return null;
      const metric = metricName;
      const outcome =
        op === 'EQ'
          ? { condition: { kind: 'sensorValueEq' as const, metric, uom, values: v.numberList() } }
          : {
              condition: {
                kind: 'sensorValueCompare' as const,
                metric,
                uom,
                op: op as Comparison,
                value: v.number(),
              },
            };
      return { key: `${op}_${metric}_${uom}`, outcome };
    },
  },
  {
    family: '(EQ|GT|GE|LT|LE)_quantity_<UOM>',
    pattern: new RegExp(`^${OP}_quantity_(.+)$`),
    read: (m, v) => {
      const [, op, uom] = m as unknown as [string, string, string];
      if (!UOM_CODE.test(uom)) return null;
      const outcome =
        op === 'EQ'
          ? { condition: { kind: 'quantityEq' as const, uom, values: v.numberList() } }
          : { condition: { kind: 'quantityCompare' as const, uom, op: op as Comparison, value: v.number() } };
      return { key: `${op}_quantity_${uom}`, outcome };
    },
  },
  {
    family: 'HASATTR_<field>',
    pattern: /^HASATTR_(.+)$/,
    read: (m, v, ctx) => {
      const field = vocabularyField(m[1] ?? '', ctx);
      if (field === null) return null;
      const attributes = v.list().map((x) => expandCurie(x, ctx.namespaces));
      return { key: `HASATTR|${field}`, outcome: { condition: { kind: 'hasAttribute', field, attributes } } };
    },
  },
  {
    family: 'EQATTR_<field>_<attribute> (also EQ_ATTR_)',
    pattern: /^(?:EQATTR|EQ_ATTR)_(.+)$/,
    read: (m, v, ctx) => {
      const parts = splitFieldAttribute(m[1] ?? '');
      const field = parts && vocabularyField(parts[0], ctx);
      if (parts === null || field === null) return null;
      const attribute = expandCurie(parts[1], ctx.namespaces);
      const condition = { kind: 'attributeEq' as const, field, attribute, values: v.list() };
      return { key: `EQATTR|${field}|${attribute}`, outcome: { condition } };
    },
  },
  {
    family: 'EXISTS_[INNER_][ILMD_|ERROR_DECLARATION_|SENSOR…_|readPoint_|bizLocation_]<ns:field>',
    pattern: new RegExp(`^EXISTS_(INNER_)?(?:(${SCOPE_ALTERNATION})_)?(.+)$`),
    read: (m, _v, ctx) => {
      const field = canonicalFieldName(m[3] ?? '', ctx.namespaces);
      if (field === null) return null;
      const scope = SCOPES[m[2] ?? ''] ?? 'event';
      const inner = m[1] !== undefined;
      const condition = { kind: 'extensionExists' as const, scope, inner, field };
      return { key: `EXISTS|${scope}|${inner}|${field}`, outcome: { condition } };
    },
  },
  {
    family: '(EQ|GT|GE|LT|LE)_[INNER_][ILMD_|ERROR_DECLARATION_|SENSOR…_|readPoint_|bizLocation_]<ns:field>',
    pattern: new RegExp(`^${OP}_(INNER_)?(?:(${SCOPE_ALTERNATION})_)?(.+)$`),
    read: (m, v, ctx) => {
      const field = canonicalFieldName(m[4] ?? '', ctx.namespaces);
      if (field === null) return null;
      const op = m[1] as 'EQ' | Comparison;
      const scope = SCOPES[m[3] ?? ''] ?? 'event';
      const inner = m[2] !== undefined;
      const key = `${op}|${scope}|${inner}|${field}`;
      if (op === 'EQ') {
        return { key, outcome: { condition: { kind: 'extensionEq', scope, inner, field, values: v.list() } } };
      }
      const condition = { kind: 'extensionCompare' as const, scope, inner, field, op, value: v.numberOrTime() };
      return { key, outcome: { condition } };
    },
  },
];
