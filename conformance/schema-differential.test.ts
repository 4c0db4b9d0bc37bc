/**
 * Differential test of the project's EPCIS 2.0 validation against the official GS1 JSON Schema (the oracle,
 * compiled here with AJV strict:false + ajv-formats). Inputs: the 47 full-context examples, the 5 JSON Schema test
 * events, and seeded mutations of them. Every disagreement must be an intended difference of
 * conformance/schema-differences.json, in the stated direction; every other case must agree.
 */
import assert from 'node:assert/strict';
import type { ValidateFunction } from 'ajv';
import type { JsonObject } from '../src/model/types';
import { compiledSchemas } from '../src/validation/compiled-schemas';
import { createEpcisValidator } from '../src/validation/epcis-validator';
import type { EpcisValidator } from '../src/validation/epcis-validator';
import {
  eventListOf,
  type Gs1JsonExample as BaseCase,
  gs1JsonExamples,
  officialJsonSchema,
  skipWithoutSharedGs1,
} from '../test/support/gs1-examples';
import { seededRandom } from '../test/support/seeded-random';
import { DOCUMENT_KINDS, STANDALONE_KINDS } from './schema-mutations/document-kinds';
import {
  CBV_URI_KINDS,
  DATE_KINDS,
  ENUM_KINDS,
  KEY_KINDS,
  REQUIRED_FIELD_KINDS,
  WRONG_TYPE_KINDS,
} from './schema-mutations/event-kinds';
import type { MutationKind, Verdict } from './schema-mutations/mutation-kind';
import { DIFFERENCE_KINDS, HARDENING_KINDS, LIST_KINDS, RULE_KINDS } from './schema-mutations/structure-kinds';
import ledgerFile from './schema-differences.json';

const SEED = 0x2e9c15;
const VARIANTS_PER_KIND = 6;

const KINDS: MutationKind[] = [
  ...REQUIRED_FIELD_KINDS,
  ...WRONG_TYPE_KINDS,
  ...ENUM_KINDS,
  ...CBV_URI_KINDS,
  ...DATE_KINDS,
  ...KEY_KINDS,
  ...LIST_KINDS,
  ...RULE_KINDS,
  ...DIFFERENCE_KINDS,
  ...HARDENING_KINDS,
  ...DOCUMENT_KINDS,
  ...STANDALONE_KINDS,
];

interface Case {
  base: BaseCase;
  kind: MutationKind | null;
  value: JsonObject;
  label: string;
}

const ledger: Record<string, { ours: Verdict; official: Verdict; reason: string }> = ledgerFile.differences as Record<
  string,
  { ours: Verdict; official: Verdict; reason: string }
>;

/** Our verdict: the validator as capture uses it (envelope, then every event with its business rules). */
function ourVerdict(validator: EpcisValidator, base: BaseCase, value: JsonObject): Verdict {
  if (base.standalone) {
    return validator.validateEvent(value, { index: null, pointer: '' }, { standalone: true }).length
      ? 'invalid'
      : 'valid';
  }
  if (validator.validateDocumentEnvelope(value).length > 0) return 'invalid';
  const events = eventListOf(value) ?? [];
  const bad = events.some(
    (event, i) =>
      validator.validateEvent(event, { index: i, pointer: `/epcisBody/eventList/${i}` }, { standalone: false }).length >
      0,
  );
  return bad ? 'invalid' : 'valid';
}

