/**
 * learnCompanyPrefixes (src/formats/epc-format.ts) learns from an EPC URN in every identifier slot of an event
 * (EPC lists, quantity classes, parentID, locations, source and destination parties), and never changes the event.
 */
import assert from 'node:assert/strict';
import { IDENTIFIER_SLOTS, learnCompanyPrefixes } from '../../../src/formats/epc-format';
import { createCompanyPrefixTable } from '../../../src/identifiers/company-prefix';
import type { JsonObject } from '../../../src/model/types';

const SGTIN = 'urn:epc:id:sgtin:0614141.107346.2017';
const CLASS = 'urn:epc:class:lgtin:0614141.107346.LOT1';
const SGLN = 'urn:epc:id:sgln:0614141.07346.1234';
const PGLN = 'urn:epc:id:pgln:0614141.07346';
const SSCC = 'urn:epc:id:sscc:0614141.1234567890';

const slots: Record<string, JsonObject> = {
  epcList: { epcList: [SGTIN] },
  childEPCs: { childEPCs: [SGTIN] },
  inputEPCList: { inputEPCList: [SGTIN] },
  outputEPCList: { outputEPCList: [SGTIN] },
  quantityList: { quantityList: [{ epcClass: CLASS, quantity: 1 }] },
  childQuantityList: { childQuantityList: [{ epcClass: CLASS }] },
  inputQuantityList: { inputQuantityList: [{ epcClass: CLASS }] },
  outputQuantityList: { outputQuantityList: [{ epcClass: CLASS }] },
  parentID: { parentID: SSCC },
  readPoint: { readPoint: { id: SGLN } },
  bizLocation: { bizLocation: { id: SGLN } },
  sourceList: { sourceList: [{ type: 'owning_party', source: PGLN }] },
  destinationList: { destinationList: [{ type: 'owning_party', destination: PGLN }] },
};

describe('learnCompanyPrefixes', () => {
  it('is tested on every identifier slot of the table that rendering uses', () => {
    assert.deepEqual(
      Object.keys(slots),
      IDENTIFIER_SLOTS.map((slot) => slot.field),
    );
  });

  for (const [slot, fields] of Object.entries(slots)) {
    it(`learns the company prefix from ${slot}`, () => {
      const table = createCompanyPrefixTable();
      const event: JsonObject = { type: 'ObjectEvent', ...structuredClone(fields) };
      const before = JSON.stringify(event);
      learnCompanyPrefixes([event], table);
      assert.equal(table.size, 1);
      assert.equal(table.lookup('06141411073464'), 7);
      assert.equal(JSON.stringify(event), before, 'the event is unchanged');
    });
  }

  it('learns nothing from Digital Link URIs and other values', () => {
    const table = createCompanyPrefixTable();
    learnCompanyPrefixes(
      [{ epcList: ['https://id.gs1.org/01/10614141073464/21/1', 'urn:uuid:x'], readPoint: { id: 'urn:x:y' } }, 'junk'],
      table,
    );
    assert.equal(table.size, 0);
  });

  it('learns every prefix of a document whatever the order of its identifiers', () => {
    // Consecutive identifiers sharing a scheme and company prefix are recognised in place (the fast path); one whose
    // digits merely start with the previous prefix, an unusable URN before a usable one of the same prefix, and
    // prefixes coming back after others must still be learned.
    const table = createCompanyPrefixTable();
    learnCompanyPrefixes(
      [
        { epcList: ['urn:epc:id:sgtin:0614141.bad', SGTIN, 'urn:epc:id:sgtin:0614141.107346.2018'] },
        { epcList: ['urn:epc:id:sgtin:06141410.10734.1', SGTIN, 'urn:epc:id:sgtin:4012345.012345.9'] },
        { parentID: 'urn:epc:id:sscc:4012345.0000000001', readPoint: { id: 'urn:epc:id:sgln:95200001.0000.0' } },
      ],
      table,
    );
    assert.equal(table.size, 4);
    assert.equal(table.lookup('06141411073464'), 7);
    assert.equal(table.lookup('06141410107346'), 8);
    assert.equal(table.lookup('40123450123459'), 7);
    assert.equal(table.lookup('9520000100000'), 8);
  });
});
