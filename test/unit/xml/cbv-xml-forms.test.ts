import assert from 'node:assert/strict';
import { toBareWord } from '../../../src/cbv/cbv-values';
import { CBV_XML_FORMATS, cbvXmlValue } from '../../../src/formats/xml/cbv-xml-forms';

describe('CBV values in XML (GS1-CBV-XML-Format, EPCIS-DIGEST §f rule 6)', () => {
  const STEP_URN = 'urn:epcglobal:cbv:bizstep:receiving';
  const STEP_WEB = 'https://ref.gs1.org/cbv/BizStep-receiving';

  it('writes URNs except for Always_Web_URI, from any form of a standard word', () => {
    for (const value of ['receiving', STEP_URN, STEP_WEB]) {
      assert.equal(cbvXmlValue('bizStep', value, 'Always_URN'), STEP_URN);
      assert.equal(cbvXmlValue('bizStep', value, 'No_Preference'), STEP_URN);
      assert.equal(cbvXmlValue('bizStep', value, 'Always_Web_URI'), STEP_WEB);
    }
    assert.equal(cbvXmlValue('component', 'cbv:Comp-x', 'Always_URN'), 'urn:epcglobal:cbv:comp:x');
  });

  it('Never_Translates keeps a URN, Web URI or CURIE as written, but a bare word still becomes a URN', () => {
    for (const value of [STEP_URN, STEP_WEB]) assert.equal(cbvXmlValue('bizStep', value, 'Never_Translates'), value);
    assert.equal(cbvXmlValue('component', 'cbv:Comp-x', 'Never_Translates'), 'cbv:Comp-x');
    assert.equal(cbvXmlValue('bizStep', 'receiving', 'Never_Translates'), STEP_URN);
  });

  it('writes measurement and sensor alert types as gs1: CURIEs or GS1 Web Vocabulary URIs', () => {
    assert.equal(cbvXmlValue('measurementType', 'Temperature', 'Always_URN'), 'gs1:Temperature');
    assert.equal(cbvXmlValue('measurementType', 'Temperature', 'Always_Web_URI'), 'https://gs1.org/voc/Temperature');
    assert.equal(cbvXmlValue('sensorAlertType', 'ALARM_CONDITION', 'No_Preference'), 'gs1:ALARM_CONDITION');
    assert.equal(
      cbvXmlValue('measurementType', 'https://ref.gs1.org/voc/Temperature', 'Never_Translates'),
      'https://ref.gs1.org/voc/Temperature',
    );
  });

  it('passes non-standard values through in every format, and keeps the vocabularies apart', () => {
    for (const format of CBV_XML_FORMATS) {
      for (const value of ['urn:example:step:x', 'myword', 'gs1:EffectiveDoseRate', 'urn:epcglobal:cbv:bizstep:nope']) {
        assert.equal(cbvXmlValue('bizStep', value, format), value);
        assert.equal(cbvXmlValue('measurementType', value, format), value);
      }
      // A sensor alert type is no measurement type (and the reverse): each stays as written.
      assert.equal(cbvXmlValue('measurementType', 'ALARM_CONDITION', format), 'ALARM_CONDITION');
      assert.equal(cbvXmlValue('sensorAlertType', 'Temperature', format), 'Temperature');
    }
    assert.equal(toBareWord('measurementType', 'gs1:ALARM_CONDITION'), 'gs1:ALARM_CONDITION');
    assert.equal(toBareWord('sensorAlertType', 'gs1:ALARM_CONDITION'), 'ALARM_CONDITION');
  });

  it('reads every XML form back to the bare word of the JSON form', () => {
    for (const format of CBV_XML_FORMATS) {
      for (const [vocabulary, word] of [
        ['bizStep', 'receiving'],
        ['disposition', 'in_transit'],
        ['errorReason', 'did_not_occur'],
        ['component', 'latitude'],
        ['measurementType', 'Temperature'],
        ['sensorAlertType', 'ERROR_CONDITION'],
      ] as const) {
        assert.equal(toBareWord(vocabulary, cbvXmlValue(vocabulary, word, format)), word, `${vocabulary} ${format}`);
      }
    }
  });
});
