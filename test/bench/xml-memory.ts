/**
 * `npm run bench:capture -- --xml-memory <MB>` (issue 3: peak RSS of a 50 MB XML capture, target <= 4x the
 * document): the SERVER's memory, measured on a server running in its own process (test/bench/memory-server.ts:
 * the server's entry point from the production build, server-build.ts, configured by the environment), so that the
 * client's copies of the document (its string, the request buffer) are not counted. For each store:
 *   1. start the server, capture a small XML document (warm-up: code compiled, xmllint-wasm and the schemas
 *      loaded once, the store's indexes created), run a full GC and read the idle RSS (VmRSS);
 *   2. reset the peak (`echo 5 > /proc/<pid>/clear_refs`), send the large document, poll the job until it ends;
 *   3. read the peak RSS since the reset (VmHWM), then run a full GC and read what the server keeps (VmRSS).
 * Figures: (peak - idle) / document size; also the peak up to the 202 (receipt, parse, XSD validation, and the
 * capture service's validation and preparation of every event, which run before it answers), and what the server
 * keeps after a full GC. The RSS covers the whole process, worker threads included (the XSD validator runs in
 * one). Linux only (/proc). Environment: BENCH_XML_MONGO_MB, BENCH_XML_STORES, BENCH_XML_TIMEOUT_S,
 * BENCH_SERVER_FLAGS (node options for the server, e.g. --trace-gc), BENCH_SERVER_LOG (print its log).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serializeEpcisXml } from '../../src/formats/xml';
import { epcisDocument, EXAMPLE_NS, objectEvent, range } from '../support/event-factory';
import { getTestMongo, uniqueDbName } from '../support/mongo-server';
import { stopSharedMongoServer } from '../support/mongo-server-registry';
import { serverModules, startNodeFlags } from './server-build';
import { type ServerProcess, captureOn, serverEnvironment, startServer, stopServer } from './server-process';

const MiB = 1024 * 1024;
const POLL_MS = 250;
const WARM_UP_EVENTS = 200;
/** Longest wait for one capture job before the run gives up on that store. */
const JOB_TIMEOUT_MS = Number(process.env['BENCH_XML_TIMEOUT_S'] ?? 900) * 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const asXml = (count: number, from = 0): Buffer =>
  Buffer.from(
    serializeEpcisXml(
      epcisDocument(range(from, count).map((i) => objectEvent(i))),
      { example: EXAMPLE_NS },
      { cbvFormat: 'Always_URN' },
    ),
  );

/** Events needed for a document of about `megabytes` MiB. */
function eventsFor(megabytes: number): number {
  const one = asXml(1).length;
  const two = asXml(2).length;
  return Math.ceil((megabytes * MiB) / (two - one));
}

/** VmRSS, VmHWM, ... of a process, in bytes. */
function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}

interface CaptureRun {
  seconds: number;
  /** The server's peak RSS up to its 202 (receiving, parsing and XSD-validating the document). */
  peakAtAccepted: number;
}

/** Captures `body` on the server and polls its job until it ends. */
async function capture(server: ServerProcess, body: Buffer): Promise<CaptureRun> {
  let peakAtAccepted = 0;
  const { seconds } = await captureOn(server, body, {
    contentType: 'application/xml',
    pollMs: POLL_MS,
    timeoutMs: JOB_TIMEOUT_MS,
    accepted: () => (peakAtAccepted = procStatus(server.child.pid!, 'VmHWM')),
  });
  return { seconds, peakAtAccepted };
}

async function gcAndRss(server: ServerProcess): Promise<number> {
  const done = server.nextLog('gc done');
  server.child.kill('SIGUSR2');
  await done;
  await sleep(300);
  return procStatus(server.child.pid!, 'VmRSS');
}

interface MemoryFigures extends CaptureRun {
  idle: number;
  peak: number;
  retained: number;
}

async function measure(env: NodeJS.ProcessEnv, warmUp: Buffer, document: Buffer): Promise<MemoryFigures> {
  const server = await startServer(env);
  const pid = server.child.pid!;
  try {
    await capture(server, warmUp);
    const idle = await gcAndRss(server);
    writeFileSync(`/proc/${pid}/clear_refs`, '5'); // resets VmHWM to the current RSS
    const run = await capture(server, document);
    const peak = procStatus(pid, 'VmHWM');
    const retained = await gcAndRss(server);
    return { idle, peak, retained, ...run };
  } finally {
    await stopServer(server);
  }
}

function report(store: string, size: number, count: number, f: MemoryFigures): void {
  const mib = (bytes: number) => `${Math.round(bytes / MiB)} MiB`;
  console.log(
    `  ${store}: ${(size / MiB).toFixed(1)} MiB XML (${count} events) captured in ${f.seconds.toFixed(1)} s; ` +
      `server RSS idle ${mib(f.idle)}, peak ${mib(f.peak)}, after GC ${mib(f.retained)}: ` +
      `peak growth ${((f.peak - f.idle) / size).toFixed(2)}x the document (up to the 202: ` +
      `${((f.peakAtAccepted - f.idle) / size).toFixed(2)}x), kept ${((f.retained - f.idle) / size).toFixed(2)}x`,
  );
}

/**
 * Both stores (`BENCH_XML_STORES=embedded` or `=mongodb` for one); MongoDB with `BENCH_XML_MONGO_MB` MiB (default: the
 * same size as the embedded store).
 */
export async function xmlMemory(megabytes: number): Promise<void> {
  const mongoMegabytes = Number(process.env['BENCH_XML_MONGO_MB'] ?? megabytes);
  const stores = (process.env['BENCH_XML_STORES'] ?? 'embedded,mongodb').split(',');
  const warmUp = asXml(WARM_UP_EVENTS, 10_000_000);
  const measured = serverModules();
  const base = serverEnvironment();
  console.log(
    `XML capture memory, measured on the server process (${measured.description}; node ${process.version} ` +
      `${startNodeFlags().join(' ')}, as npm start) after a warm-up ` +
      `capture of ${WARM_UP_EVENTS} events (one-time compilation and loading are not counted as per-document cost):`,
  );
  if (stores.includes('embedded')) await onEmbedded(base, warmUp, megabytes);
  if (stores.includes('mongodb')) await onMongo(base, warmUp, mongoMegabytes);
}

async function onEmbedded(base: NodeJS.ProcessEnv, warmUp: Buffer, megabytes: number): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'epcis-bench-mem-'));
  try {
    const count = eventsFor(megabytes);
    const document = asXml(count);
    report('embedded', document.length, count, await measure({ ...base, EPCIS_DATA_DIR: dataDir }, warmUp, document));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function onMongo(base: NodeJS.ProcessEnv, warmUp: Buffer, megabytes: number): Promise<void> {
  const mongo = await getTestMongo();
  try {
    const count = eventsFor(megabytes);
    const document = asXml(count);
    const env = {
      ...base,
      MONGODB_URI: mongo.uri,
      MONGODB_DATABASE: uniqueDbName('bench_mem'),
      EPCIS_DATA_DIR: tmpdir(),
    };
    report('MongoDB', document.length, count, await measure(env, warmUp, document));
  } finally {
    await stopSharedMongoServer();
  }
}