function shuffled<T>(items: T[], rng: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Up to VARIANTS_PER_KIND deterministic variants of each kind, on randomly chosen applicable events/documents. */
function mutatedCases(bases: BaseCase[]): Case[] {
  const rng = seededRandom(SEED);
  const cases: Case[] = [];
  for (const kind of KINDS) {
    const targets: { base: BaseCase; eventIndex: number | null }[] = [];
    for (const base of bases) {
      if (kind.target === 'document') {
        if (kind.applies(base.value, base.standalone)) targets.push({ base, eventIndex: null });
      } else if (base.standalone) {
        if (kind.applies(base.value, true)) targets.push({ base, eventIndex: null });
      } else {
        (eventListOf(base.value) ?? []).forEach((event, i) => {
          if (kind.applies(event, false)) targets.push({ base, eventIndex: i });
        });
      }
    }
    for (const { base, eventIndex } of shuffled(targets, rng).slice(0, VARIANTS_PER_KIND)) {
      const value = structuredClone(base.value);
      const target = eventIndex === null ? value : eventListOf(value)?.[eventIndex];
      if (!target) throw new Error(`no event ${eventIndex} in ${base.name}`);
      kind.mutate(target, rng);
      cases.push({
        base,
        kind,
        value,
        label: `${kind.kind} on ${base.name}${eventIndex === null ? '' : ` event ${eventIndex}`}`,
      });
    }
  }
  return cases;
}

describe('EPCIS 2.0 schema differential test (ours vs the GS1 JSON Schema)', function () {
  let official: ValidateFunction;
  let validator: EpcisValidator;
  let bases: BaseCase[];

  before(function () {
    skipWithoutSharedGs1(this);
    official = officialJsonSchema();
    validator = createEpcisValidator();
    bases = gs1JsonExamples();
  });

  it('accepts all 47 full-context examples and the 5 JSON Schema test events, as the GS1 schema does', function () {
    assert.equal(bases.filter((b) => !b.standalone).length, 47);
    assert.equal(bases.filter((b) => b.standalone).length, 5);
    for (const base of bases) {
      assert.equal(official(base.value), true, `official rejects ${base.name}`);
      assert.equal(ourVerdict(validator, base, base.value), 'valid', `we reject ${base.name}`);
      assert.equal(compiledSchemas().root(base.value), true, `our root schema rejects ${base.name}`);
    }
  });

  it('agrees with the GS1 schema on every mutation except the intended differences of the ledger', function () {
    const cases = mutatedCases(bases);
    const disagreements = new Map<string, number>();
    let agreements = 0;
    const failures: string[] = [];
    for (const c of cases) {
      const kind = c.kind as MutationKind;
      const ours = ourVerdict(validator, c.base, c.value);
      const theirs: Verdict = official(c.value) ? 'valid' : 'invalid';
      const rootSchema: Verdict = compiledSchemas().root(c.value) ? 'valid' : 'invalid';
      const intended = ledger[kind.kind];
      if (ours !== kind.expect) failures.push(`${c.label}: we say ${ours}, the mutation expects ${kind.expect}`);
      // The schema file alone decides like the validator, except where only code outside it (rules, depth) does.
      const schemaExpected: Verdict = kind.outsideSchema ? 'valid' : ours;
      if (rootSchema !== schemaExpected) failures.push(`${c.label}: our schema file says ${rootSchema}`);
      if (ours === theirs) {
        agreements++;
        if (intended) failures.push(`${c.label}: the ledger expects a difference but both say ${ours}`);
      } else if (!intended || intended.ours !== ours || intended.official !== theirs) {
        failures.push(`${c.label}: unexplained difference (ours ${ours}, official ${theirs})`);
      } else {
        disagreements.set(kind.kind, (disagreements.get(kind.kind) ?? 0) + 1);
      }
    }
    const differences = [...disagreements.values()].reduce((a, b) => a + b, 0);
    console.log(
      `  examples: ${bases.length} (47 documents + 5 events), mutations: ${cases.length} of ${KINDS.length} kinds, ` +
        `agreements: ${agreements}, intended differences: ${differences} (${disagreements.size} ledger kinds)`,
    );
    assert.deepEqual(failures, []);
    assert.ok(cases.length >= 200, `only ${cases.length} mutations`);
    const unused = Object.keys(ledger).filter((kind) => !disagreements.has(kind));
    assert.deepEqual(unused, [], 'every ledger entry must be exercised');
  });
});
