/**
 * The event-check worker (src/capture/event-check-pool.ts) in a real worker thread: its verdicts are exactly the
 * capture service's own validator's, on the GS1 examples and on invalid events of every kind; and whatever goes
 * wrong (unparsable bytes, a different event count, a cancelled job, a lost worker), a capture gets no verdict it
 * should not trust, and the worker goes on serving the next ones.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { documentParts } from '../../../src/capture/document-parts';
import { EventCheckPool } from '../../../src/capture/event-check-pool';
import type { EventVerdicts } from '../../../src/capture/event-verdicts';
import type { JsonObject, JsonValue, ProblemBody } from '../../../src/model/types';
import { createEpcisValidator } from '../../../src/validation';
import { aggregationEvent, epcisDocument, objectEvent, range } from '../../support/event-factory';
import { gs1JsonExamples, sharedGs1Available } from '../../support/gs1-examples';

const validator = createEpcisValidator();
const bytesOf = (document: JsonValue) => Buffer.from(JSON.stringify(document));

/** What the capture service's own validator says of each event of `document`, as the server parses it. */
function expectedVerdicts(document: JsonObject): ProblemBody[][] {
  const { events, eventListPointer } = documentParts(JSON.parse(JSON.stringify(document)) as JsonObject);
  return events.map((event, index) =>
    validator.validateEvent(event, { index, pointer: `${eventListPointer}/${index}` }, { standalone: false }),
  );
}

/** Every verdict, waited for as the capture service waits; undefined where the worker gives none. */
async function collect(verdicts: EventVerdicts, count: number): Promise<(ProblemBody[] | undefined)[]> {
  verdicts.expect(count);
  const out: (ProblemBody[] | undefined)[] = [];
  for (let index = 0; index < count; index += 1) {
    for (let wait = verdicts.pending(index); wait; wait = verdicts.pending(index)) await wait;
    out.push(verdicts.problemsOf(index));
  }
  return out;
}

/** Invalid events of many kinds (schema, business rules, identifiers, shapes), between valid ones. */
function mixedEvents(): JsonValue[] {
  const deep: JsonObject = {};
  let cursor = deep;
  for (let level = 0; level < 80; level += 1) cursor = (cursor['example:n'] = {}) as JsonObject;
  return [
    objectEvent(1),
    objectEvent(2, { action: 'SHIP' }),
    objectEvent(3, { eventTime: 'yesterday' }),
    aggregationEvent(4),
    { ...aggregationEvent(5), parentID: null },
    objectEvent(6, { epcList: ['urn:epc:id:sgtin:0614141.107346'] }),
    objectEvent(7, { ilmd: { 'example:lot': 'L1' } }),
    'not an event',
    { type: 42 },
    { eventTime: '2024-01-01T00:00:00Z' },
    objectEvent(8, { 'example:deep': deep }),
    objectEvent(9, { type: 'https://ns.example.com/CustomEvent' }),
    objectEvent(10, { readPoint: { id: 'not a uri' } }),
    objectEvent(11),
  ];
}

