/** Audits the project's own schema file: CBV word lists in sync with src/cbv, hardening limits everywhere. */
import assert from 'node:assert/strict';
import schema from '../../../schemas/json/epcis-2.0.schema.json';
import * as cbv from '../../../src/cbv/vocabulary';
import { MEASUREMENT_TYPES } from '../../../src/cbv/measurement-types';

type Node = { [key: string]: unknown };
const defs = schema.$defs as unknown as Record<string, Node>;

function enumOf(name: string): unknown[] {
  const anyOf = defs[name]?.['anyOf'] as Node[] | undefined;
  const words = anyOf?.find((branch) => Array.isArray(branch['enum']))?.['enum'];
  assert.ok(Array.isArray(words), `${name} has no word list`);
  return words;
}

function walk(node: unknown, visit: (n: Node, where: string) => void, where = '#'): void {
  if (Array.isArray(node)) node.forEach((child, i) => walk(child, visit, `${where}/${i}`));
  else if (node && typeof node === 'object') {
    visit(node as Node, where);
    for (const [key, child] of Object.entries(node)) walk(child, visit, `${where}/${key}`);
  }
}

describe('schemas/json/epcis-2.0.schema.json', () => {
  it('uses the CBV bare-word lists of src/cbv', () => {
    const expected: [string, readonly string[]][] = [
      ['BizStep', cbv.BIZ_STEPS],
      ['Disposition', cbv.DISPOSITIONS],
      ['BizTransactionType', cbv.BIZ_TRANSACTION_TYPES],
      ['SourceDestType', cbv.SOURCE_DESTINATION_TYPES],
      ['ErrorReason', cbv.ERROR_REASONS],
      ['Component', cbv.COMPONENTS],
      ['SensorAlertType', cbv.SENSOR_ALERT_TYPES],
      ['MeasurementType', MEASUREMENT_TYPES],
    ];
    for (const [name, words] of expected) assert.deepEqual(enumOf(name), [...words], name);
    assert.equal(MEASUREMENT_TYPES.length, 72);
    assert.deepEqual(defs['Action']?.['enum'], [...cbv.ACTIONS]);
  });

  it('bounds every string, list and URI (SECURITY-AND-PERFORMANCE-NOTES 1.2.10)', () => {
    const unbounded: string[] = [];
    walk(schema, (node, where) => {
      if (node['format'] !== undefined && typeof node['maxLength'] !== 'number') unbounded.push(where);
      if (node['type'] === 'string' && typeof node['maxLength'] !== 'number') unbounded.push(where);
      // The eventList is bounded by the capture limit (413 CaptureLimitExceededException), not by the schema.
      if (
        node['type'] === 'array' &&
        typeof node['maxItems'] !== 'number' &&
        !where.endsWith('EventListShape') &&
        !where.includes('eventList')
      )
        unbounded.push(where);
    });
    assert.deepEqual(unbounded, []);
  });

  it('describes every definition (the validator turns descriptions into problem details)', () => {
    const undescribed = Object.entries(defs).filter(([, def]) => typeof def['description'] !== 'string');
    assert.deepEqual(
      undescribed.map(([name]) => name),
      [],
    );
  });
});
