/**
 * The production build, as `npm start` runs it (`tsc -p tsconfig.build.json`, then `node dist/src/main.js`): the
 * compiled server starts and captures XML, whose schema validation needs the xmllint worker, a plain JavaScript file
 * that the build must emit beside its host (src/formats/xml/xmllint-run.ts). The tests elsewhere run the sources under
 * tsx, where the worker sits next to its host anyway. The same holds for the event-check worker's entry point
 * (src/capture/event-check-worker-entry.js), which loads the compiled event-check-worker.js.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startChildServer, stopGracefully, type ChildServer } from '../../support/child-server';
import { buildProductionInto } from '../../support/production-build';
import { epcisDocument, objectEvent } from '../../support/event-factory';
import { misorderedXml, validXml } from '../../support/xml-samples';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the production build (npm start)', function () {
  this.timeout(240_000);
  let dir = '';
  let server: ChildServer | undefined;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'epcis-build-'));
    const outDir = buildProductionInto(dir);
    server = await startChildServer(
      { EPCIS_DATA_DIR: path.join(dir, 'data'), EPCIS_VALIDATION_WORKER_MIN_BYTES: '0' },
      60_000,
      {
        args: [path.join(outDir, 'src', 'main.js')],
        cwd: dir,
      },
    );
  });

  async function finishedJob(location: string) {
    let job: { running?: boolean; success?: boolean; storedEventCount?: number } = { running: true };
    for (let polls = 0; job.running !== false && polls < 200; polls += 1) {
      await sleep(50);
      job = (await (await fetch(`${server!.baseUrl}${location}`)).json()) as typeof job;
    }
    return job;
  }

  after(async () => {
    if (server) await stopGracefully(server);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('emits the xmllint worker beside its host', () => {
    assert.ok(existsSync(path.join(dir, 'dist', 'src', 'formats', 'xml', 'xmllint-run.js')));
    assert.ok(existsSync(path.join(dir, 'dist', 'src', 'formats', 'xml', 'xmllint-worker.js')));
  });

  it('emits the event-check worker beside its host, and the worker validates JSON captures', async () => {
    assert.ok(existsSync(path.join(dir, 'dist', 'src', 'capture', 'event-check-worker-entry.js')));
    for (let waits = 0; !server!.output().includes('event-check worker ready') && waits < 400; waits += 1)
      await sleep(50);
    assert.match(server!.output(), /event-check worker ready/);
    const events = [objectEvent(901), objectEvent(902, { action: 'SHIP' }), objectEvent(903)];
    const accepted = await fetch(`${server!.baseUrl}/capture`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/ld+json', 'GS1-Capture-Error-Behaviour': 'proceed' },
      body: JSON.stringify(epcisDocument(events)),
    });
    assert.equal(accepted.status, 202, await accepted.clone().text());
    const job = await finishedJob(accepted.headers.get('location')!);
    assert.deepEqual([job.success, job.storedEventCount], [false, 2]);
    const finished = server!
      .output()
      .split('\n')
      .find((line) => line.includes('"capture finished"') && line.includes('"events":3'));
    assert.ok(finished, server!.output());
    assert.equal((JSON.parse(finished) as { workerVerdicts: number }).workerVerdicts, 3);
  });

  it('captures an XML document checked against the XSDs, and refuses one the XSDs refuse', async () => {
    const post = (body: string) =>
      fetch(`${server!.baseUrl}/capture`, { method: 'POST', headers: { 'Content-Type': 'application/xml' }, body });
    const accepted = await post(validXml(1));
    assert.equal(accepted.status, 202, await accepted.clone().text());
    const job = await finishedJob(accepted.headers.get('location')!);
    assert.deepEqual([job.success, job.storedEventCount], [true, 1]);
    const refused = await post(misorderedXml(2));
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /not valid against the EPCIS XML schema/);
  });
});