describe('the event-check worker', function () {
  this.timeout(60_000);
  let pool: EventCheckPool;
  before(async () => {
    pool = new EventCheckPool();
    await pool.whenReady();
  });
  after(() => pool.close());

  it('takes no job before its schema is compiled, and starts itself on that first request', async () => {
    const cold = new EventCheckPool();
    try {
      assert.equal(cold.start(bytesOf(epcisDocument([objectEvent(1)]))), undefined);
      await cold.whenReady();
      assert.ok(cold.start(bytesOf(epcisDocument([objectEvent(1)]))));
    } finally {
      await cold.close();
    }
  });

  it('gives exactly the capture validator’s verdicts on invalid events of many kinds', async () => {
    const document = epcisDocument(mixedEvents() as JsonObject[]); // some are not objects, as a client may send
    const expected = expectedVerdicts(document);
    assert.ok(expected.filter((problems) => problems.length > 0).length >= 9, 'the document has invalid events');
    assert.deepEqual(await collect(pool.start(bytesOf(document))!, expected.length), expected);
    assert.equal(pool.activeJobs, 0, 'a job ends with its last verdict');
  });

  it('gives the same verdicts over several chunks, for an EPCISQueryDocument too', async () => {
    const events = range(0, 700).map((i) => (i % 97 === 5 ? objectEvent(i, { action: 'SHIP' }) : objectEvent(i)));
    const document = epcisDocument(events);
    const query: JsonObject = {
      '@context': document['@context']!,
      type: 'EPCISQueryDocument',
      schemaVersion: '2.0',
      creationDate: '2024-01-01T00:00:00Z',
      epcisBody: { queryResults: { queryName: 'SimpleEventQuery', resultsBody: { eventList: events } } },
    };
    for (const doc of [document, query]) {
      const expected = expectedVerdicts(doc);
      assert.equal(expected.length, 700);
      assert.deepEqual(await collect(pool.start(bytesOf(doc))!, 700), expected);
    }
  });

  it('gives exactly the capture validator’s verdicts on every GS1 full-context example', async function () {
    if (!sharedGs1Available()) {
      console.log('    skipped: the GS1 examples are not beside the checkout (CI has them)');
      this.skip();
    }
    const examples = gs1JsonExamples().filter((example) => !example.standalone);
    assert.equal(examples.length, 47);
    for (const { name, value } of examples) {
      const expected = expectedVerdicts(value);
      assert.deepEqual(await collect(pool.start(bytesOf(value))!, expected.length), expected, name);
    }
  });

  it('reads the body as the server does: a leading BOM is dropped', async () => {
    const document = epcisDocument([objectEvent(1), objectEvent(2, { action: 'SHIP' })]);
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytesOf(document)]);
    assert.deepEqual(await collect(pool.start(bytes)!, 2), expectedVerdicts(document));
  });

  it('gives no verdict for bytes that are not a JSON object, and says why', async () => {
    for (const [bytes, reason] of [
      [Buffer.from('{"type": "EPCISDocument",'), /not parsed/],
      [Buffer.from([0x7b, 0xff, 0x7d]), /not parsed/],
      [Buffer.from('[1, 2]'), /not a JSON object/],
    ] as const) {
      const verdicts = pool.start(bytes)!;
      assert.deepEqual(await collect(verdicts, 1), [undefined]);
      assert.match(String(verdicts.fallbackReason), reason);
    }
  });

  it('gives no verdict when the capture counted other events than the worker', async () => {
    const verdicts = pool.start(bytesOf(epcisDocument([objectEvent(1), objectEvent(2)])))!;
    assert.deepEqual(await collect(verdicts, 3), [undefined, undefined, undefined]);
    assert.match(String(verdicts.fallbackReason), /2 events, the capture 3/);
  });

  it('drops a cancelled job and goes on with the next one', async () => {
    const large = bytesOf(epcisDocument(range(0, 3000).map((i) => objectEvent(i))));
    const cancelled = pool.start(large)!;
    const next = epcisDocument([objectEvent(1, { action: 'SHIP' })]);
    const following = pool.start(bytesOf(next))!;
    cancelled.expect(3000);
    cancelled.cancel();
    assert.equal(cancelled.problemsOf(0), undefined);
    assert.equal(cancelled.fallbackReason, undefined, 'a cancellation is no failure');
    assert.deepEqual(await collect(following, 1), expectedVerdicts(next));
    assert.equal(pool.activeJobs, 0);
  });

  it('a worker that fails to start is not started again for a while; captures validate their events themselves', async () => {
    const broken = new EventCheckPool({ workerModule: path.join(__dirname, 'no-such-module.js') });
    try {
      await assert.rejects(broken.whenReady(), /did not start/);
      assert.equal(broken.start(bytesOf(epcisDocument([objectEvent(1)]))), undefined);
      await assert.rejects(broken.whenReady(), /did not start/, 'no second worker before RESTART_DELAY_MS');
    } finally {
      await broken.close();
    }
  });

  it('when the worker is lost, its captures get no more verdicts, and the next use starts another worker', async () => {
    const lost = new EventCheckPool();
    try {
      await lost.whenReady();
      const verdicts = lost.start(bytesOf(epcisDocument(range(0, 3000).map((i) => objectEvent(i)))))!;
      verdicts.expect(3000);
      await lost.close();
      assert.equal(verdicts.problemsOf(2999), undefined);
      assert.equal(verdicts.pending(2999), undefined);
      assert.match(String(verdicts.fallbackReason), /closed/);
      assert.equal(lost.isReady, false);
      await lost.whenReady();
      const document = epcisDocument([objectEvent(1), objectEvent(2, { action: 'SHIP' })]);
      assert.deepEqual(await collect(lost.start(bytesOf(document))!, 2), expectedVerdicts(document));
    } finally {
      await lost.close();
    }
  });
});

describe('the event-check worker and the life of the process', function () {
  this.timeout(60_000);
  it('never keeps the process alive: a process that has used it ends when its own work is done', () => {
    const pool = path.join(__dirname, '../../../src/capture/event-check-pool.ts');
    const script = `
      const { EventCheckPool } = require(${JSON.stringify(pool)});
      const pool = new EventCheckPool();
      pool.whenReady().then(async () => {
        const body = Buffer.from(JSON.stringify(${JSON.stringify(epcisDocument([objectEvent(1)]))}));
        const verdicts = pool.start(body);
        verdicts.expect(1);
        for (let wait = verdicts.pending(0); wait; wait = verdicts.pending(0)) await wait;
        console.log(JSON.stringify(verdicts.problemsOf(0)));
      });`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(child.signal, null, 'the process did not end by itself within 30 s');
    assert.equal(child.status, 0, child.stderr);
    assert.equal(child.stdout.trim(), '[]', 'the worker gave its verdict before the process ended');
  });
});
