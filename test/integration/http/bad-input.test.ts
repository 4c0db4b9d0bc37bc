/** Acceptance: bad input is answered with a 4xx problem+json, nothing is stored, and the server keeps answering. */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { JsonObject } from '../../../src/model/types';
import { allEvents, captureAndWait, describeEachStore } from '../../support/app-harness';
import { EPCIS_CONTEXT, epcisDocument, objectEvent, range } from '../../support/event-factory';

const limits = {
  capture: { maxEvents: 5, maxBytes: 64 * 1024, maxDepth: 64, xmlSchemaValidation: true, validationWorkerMinBytes: 0 },
};

describeEachStore(
  'bad input',
  (t) => {
    let storedBefore = 0;
    beforeEach(async () => {
      storedBefore = (await allEvents(t().app)).length;
    });
    afterEach(async () => {
      assert.equal((await allEvents(t().app)).length, storedBefore, 'nothing may be stored');
      await request(t().app).get('/').expect(200);
    });

    const post = (body: string | Buffer, contentType = 'application/ld+json') =>
      request(t().app).post('/capture').set('Content-Type', contentType).send(body);
    const expectProblem = (response: request.Response, status: number, type: string) => {
      assert.equal(response.status, status, JSON.stringify(response.body));
      assert.match(response.headers['content-type'] ?? '', /application\/problem\+json/);
      assert.equal(response.body.type, `epcisException:${type}`);
      assert.ok(response.body.detail);
    };

    it('malformed JSON: 400', async () => {
      expectProblem(await post('{"type": "EPCISDocument", '), 400, 'ValidationException');
    });

    it('wrong content type: 415', async () => {
      expectProblem(
        await post(JSON.stringify(epcisDocument([objectEvent(1)])), 'text/plain'),
        415,
        'UnsupportedMediaTypeException',
      );
    });

    it('a body over the size limit: 413 with the limit headers', async () => {
      const big = epcisDocument([objectEvent(1, { 'example:blob': 'x'.repeat(70 * 1024) })]);
      const response = await post(JSON.stringify(big));
      expectProblem(response, 413, 'CaptureLimitExceededException');
      assert.equal(response.headers['gs1-epcis-capture-file-size-limit'], String(64 * 1024));
      assert.equal(response.headers['gs1-epcis-capture-limit'], '5');
    });

    it('more events than the event limit: 413', async () => {
      const response = await post(JSON.stringify(epcisDocument(range(1, 6).map((i) => objectEvent(i)))));
      expectProblem(response, 413, 'CaptureLimitExceededException');
      assert.equal(response.headers['gs1-epcis-capture-limit'], '5');
    });

    it('a remote @context URL: 400 naming it, and no outbound connection is attempted', async () => {
      let hits = 0;
      const canary = createServer((_req, res) => {
        hits++;
        res.end('{"@context":{}}');
      });
      await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(canary.address() as AddressInfo).port}/context.jsonld`;
      try {
        const document = { ...epcisDocument([objectEvent(1)]), '@context': [EPCIS_CONTEXT, url] };
        const response = await post(JSON.stringify(document));
        expectProblem(response, 400, 'ValidationException');
        assert.ok(String(response.body.detail).includes(url));
        assert.equal(hits, 0);
      } finally {
        canary.close();
      }
    });

    it('redefinition of a protected term: 400', async () => {
      const document = epcisDocument([objectEvent(1)], {
        example: 'http://ns.example.com/epcis/',
        bizStep: 'http://evil.example/',
      });
      expectProblem(await post(JSON.stringify(document)), 400, 'ValidationException');
    });

    it('JSON nested 10,000 levels: 400', async () => {
      const deep = '['.repeat(10_000) + '1' + ']'.repeat(10_000);
      const body = JSON.stringify(epcisDocument([objectEvent(1)])).replace(
        '"example:myField"',
        `"example:x":${deep},"example:myField"`,
      );
      expectProblem(await post(body), 400, 'ValidationException');
    });

    it('invalid UTF-8: 400', async () => {
      const text = JSON.stringify(epcisDocument([objectEvent(1, { 'example:myField': 'AB' })]));
      const bytes = Buffer.from(text, 'utf8');
      const at = bytes.indexOf(Buffer.from('AB'));
      bytes[at] = 0xc3;
      bytes[at + 1] = 0x28;
      expectProblem(await post(bytes), 400, 'ValidationException');
    });

    it('a document that is not an EPCISDocument: 400', async () => {
      expectProblem(
        await post(JSON.stringify({ '@context': EPCIS_CONTEXT, type: 'Nope' })),
        400,
        'ValidationException',
      );
    });

    it('an invalid GS1-Capture-Error-Behaviour: 400', async () => {
      const response = await request(t().app)
        .post('/capture')
        .set('Content-Type', 'application/json')
        .set('GS1-Capture-Error-Behaviour', 'all')
        .send(JSON.stringify(epcisDocument([objectEvent(1)])));
      expectProblem(response, 400, 'ValidationException');
    });
  },
  limits,
);

describeEachStore('extension keys that look like MongoDB operators or paths', (t) => {
  it('$where, $gt and a.b inside an extension are stored losslessly and are inert', async () => {
    const extension: JsonObject = { $where: 'sleep(10000)', $gt: 1, 'a.b': { 'c.d': [{ $ne: null }] } };
    const event = objectEvent(1, { 'example:ext': extension });
    const job = await captureAndWait(t().app, epcisDocument([event, objectEvent(2)]));
    assert.equal(job['success'], true, JSON.stringify(job['errors']));
    const events = await allEvents(t().app);
    assert.equal(events.length, 2);
    assert.deepEqual(events.find((e) => e['eventID'] === event['eventID'])!['example:ext'], extension);
  });

  it('a bare $where key at the event top level is rejected with a clear message', async () => {
    const job = await captureAndWait(t().app, epcisDocument([objectEvent(3, { $where: '1' })]));
    assert.equal(job['success'], false);
    assert.match(JSON.stringify(job['errors']), /\$where/);
  });
});
