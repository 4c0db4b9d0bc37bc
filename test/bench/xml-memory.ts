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
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { JsonObject } from '../../src/model/types';
import { serializeEpcisXml } from '../../src/formats/xml';
import { epcisDocument, EXAMPLE_NS, objectEvent, range } from '../support/event-factory';
import { getTestMongo, uniqueDbName } from '../support/mongo-server';
import { stopSharedMongoServer } from '../support/mongo-server-registry';
import { serverModules, startNodeFlags } from './server-build';

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

interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** Resolves at the next log line whose `msg` is this one. */
  nextLog: (msg: string) => Promise<void>;
}

async function startServer(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const entry = path.join(__dirname, 'memory-server.ts');
  // BENCH_SERVER_FLAGS: more node options for the server (e.g. --trace-gc, to see the heap at each collection).
  const flags = (process.env['BENCH_SERVER_FLAGS'] ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...startNodeFlags(), '--expose-gc', ...flags, '--import', 'tsx', entry], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const waiting = new Map<string, (() => void)[]>();
  let listening: (port: number) => void = () => undefined;
  const port = new Promise<number>((resolve, reject) => {
    listening = resolve;
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    let entry: JsonObject;
    try {
      entry = JSON.parse(line) as JsonObject;
    } catch {
      if (process.env['BENCH_SERVER_LOG']) console.log(`server: ${line.slice(0, 300)}`);
      return;
    }
    const msg = String(entry['msg']);
    if (process.env['BENCH_SERVER_LOG']) console.log(`server: ${line.slice(0, 300)}`);
    if (msg === 'listening') listening(Number(entry['port']));
    if (entry['level'] !== undefined && Number(entry['level']) >= 50) console.error(`server: ${line.slice(0, 400)}`);
    for (const resolve of waiting.get(msg)?.splice(0) ?? []) resolve();
  });
  const nextLog = (msg: string) =>
    new Promise<void>((resolve) => waiting.set(msg, [...(waiting.get(msg) ?? []), resolve]));
  return { child, port: await port, nextLog };
}

function send(port: number, method: string, url: string, body?: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: url,
        headers: body ? { 'Content-Type': 'application/xml', 'Content-Length': body.length } : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            text: res.statusCode === 202 ? String(res.headers.location) : Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface CaptureRun {
  seconds: number;
  /** The server's peak RSS up to its 202 (receiving, parsing and XSD-validating the document). */
  peakAtAccepted: number;
}

/** Captures `body` on the server `pid` and polls its job until it ends. */
async function capture(port: number, pid: number, body: Buffer): Promise<CaptureRun> {
  const started = performance.now();
  const posted = await send(port, 'POST', '/capture', body);
  if (posted.status !== 202) throw new Error(`capture answered ${posted.status}: ${posted.text.slice(0, 500)}`);
  const peakAtAccepted = procStatus(pid, 'VmHWM');
  for (;;) {
    const job = JSON.parse((await send(port, 'GET', posted.text)).text) as JsonObject;
    if (job['running'] === false) {
      if (job['success'] !== true) throw new Error(`capture failed: ${JSON.stringify(job['errors']).slice(0, 500)}`);
      return { seconds: (performance.now() - started) / 1000, peakAtAccepted };
    }
    if (performance.now() - started > JOB_TIMEOUT_MS) throw new Error('the capture job did not end in time');
    await sleep(POLL_MS);
  }
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
    await capture(server.port, pid, warmUp);
    const idle = await gcAndRss(server);
    writeFileSync(`/proc/${pid}/clear_refs`, '5'); // resets VmHWM to the current RSS
    const run = await capture(server.port, pid, document);
    const peak = procStatus(pid, 'VmHWM');
    const retained = await gcAndRss(server);
    return { idle, peak, retained, ...run };
  } finally {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
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
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    BENCH_SERVER_MAIN: measured.mainFile,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    EPCIS_CAPTURE_MAX_EVENTS: '10000000',
    EPCIS_CAPTURE_MAX_BYTES: String(1024 * MiB),
  };
  delete base['MONGODB_URI'];
  delete base['NODE_OPTIONS'];
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
