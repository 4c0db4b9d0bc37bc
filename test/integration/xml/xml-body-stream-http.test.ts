/**
 * XML capture bodies over a real connection (src/http/shared-body.ts reads them into shared memory): chunked
 * bodies (no Content-Length) are captured, a body over the byte limit is a 413 CaptureLimitExceededException with
 * the limit headers whether it declares its length or not, a compressed XML body still goes through express.raw,
 * and bad bodies keep their 400s.
 */
import assert from 'node:assert/strict';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { serializeEpcisXml } from '../../../src/formats/xml';
import { allEvents, startTestApp, waitForJob, type TestApp } from '../../support/app-harness';
import { EXAMPLE_NS, epcisDocument, objectEvent, range } from '../../support/event-factory';

const LIMIT = 256 * 1024;
const xmlOf = (count: number, from = 0) =>
  Buffer.from(
    serializeEpcisXml(
      epcisDocument(range(from, count).map((i) => objectEvent(i))),
      { example: EXAMPLE_NS },
      { cbvFormat: 'Always_URN' },
    ),
  );

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

describe('XML capture bodies, chunked or over the limit (HTTP)', function () {
  this.timeout(120_000);
  let t: TestApp;
  let server: Server;
  let port = 0;

  before(async () => {
    t = await startTestApp('embedded', {
      capture: {
        maxEvents: 5000,
        maxBytes: LIMIT,
        maxDepth: 64,
        xmlSchemaValidation: true,
        validationWorkerMinBytes: null,
      },
    });
    server = t.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  /** POSTs `chunks` to /capture; with `chunked`, no Content-Length (Transfer-Encoding: chunked). */
  function post(chunks: Buffer[], options: { chunked: boolean; headers?: Record<string, string> }): Promise<Answer> {
    const length = chunks.reduce((sum, c) => sum + c.length, 0);
    const headers = {
      'Content-Type': 'application/xml',
      Accept: 'application/json',
      ...(options.chunked ? {} : { 'Content-Length': String(length) }),
      ...options.headers,
    };
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/capture', headers }, (res) => {
        const body: Buffer[] = [];
        res.on('data', (c: Buffer) => body.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(body).toString() }),
        );
      });
      req.on('error', reject);
      for (const chunk of chunks) req.write(chunk);
      req.end();
    });
  }
  const split = (body: Buffer, size: number) =>
    Array.from({ length: Math.ceil(body.length / size) }, (_, i) => body.subarray(i * size, (i + 1) * size));

  const expectTooLarge = (answer: Answer) => {
    assert.equal(answer.status, 413, answer.text);
    assert.match(answer.text, /CaptureLimitExceededException/);
    assert.equal(answer.headers['gs1-epcis-capture-file-size-limit'], String(LIMIT));
  };

  it('captures a chunked body larger than the first buffer (it grows), every event stored', async () => {
    const body = xmlOf(150);
    assert.ok(body.length > 64 * 1024 && body.length < LIMIT, `${body.length} bytes`);
    const answer = await post(split(body, 5000), { chunked: true });
    assert.equal(answer.status, 202, answer.text);
    const job = await waitForJob(t.app, String(answer.headers['location']));
    assert.equal(job['success'], true, JSON.stringify(job));
    assert.equal((await allEvents(t.app)).length, 150);
  });

  it('refuses a body over the limit with a 413 and the limit headers, declared or chunked', async () => {
    const body = xmlOf(400, 1000);
    assert.ok(body.length > LIMIT);
    expectTooLarge(await post(split(body, 8192), { chunked: false }));
    expectTooLarge(await post(split(body, 8192), { chunked: true }));
  });

  it('keeps the 400s of a chunked body: empty, invalid UTF-8, refused by the parser', async () => {
    const empty = await post([], { chunked: true });
    assert.equal(empty.status, 400, empty.text);
    assert.match(empty.text, /empty/);
    const latin1 = Buffer.concat([xmlOf(1, 2000).subarray(0, 200), Buffer.from([0xe9, 0x20]), xmlOf(1).subarray(200)]);
    const notUtf8 = await post([latin1], { chunked: true });
    assert.equal(notUtf8.status, 400, notUtf8.text);
    assert.match(notUtf8.text, /UTF-8/);
    const invalid = Buffer.from(xmlOf(1, 3000).toString().replace('<action>', '<bogus/><action>'));
    const refused = await post(split(invalid, 100), { chunked: true });
    assert.equal(refused.status, 400, refused.text);
    assert.match(refused.text, /bogus/);
  });

  it('captures a gzip-compressed XML body (read by express.raw, which inflates it)', async () => {
    const answer = await post([gzipSync(xmlOf(3, 4000))], { chunked: false, headers: { 'Content-Encoding': 'gzip' } });
    assert.equal(answer.status, 202, answer.text);
    const job = await waitForJob(t.app, String(answer.headers['location']));
    assert.equal(job['success'], true, JSON.stringify(job));
  });
});
