import assert from 'node:assert/strict';
import { parseElementString } from '../../../src/identifiers';

describe('identifiers: GS1 element strings', () => {
  const opts = { companyPrefixLength: () => 7 };

  it('reads the bracketed human-readable form', () => {
    const r = parseElementString('(01)09506000134352(21)ABC123', opts);
    assert.ok(r.ok);
    assert.equal(r.value.digitalLink, 'https://id.gs1.org/01/09506000134352/21/ABC123');
    assert.equal(r.value.epcUrn, 'urn:epc:id:sgtin:9506000.013435.ABC123');
  });

  it('reads raw scanner data with a symbology identifier and GS separators', () => {
    const r = parseElementString(']C101095060001343521710123110LOT(7)\u001d21S/1', opts);
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.ais.map((a) => a.ai),
      ['01', '17', '10', '21'],
    );
    assert.equal(r.value.digitalLink, 'https://id.gs1.org/01/09506000134352/21/S%2F1');
    assert.equal(r.value.epcUrn, 'urn:epc:id:sgtin:9506000.013435.S%2F1');
  });

  it('derives class-level and logistic keys', () => {
    const lot = parseElementString('\u001d010950600013435210ABC', opts);
    assert.ok(lot.ok);
    assert.equal(lot.value.epcUrn, 'urn:epc:class:lgtin:9506000.013435.ABC');
    const sscc = parseElementString('(00)106141412345678908', opts);
    assert.ok(sscc.ok);
    assert.equal(sscc.value.epcUrn, 'urn:epc:id:sscc:0614141.1234567890');
    const gln = parseElementString('(414)4012345000115(254)987', opts);
    assert.ok(gln.ok);
    assert.equal(gln.value.digitalLink, 'https://id.gs1.org/414/4012345000115/254/987');
  });

  it('says why it cannot convert', () => {
    const noPrefix = parseElementString('(01)09506000134352(21)ABC123');
    assert.ok(noPrefix.ok);
    assert.equal(noPrefix.value.epcUrn, null);
    assert.equal(noPrefix.value.epcUrnReason, 'GS1 Company Prefix length unknown');
    const wrong = parseElementString('(01)09506000134353(21)ABC123');
    assert.equal(wrong.ok, false);
    assert.match(wrong.ok ? '' : wrong.reason, /check digit/);
    const noKey = parseElementString('(17)101231(10)LOT');
    assert.equal(noKey.ok, false);
    const garbage = parseElementString('5512345');
    assert.equal(garbage.ok, false);
  });
});
