/**
 * Oracle test against the GS1 artefacts (../shared/gs1): every query parameter of the OpenAPI REST binding and
 * every property and pattern property of query-schema.json is a parameter our parser knows (EPCIS-DIGEST §b.1,
 * §b.2). The double-escaped CURIE patterns of query-schema (EPCIS-DIGEST §b.2 "Verified bug") are read as intended.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import type { JsonObject, JsonValue } from '../../../src/model/types';
import { parseQuery } from '../../../src/query/params/parse-query';
import { readJson, SHARED_GS1, skipWithoutSharedGs1 } from '../../support/gs1-examples';
import { NAMESPACES, params } from './support';

/** Parameters of GET /queries/{name}/events subscriptions, not of the event query language. */
const SUBSCRIPTION = new Set([
  'second',
  'minute',
  'hour',
  'dayOfMonth',
  'month',
  'dayOfWeek',
  'reportIfEmpty',
  'stream',
]);
const NOT_QUERY = new Set([...SUBSCRIPTION, 'initialRecordTime']);
const TIME = '2022-06-30T00:15:47.000-05:00';

/** A plausible value for a parameter name, as JSON (named-query body). */
function sampleValue(name: string): JsonValue {
  if (name === 'orderBy') return 'eventTime';
  if (name === 'orderDirection') return 'ASC';
  if (name === 'nextPageToken') return 'token';
  if (/^(eventCountLimit|maxEventCount|perPage)$/.test(name)) return 5;
  if (name.startsWith('EXISTS_')) return null;
  if (name === 'EQ_booleanValue') return true;
  if (name === 'EQ_hexBinaryValue') return ['AB'];
  if (name === 'EQ_action') return ['OBSERVE'];
  if (/Time$|_time$/i.test(name)) return TIME;
  if (/^EQ_(quantity|value|.*Value_)/.test(name) && !/^EQ_(string|uri)Value$/.test(name)) return [5];
  if (/^(GT|GE|LT|LE)_/.test(name)) return 5;
  return ['urn:x:1'];
}

function parseBody(name: string, value: JsonValue): void {
  const body: JsonObject = { [name]: value };
  if (name === 'eventCountLimit') body['orderBy'] = 'eventTime';
  parseQuery({ body }, { namespaces: NAMESPACES });
}

/** Instantiates a query-schema pattern property as a concrete parameter name. */
const instantiate = (pattern: string): string =>
  pattern
    .replace(/^\^|\$$/g, '')
    .replace('[a-z][a-zA-Z0-9]*\\\\:\\\\w+', 'ex:f')
    .replace('[a-z][a-zA-Z0-9_]+', 'owning_party')
    .replace('[A-Z0-9]{2,4}', 'CEL')
    .replace('\\\\w+_\\\\w+', 'bizLocation_sst');

function collect(schema: JsonValue, properties: string[], patterns: string[]): void {
  if (Array.isArray(schema)) schema.forEach((item) => collect(item, properties, patterns));
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return;
  const props = schema['properties'];
  const patternProps = schema['patternProperties'];
  if (props && typeof props === 'object' && !Array.isArray(props)) properties.push(...Object.keys(props));
  if (patternProps && typeof patternProps === 'object' && !Array.isArray(patternProps)) {
    patterns.push(...Object.keys(patternProps));
  }
  Object.values(schema).forEach((child) => collect(child, properties, patterns));
}

describe('the GS1 artefacts name only parameters we know', function () {
  before(function () {
    skipWithoutSharedGs1(this);
  });

  it('every OpenAPI query parameter, with its example value, in a URL', () => {
    const openapi = readJson(path.join(SHARED_GS1, 'openapi', 'openapi.json')) as unknown as {
      components: { parameters: Record<string, { name: string; in: string; example?: string }> };
    };
    const names = Object.values(openapi.components.parameters).filter(
      (p) => p.in === 'query' && !NOT_QUERY.has(p.name),
    );
    assert.ok(names.length >= 53, `${names.length} parameters`);
    for (const { name, example } of names) {
      const sample = sampleValue(name);
      const text = example ?? (Array.isArray(sample) ? sample.join('|') : String(sample ?? ''));
      const extra = name === 'eventCountLimit' ? '&orderBy=eventTime' : '';
      assert.doesNotThrow(
        () => parseQuery({ params: params(`${name}=${encodeURIComponent(text)}${extra}`) }, { namespaces: NAMESPACES }),
        name,
      );
    }
  });

  it('every query-schema property and pattern property, in a named-query body', () => {
    const schema = readJson(path.join(SHARED_GS1, 'openapi', 'query-schema.json'));
    const properties: string[] = [];
    const patterns: string[] = [];
    collect(schema, properties, patterns);
    const names = properties.filter((p) => p !== '@context');
    assert.ok(names.length >= 60 && patterns.length >= 100, `${names.length} properties, ${patterns.length} patterns`);
    const instantiated = patterns.map(instantiate);
    assert.deepEqual(
      instantiated.filter((name) => /[[\\{]/.test(name)),
      [],
    );
    for (const name of [...names, ...instantiated]) {
      assert.doesNotThrow(() => parseBody(name, sampleValue(name)), name);
    }
  });
});
