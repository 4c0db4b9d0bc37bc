/**
 * The production build, as `npm start` runs it (`tsc -p tsconfig.build.json`, then `node dist/src/main.js`): the
 * compiled server starts and captures XML, whose schema validation needs the xmllint worker, a plain JavaScript file
 * that the build must emit beside its host (src/formats/xml/xmllint-run.ts). The tests elsewhere run the sources under
 * tsx, where the worker sits next to its host anyway.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startChildServer, stopGracefully, type ChildServer } from '../../support/child-server';
import { buildProductionInto } from '../../support/production-build';
import { misorderedXml, validXml } from '../../support/xml-samples';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the production build (npm start)', function () {
  this.timeout(240_000);
  let dir = '';
  let server: ChildServer | undefined;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'epcis-build-'));
    const outDir = buildProductionInto(dir);
    server = await startChildServer({ EPCIS_DATA_DIR: path.join(dir, 'data') }, 60_000, {
      args: [path.join(outDir, 'src', 'main.js')],
      cwd: dir,
    });
  });

  after(async () => {
    if (server) await stopGracefully(server);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('emits the xmllint worker beside its host', () => {
    assert.ok(existsSync(path.join(dir, 'dist', 'src', 'formats', 'xml', 'xmllint-run.js')));
    assert.ok(existsSync(path.join(dir, 'dist', 'src', 'formats', 'xml', 'xmllint-worker.js')));
  });

  it('captures an XML document checked against the XSDs, and refuses one the XSDs refuse', async () => {
    const post = (body: string) =>
      fetch(`${server!.baseUrl}/capture`, { method: 'POST', headers: { 'Content-Type': 'application/xml' }, body });
    const accepted = await post(validXml(1));
    assert.equal(accepted.status, 202, await accepted.clone().text());
    const location = accepted.headers.get('location')!;
    let job: { running?: boolean; success?: boolean; storedEventCount?: number } = { running: true };
    for (let polls = 0; job.running !== false && polls < 200; polls += 1) {
      await sleep(50);
      job = (await (await fetch(`${server!.baseUrl}${location}`)).json()) as typeof job;
    }
    assert.deepEqual([job.success, job.storedEventCount], [true, 1]);
    const refused = await post(misorderedXml(2));
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /not valid against the EPCIS XML schema/);
  });
});
