import assert from 'node:assert/strict';
import { CBV_VALUE_FORMS, convertCbvValue, toBareWord, toCbvUrn, toCbvWebUri } from '../../../src/cbv/cbv-values';
import { MEASUREMENT_TYPES } from '../../../src/cbv/measurement-types';

describe('CBV value forms', () => {
  it('converts every standard word of every vocabulary between its three forms', () => {
    for (const [name, forms] of Object.entries(CBV_VALUE_FORMS)) {
      const vocabulary = name as keyof typeof CBV_VALUE_FORMS;
      for (const word of forms.words) {
        const urn = toCbvUrn(vocabulary, word);
        const web = toCbvWebUri(vocabulary, word);
        assert.equal(urn, forms.urn + word);
        assert.equal(web, forms.web + word);
        for (const form of [word, urn, web]) {
          assert.equal(toBareWord(vocabulary, form), word);
          assert.equal(convertCbvValue(vocabulary, form, 'urn'), urn);
          assert.equal(convertCbvValue(vocabulary, form, 'web'), web);
        }
      }
    }
  });

  it('knows the examples of EPCIS-DIGEST §f rule 6', () => {
    assert.equal(
      toCbvWebUri('bizStep', 'urn:epcglobal:cbv:bizstep:receiving'),
      'https://ref.gs1.org/cbv/BizStep-receiving',
    );
    assert.equal(toCbvUrn('disposition', 'in_transit'), 'urn:epcglobal:cbv:disp:in_transit');
    assert.equal(toBareWord('component', 'cbv:Comp-latitude'), 'latitude');
    assert.equal(toBareWord('measurementType', 'gs1:Temperature'), 'Temperature');
    assert.equal(toBareWord('measurementType', 'https://ref.gs1.org/voc/Temperature'), 'Temperature');
    assert.equal(toCbvWebUri('sensorAlertType', 'ALARM_CONDITION'), 'https://gs1.org/voc/ALARM_CONDITION');
    assert.equal(MEASUREMENT_TYPES.length, 72);
  });

  it('passes custom values through unchanged', () => {
    for (const v of [
      'https://example.org/step/x',
      'urn:epcglobal:cbv:bizstep:not_a_step',
      'myword',
      'https://ref.gs1.org/cbv/Bizstep-sensor_reporting',
    ]) {
      assert.equal(toBareWord('bizStep', v), v);
      assert.equal(toCbvUrn('bizStep', v), v);
      assert.equal(toCbvWebUri('bizStep', v), v);
    }
  });
});
