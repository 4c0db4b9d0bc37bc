/** GS1-EPC-Format on the event endpoints (EPCIS 2.0 REST binding; issue: identifiers and format negotiation). */
import assert from 'node:assert/strict';
import request from 'supertest';
import type { JsonObject } from '../../../src/model/types';
import { captureAndWait, describeEachStore } from '../../support/app-harness';
import { epcisDocument, objectEvent } from '../../support/event-factory';

const URN = 'urn:epc:id:sgtin:0614141.107346.2017';
const DL = 'https://id.gs1.org/01/10614141073464/21/2017';
const OTHER_DL = 'https://id.gs1.org/01/09506000134352/21/ABC';

describeEachStore('GS1-EPC-Format', (t) => {
  before(async () => {
    const events = [
      objectEvent(1, { epcList: [URN], readPoint: { id: 'urn:epc:id:sgln:4012345.00011.987' } }),
      objectEvent(2, { epcList: [DL, OTHER_DL] }),
    ];
    assert.equal((await captureAndWait(t().app, epcisDocument(events)))['success'], true);
  });

  const fetchEvents = async (format?: string) => {
    const req = request(t().app).get('/events');
    const response = await (format ? req.set('GS1-EPC-Format', format) : req).expect(200);
    const events = response.body.epcisBody.queryResults.resultsBody.eventList as JsonObject[];
    const byId = (i: number) => events.find((e) => e['eventID'] === objectEvent(i)['eventID'])!;
    return { header: response.headers['gs1-epc-format'], first: byId(1), second: byId(2) };
  };

  it('defaults to canonical GS1 Digital Links', async () => {
    const { header, first, second } = await fetchEvents();
    assert.equal(header, 'Always_GS1_Digital_Link');
    assert.deepEqual(first['epcList'], [DL]);
    assert.deepEqual(first['readPoint'], { id: 'https://id.gs1.org/414/4012345000115/254/987' });
    assert.deepEqual(second['epcList'], [DL, OTHER_DL]);
  });

  it('Never_Translates and No_Preference return identifiers as captured', async () => {
    for (const format of ['Never_Translates', 'No_Preference']) {
      const { header, first, second } = await fetchEvents(format);
      assert.equal(header, format);
      assert.deepEqual(first['epcList'], [URN]);
      assert.deepEqual(second['epcList'], [DL, OTHER_DL]);
    }
  });

  it('Always_EPC_URN converts where the company prefix length is known and says when it was not', async () => {
    const { header, first, second } = await fetchEvents('Always_EPC_URN');
    assert.deepEqual(first['epcList'], [URN]);
    // 0614141 was learnt from the URN; 9506000 is unknown, so that Digital Link stays as captured.
    assert.deepEqual(second['epcList'], [URN, OTHER_DL]);
    assert.equal(header, 'No_Preference');
  });

  it('applies to GET /events/{eventID} and refuses an unknown value with 406', async () => {
    const response = await request(t().app)
      .get(`/events/${encodeURIComponent(String(objectEvent(2)['eventID']))}`)
      .set('GS1-EPC-Format', 'Always_EPC_URN')
      .expect(200);
    assert.equal(response.body.epcisBody.queryResults.resultsBody.eventList[0].epcList[0], URN);
    await request(t().app).get('/events').set('GS1-EPC-Format', 'Sometimes').expect(406);
  });
});

describeEachStore('GS1-EPC-Format in XML responses', (t) => {
  before(async () => {
    assert.equal(
      (await captureAndWait(t().app, epcisDocument([objectEvent(1, { epcList: [URN, OTHER_DL] })])))['success'],
      true,
    );
  });
  const cases: [string, string[], string[]][] = [
    ['Always_GS1_Digital_Link', [DL, OTHER_DL], [URN]],
    ['Always_EPC_URN', [URN, OTHER_DL], [DL]],
    ['Never_Translates', [URN, OTHER_DL], [DL]],
    ['No_Preference', [URN, OTHER_DL], [DL]],
  ];
  for (const [format, present, absent] of cases) {
    it(`${format}`, async () => {
      const response = await request(t().app)
        .get('/events')
        .set('Accept', 'application/xml')
        .set('GS1-EPC-Format', format)
        .expect(200);
      for (const epc of present) assert.ok(response.text.includes(`<epc>${epc}</epc>`), `${epc} in ${format}`);
      for (const epc of absent) assert.ok(!response.text.includes(`<epc>${epc}</epc>`), `${epc} not in ${format}`);
    });
  }
});

describeEachStore('GS1-EPC-Format on /epcs', (t) => {
  before(async () => {
    assert.equal(
      (await captureAndWait(t().app, epcisDocument([objectEvent(1, { epcList: [URN, OTHER_DL] })])))['success'],
      true,
    );
  });
  // /epcs lists the distinct identifiers in the server's canonical form (a Digital Link): it has no single
  // "captured form" when one EPC was captured both ways, so Never_Translates and No_Preference return that form.
  const cases: [string, string[], string][] = [
    ['Always_GS1_Digital_Link', [DL, OTHER_DL], 'Always_GS1_Digital_Link'],
    ['Always_EPC_URN', [URN, OTHER_DL], 'No_Preference'],
    ['Never_Translates', [DL, OTHER_DL], 'Never_Translates'],
    ['No_Preference', [DL, OTHER_DL], 'No_Preference'],
  ];
  for (const [format, expected, header] of cases) {
    it(`${format}`, async () => {
      const response = await request(t().app).get('/epcs').set('GS1-EPC-Format', format).expect(200);
      assert.deepEqual([...(response.body.member as string[])].sort(), [...expected].sort());
      assert.equal(response.headers['gs1-epc-format'], header);
    });
  }
});
