import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RELEASE_BYTES, bodyBytes, releaseBody } from '../../../src/http/body-release';

describe('releasing a large request body (body-release.ts)', () => {
  it('asks for an asynchronous major collection for a large body, and only then', () => {
    const calls: unknown[] = [];
    const gc = (options: unknown) => {
      calls.push(options);
      return Promise.resolve();
    };
    assert.equal(releaseBody(RELEASE_BYTES - 1, gc), false);
    assert.equal(releaseBody(RELEASE_BYTES, undefined), false);
    assert.deepEqual(calls, []);
    assert.equal(releaseBody(RELEASE_BYTES, gc), true);
    assert.deepEqual(calls, [{ type: 'major', execution: 'async' }]);
  });

  it('measures Buffers and shared bodies, and nothing else', () => {
    assert.equal(bodyBytes(Buffer.alloc(10)), 10);
    assert.equal(bodyBytes(new Uint8Array(new SharedArrayBuffer(7))), 7);
    assert.equal(bodyBytes('text'), 0);
    assert.equal(bodyBytes(undefined), 0);
  });

  it('frees a shared body nothing refers to any more, under the node options of npm start', () => {
    const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
      scripts: { start: string };
    };
    const flags = manifest.scripts.start.split(/\s+/).filter((word) => word.startsWith('--'));
    assert.ok(flags.includes('--expose-gc'), `npm start runs node with --expose-gc: ${manifest.scripts.start}`);
    // A child with those options: a 64 MiB shared body, promoted to the old generation, then dropped.
    const script = `
      require('tsx/cjs');
      const { releaseBody } = require(${JSON.stringify(path.resolve(__dirname, '../../../src/http/body-release.ts'))});
      let body = new Uint8Array(new SharedArrayBuffer(64 * 1024 * 1024)).fill(1);
      const bytes = body.byteLength;
      for (let i = 0; i < 20; i++) { const garbage = []; for (let j = 0; j < 100000; j++) garbage.push({ j }); }
      const mib = () => Math.round(process.memoryUsage().arrayBuffers / 1048576);
      const held = mib();
      body = null;
      releaseBody(bytes);
      setTimeout(() => console.log(JSON.stringify({ held, after: mib() })), 500);
    `;
    const child = spawnSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' });
    assert.equal(child.status, 0, child.stderr);
    const { held, after } = JSON.parse(child.stdout) as { held: number; after: number };
    assert.ok(held >= 64, `${held} MiB held`);
    assert.ok(after < 16, `${after} MiB of array buffers left after the release`);
  });
});
