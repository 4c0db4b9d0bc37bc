/**
 * XML request bodies read into one SharedArrayBuffer (src/http/shared-body.ts): the exact bytes, in shared memory,
 * sized by Content-Length or grown when chunked; over the limit a 413 once the body is read; a body shorter than
 * its Content-Length a 400.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Request } from 'express';
import { EpcisError } from '../../../src/errors/epcis-errors';
import { readSharedBody } from '../../../src/http/shared-body';

const bytes = (length: number, seed = 7) => Buffer.from(Array.from({ length }, (_, i) => (i * seed + 3) % 251));
const chunksOf = (body: Buffer, size: number) =>
  Array.from({ length: Math.ceil(body.length / size) }, (_, i) => body.subarray(i * size, (i + 1) * size));

/** A request-like stream: the chunks, and headers (Content-Length when `declared` is given). */
function requestOf(chunks: Buffer[], declared?: number): Request & Readable {
  const headers = declared === undefined ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(declared) };
  return Object.assign(Readable.from(chunks, { objectMode: false }), { headers }) as unknown as Request & Readable;
}

const rejectsWith = async (promise: Promise<unknown>, exception: string) =>
  assert.rejects(promise, (error) => error instanceof EpcisError && error.exception === exception);

describe('XML request body in shared memory', () => {
  it('holds the exact bytes of a body with Content-Length in a SharedArrayBuffer of that size', async () => {
    const body = bytes(100_000);
    const read = await readSharedBody(requestOf(chunksOf(body, 16_384), body.length), 1_000_000);
    assert.ok(Buffer.isBuffer(read));
    assert.ok(read.buffer instanceof SharedArrayBuffer);
    assert.equal(read.buffer.byteLength, body.length);
    assert.ok(read.equals(body));
  });

  it('grows the shared buffer of a chunked body (more than its first 64 KiB) and keeps every byte in order', async () => {
    const body = bytes(300_001, 13);
    const read = await readSharedBody(requestOf(chunksOf(body, 1000)), 1_000_000);
    assert.ok(read.buffer instanceof SharedArrayBuffer);
    assert.ok(read.buffer.byteLength >= body.length && read.buffer.byteLength <= 2 * body.length);
    assert.equal(read.length, body.length);
    assert.ok(read.equals(body));
  });

  it('reads a chunked body up to exactly the limit', async () => {
    const body = bytes(70_000);
    const read = await readSharedBody(requestOf(chunksOf(body, 4096)), 70_000);
    assert.ok(read.equals(body));
  });

  it('refuses a body over the limit with a 413, after reading it all (declared or chunked)', async () => {
    const body = bytes(70_001);
    for (const req of [requestOf(chunksOf(body, 4096), body.length), requestOf(chunksOf(body, 4096))]) {
      await rejectsWith(readSharedBody(req, 70_000), 'CaptureLimitExceededException');
      assert.ok(req.readableEnded, 'the body is read to its end before the answer');
    }
  });

  it('refuses a body shorter than its Content-Length with a 400', async () => {
    await rejectsWith(readSharedBody(requestOf([bytes(10)], 11), 100), 'ValidationException');
  });

  it('reads an empty body as an empty buffer (the handler answers that it is empty)', async () => {
    assert.equal((await readSharedBody(requestOf([], 0), 100)).length, 0);
    assert.equal((await readSharedBody(requestOf([]), 100)).length, 0);
  });

  it('does not keep the body alive from the request once it is handed over (the request outlives it)', () => {
    // In a child with --expose-gc: the request stays referenced, the body read from it is dropped, then collected.
    const script = `
      require('tsx/cjs');
      const { Readable } = require('node:stream');
      const { readSharedBody } = require(${JSON.stringify(path.resolve(__dirname, '../../../src/http/shared-body.ts'))});
      const size = 8 * 1024 * 1024;
      const req = Object.assign(Readable.from([Buffer.alloc(size, 1)], { objectMode: false }), {
        headers: { 'content-length': String(size) },
      });
      globalThis.keptRequest = req;
      readSharedBody(req, size).then(async (body) => {
        const ref = new WeakRef(body.buffer);
        body = undefined;
        await new Promise((resolve) => setTimeout(resolve, 10));
        global.gc();
        console.log(JSON.stringify({ collected: ref.deref() === undefined }));
      });
    `;
    const child = spawnSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' });
    assert.equal(child.status, 0, child.stderr);
    assert.deepEqual(JSON.parse(child.stdout), { collected: true });
  });
});
