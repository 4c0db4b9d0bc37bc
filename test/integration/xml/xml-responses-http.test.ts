/** XML responses and XML POST /events over HTTP (issue: XML capture and XML responses, Build item 4). */
import assert from 'node:assert/strict';
import request from 'supertest';
import { validateEpcisXmlSchema } from '../../../src/formats/xml';
import { captureAndWait, describeEachStore } from '../../support/app-harness';
import { epcisDocument, objectEvent } from '../../support/event-factory';

const XML_EVENT_DOCUMENT = `<?xml version="1.0" encoding="UTF-8"?>
<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2024-01-01T00:00:00Z">
<EPCISBody><EventList><ObjectEvent><eventTime>2024-05-01T00:00:00Z</eventTime><eventTimeZoneOffset>+02:00</eventTimeZoneOffset>
<epcList><epc>urn:epc:id:sgtin:0614141.107346.77</epc></epcList><action>OBSERVE</action>
<bizStep>urn:epcglobal:cbv:bizstep:receiving</bizStep></ObjectEvent></EventList></EPCISBody></epcis:EPCISDocument>`;

describeEachStore('XML responses', (t) => {
  let jobLocation = '';
  before(async () => {
    const response = await request(t().app)
      .post('/capture')
      .set('Content-Type', 'application/ld+json')
      .send(JSON.stringify(epcisDocument([objectEvent(1)])));
    jobLocation = String(response.headers['location']);
    await captureAndWait(t().app, epcisDocument([objectEvent(2)]));
  });

  const expectations: [string | undefined, string][] = [
    [undefined, 'urn:epcglobal:cbv:bizstep:shipping'],
    ['Always_URN', 'urn:epcglobal:cbv:bizstep:shipping'],
    ['Always_Web_URI', 'https://ref.gs1.org/cbv/BizStep-shipping'],
  ];
  for (const [format, expected] of expectations) {
    it(`GET /events as XML with GS1-CBV-XML-Format ${format ?? '(absent)'} gives ${expected}, XSD-valid`, async () => {
      const req = request(t().app).get('/events').set('Accept', 'application/xml');
      const response = await (format ? req.set('GS1-CBV-XML-Format', format) : req).expect(200);
      assert.match(response.headers['content-type'] ?? '', /application\/xml/);
      assert.ok(response.text.includes(`<bizStep>${expected}</bizStep>`), response.text.slice(0, 2000));
      assert.ok(response.text.includes('EPCISQueryDocument'));
      assert.deepEqual(await validateEpcisXmlSchema(response.text), []);
    });
  }

  it('follows Accept q-values and refuses an unknown GS1-CBV-XML-Format', async () => {
    const xml = await request(t().app)
      .get('/events')
      .set('Accept', 'application/json;q=0.5, text/xml;q=0.9')
      .expect(200);
    assert.match(xml.headers['content-type'] ?? '', /xml/);
    const json = await request(t().app)
      .get('/events')
      .set('Accept', 'application/json;q=0.9, text/xml;q=0.5')
      .expect(200);
    assert.match(json.headers['content-type'] ?? '', /json/);
    await request(t().app)
      .get('/events')
      .set('Accept', 'application/xml')
      .set('GS1-CBV-XML-Format', 'Sometimes')
      .expect(406);
  });

  it('GET /capture/{id} as XML is an epcis:EPCISCaptureJob', async () => {
    const response = await request(t().app).get(jobLocation).set('Accept', 'application/xml').expect(200);
    assert.match(response.text, /<epcis:EPCISCaptureJob[^>]*success="true"/);
    assert.deepEqual(await validateEpcisXmlSchema(response.text), []);
  });

  it('errors are problem+xml for XML clients', async () => {
    const response = await request(t().app).get('/capture/nope').set('Accept', 'application/xml').expect(404);
    assert.match(response.headers['content-type'] ?? '', /application\/problem\+xml/);
    assert.deepEqual(await validateEpcisXmlSchema(response.text), []);
  });

  it('POST /events takes an XML document with one event and answers in XML', async () => {
    const response = await request(t().app)
      .post('/events')
      .set('Content-Type', 'application/xml')
      .set('Accept', 'application/xml')
      .send(XML_EVENT_DOCUMENT)
      .expect(201);
    assert.match(String(response.headers['location']), /^\/events\/ni%3A/);
    assert.ok(response.text.includes('<bizStep>urn:epcglobal:cbv:bizstep:receiving</bizStep>'));
    const json = await request(t().app).get(String(response.headers['location'])).expect(200);
    assert.equal(json.body.epcisBody.queryResults.resultsBody.eventList[0].bizStep, 'receiving');
  });
});
