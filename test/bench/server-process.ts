/**
 * A server in its own process, as the benchmarks drive it: the real entry point (test/bench/memory-server.ts: the
 * production build's main.js, server-build.ts, configured by the environment) run with npm start's node options, so
 * that what is measured is what a deployed server does: one store, its own heap, and none of the client's work (its
 * copies of the document, its other stores). Linux only for the memory figures (/proc).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { JsonObject } from '../../src/model/types';
import { serverModules, startNodeFlags } from './server-build';

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** Resolves at the next log line whose `msg` is this one. */
  nextLog: (msg: string) => Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The environment of a measured server: the production build, any free port on the loopback interface, capture
 * limits out of the way, no MongoDB unless the caller names one.
 */
export function serverEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BENCH_SERVER_MAIN: serverModules().mainFile,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    EPCIS_CAPTURE_MAX_EVENTS: '10000000',
    EPCIS_CAPTURE_MAX_BYTES: String(1024 * 1024 * 1024),
  };
  delete env['MONGODB_URI'];
  delete env['NODE_OPTIONS'];
  return env;
}

/**
 * Starts a server and resolves once it listens. BENCH_SERVER_FLAGS: more node options for it (e.g. --trace-gc);
 * BENCH_SERVER_LOG: print its log.
 */
export async function startServer(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const entry = path.join(__dirname, 'memory-server.ts');
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
    if (process.env['BENCH_SERVER_LOG']) console.log(`server: ${line.slice(0, 300)}`);
    let entry: JsonObject;
    try {
      entry = JSON.parse(line) as JsonObject;
    } catch {
      return;
    }
    const msg = String(entry['msg']);
    if (msg === 'listening') listening(Number(entry['port']));
    if (entry['level'] !== undefined && Number(entry['level']) >= 50) console.error(`server: ${line.slice(0, 400)}`);
    for (const resolve of waiting.get(msg)?.splice(0) ?? []) resolve();
  });
  const nextLog = (msg: string) =>
    new Promise<void>((resolve) => waiting.set(msg, [...(waiting.get(msg) ?? []), resolve]));
  return { child, port: await port, nextLog };
}

/** Stops a server (SIGTERM: it finishes in-flight captures and closes its store) and waits for it to exit. */
export async function stopServer(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

/** One HTTP request; a 202's `text` is its Location. */
export function send(
  port: number,
  method: string,
  url: string,
  body?: Buffer,
  contentType = 'application/xml',
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: url,
        headers: body ? { 'Content-Type': contentType, 'Content-Length': body.length } : {},
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

export interface CaptureTiming {
  /** From the POST to the poll that found the job finished. */
  seconds: number;
}

/**
 * POSTs `body` to /capture and polls the job every `pollMs` until it ends (a failed job or one that takes longer
 * than `timeoutMs` throws). `accepted` runs at the 202, before the first poll.
 */
export async function captureOn(
  server: ServerProcess,
  body: Buffer,
  options: { contentType: string; pollMs: number; timeoutMs: number; accepted?: () => void },
): Promise<CaptureTiming> {
  const started = performance.now();
  const posted = await send(server.port, 'POST', '/capture', body, options.contentType);
  if (posted.status !== 202) throw new Error(`capture answered ${posted.status}: ${posted.text.slice(0, 500)}`);
  options.accepted?.();
  for (;;) {
    const job = JSON.parse((await send(server.port, 'GET', posted.text)).text) as JsonObject;
    if (job['running'] === false) {
      if (job['success'] !== true) throw new Error(`capture failed: ${JSON.stringify(job['errors']).slice(0, 500)}`);
      return { seconds: (performance.now() - started) / 1000 };
    }
    if (performance.now() - started > options.timeoutMs) throw new Error('the capture job did not end in time');
    await sleep(options.pollMs);
  }
}
