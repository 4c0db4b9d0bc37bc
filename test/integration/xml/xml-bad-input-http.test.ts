/** Issue acceptance (XML hardening over HTTP): each bad input is a 4xx problem+xml, nothing is stored, the server answers. */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { allEvents, describeEachStore } from '../../support/app-harness';

const EPCIS = 'urn:epcglobal:epcis:xsd:2';
const event = `<ObjectEvent><eventTime>2024-01-01T00:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
<epcList><epc>urn:epc:id:sgtin:0614141.107346.1</epc></epcList><action>OBSERVE</action></ObjectEvent>`;
const documentWith = (eventXml: string, prologue = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>${prologue}<epcis:EPCISDocument xmlns:epcis="${EPCIS}" schemaVersion="2.0" ` +
  `creationDate="2024-01-01T00:00:00Z"><EPCISBody><EventList>${eventXml}</EventList></EPCISBody></epcis:EPCISDocument>`;

describeEachStore(
  'XML bad input',
  (t) => {
    let hits = 0;
    let canaryUrl = '';
    const canary = createServer((_req, res) => {
      hits++;
      res.end('<x/>');
    });
    before(async () => {
      await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
      canaryUrl = `http://127.0.0.1:${(canary.address() as AddressInfo).port}/entity`;
    });
    after(() => canary.close());
    afterEach(async () => {
      assert.equal((await allEvents(t().app)).length, 0, 'nothing may be stored');
      await request(t().app).get('/').expect(200);
    });

    const post = (xml: string) =>
      request(t().app)
        .post('/capture')
        .set('Content-Type', 'application/xml')
        .set('Accept', 'application/xml')
        .send(xml);
    const expectXmlProblem = (response: request.Response, status: number) => {
      assert.equal(response.status, status, response.text);
      assert.match(response.headers['content-type'] ?? '', /application\/problem\+xml/);
      assert.match(response.text, /<epcis:EPCISException/);
      assert.match(response.text, /<type>epcisException:\w+<\/type>/);
    };

    it('XXE with a file entity', async () => {
      const xml = documentWith(
        event.replace('OBSERVE', '&xxe;'),
        '<!DOCTYPE epcis:EPCISDocument [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
      );
      expectXmlProblem(await post(xml), 400);
    });

    it('XXE with an http entity: rejected and no outbound connection', async () => {
      const xml = documentWith(
        event.replace('OBSERVE', '&xxe;'),
        `<!DOCTYPE epcis:EPCISDocument [<!ENTITY xxe SYSTEM "${canaryUrl}">]>`,
      );
      expectXmlProblem(await post(xml), 400);
      assert.equal(hits, 0);
    });

    it('billion laughs', async () => {
      const entities = ['<!ENTITY lol "lol">'];
      for (let i = 1; i < 10; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
      const xml = documentWith(event.replace('OBSERVE', '&lol9;'), `<!DOCTYPE lolz [${entities.join('')}]>`);
      expectXmlProblem(await post(xml), 400);
    });

    it('10,000-deep nesting', async () => {
      const deep = '<x:a xmlns:x="urn:x">' + '<x:a>'.repeat(9_999) + '</x:a>'.repeat(10_000);
      expectXmlProblem(await post(documentWith(event.replace('</ObjectEvent>', `${deep}</ObjectEvent>`))), 400);
    });

    it('malformed XML', async () => {
      expectXmlProblem(await post(documentWith(event).replace('</EventList>', '')), 400);
    });

    it('wrong namespace', async () => {
      expectXmlProblem(await post(documentWith(event).replaceAll(EPCIS, 'urn:example:not-epcis')), 400);
    });

    it('a document over the size limit', async () => {
      const big = documentWith(event.repeat(2400));
      assert.ok(big.length > 128 * 1024);
      const response = await post(big);
      expectXmlProblem(response, 413);
      assert.match(response.text, /CaptureLimitExceededException/);
    });

    it('an invalid event inside a well-formed document is refused with the XSD verdict', async () => {
      expectXmlProblem(
        await post(documentWith(event.replace('<action>OBSERVE</action>', '<action>SHIP</action>'))),
        400,
      );
    });
  },
  {
    capture: {
      maxEvents: 5000,
      maxBytes: 128 * 1024,
      maxDepth: 64,
      xmlSchemaValidation: true,
      validationWorkerMinBytes: null,
    },
  },
);
