/**
 * One xmllint run (libxml2 in WebAssembly) in a worker thread of our own (xmllint-worker.js), which validates the
 * documents where they are: a document in a SharedArrayBuffer is shared with the worker, and its in-memory file
 * system keeps a view of it (no copy at all); a string is encoded once into shared memory here, other bytes are
 * copied once into shared memory (xmllint-wasm's own validateXML posted the document, a copy, and its file system
 * copied it again).
 * The worker ends with the run, so its memory (the wasm instance and heap) goes back at once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

export interface XmllintFile {
  fileName: string;
  contents: string;
}

export interface XmllintDocument {
  fileName: string;
  /** UTF-8 text, or its bytes (best in a SharedArrayBuffer: then neither postMessage nor the worker copies it). */
  contents: string | Uint8Array;
}

export interface XmllintRun {
  documents: XmllintDocument[];
  /** Schema files (small): loaded into the worker's file system by name. */
  schemas: XmllintFile[];
  /** xmllint's command line, after the program name (file names as given above). */
  args: string[];
  /** WebAssembly pages (64 KiB) of the worker's wasm memory, at the start and at most. */
  initialMemoryPages?: number;
  maxMemoryPages: number;
}

export interface XmllintOutcome {
  /** xmllint's exit code (0 valid, 3 or 4 invalid; -1 when the wasm runtime aborted or failed to start). */
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Documents whose contents the worker's file system holds as a view of the shared memory it got (not a copy). */
  documentViews: number;
}

/** The worker script, next to this module: in src/ (tsx), and in dist/ (the build emits it, tsconfig.build.json). */
const WORKER_FILE = path.join(__dirname, 'xmllint-worker.js');

/** xmllint-wasm's default initial memory (16 MiB). */
const DEFAULT_INITIAL_PAGES = 256;

/** `text` as UTF-8 bytes in shared memory (one encoding, then shared with the worker). */
export function sharedUtf8(text: string): Uint8Array {
  const bytes = Buffer.from(new SharedArrayBuffer(Buffer.byteLength(text, 'utf8')));
  bytes.write(text, 'utf8');
  return bytes;
}

/**
 * The bytes the worker receives: bytes in a SharedArrayBuffer as they are (shared); other bytes copied once into
 * shared memory, which costs less than posting them (postMessage serializes a copy, the worker deserializes
 * another: measured 2.1x the document at the peak, against 1x for the shared copy).
 */
function sharedBytes(contents: string | Uint8Array): Uint8Array {
  if (typeof contents === 'string') return sharedUtf8(contents);
  if (contents.buffer instanceof SharedArrayBuffer)
    return new Uint8Array(contents.buffer, contents.byteOffset, contents.byteLength);
  const shared = new Uint8Array(new SharedArrayBuffer(contents.byteLength));
  shared.set(contents);
  return shared;
}

/**
 * libxml2's WebAssembly module, compiled once per process and shared with every worker (a compiled module crosses
 * threads without being compiled again, and the code V8 optimises while it runs serves every later run). Compiling
 * it in each worker cost 45-90 ms of every run, measured on documents of one event.
 */
let compiledXmllint: Promise<unknown> | undefined;

/** The WebAssembly API (the project's TypeScript libraries do not declare it): compile only. */
const wasm = (globalThis as unknown as { WebAssembly: { compile: (bytes: Uint8Array) => Promise<unknown> } })
  .WebAssembly;

function xmllintModule(): Promise<unknown> {
  const compiling = (compiledXmllint ??= wasm.compile(readFileSync(require.resolve('xmllint-wasm/xmllint.wasm'))));
  compiling.catch(() => (compiledXmllint = undefined)); // a failure is reported by this run, retried by the next
  return compiling;
}

/** Runs xmllint once in a new worker thread, which ends with the run. */
export async function runXmllint(run: XmllintRun): Promise<XmllintOutcome> {
  const wasmModule = await xmllintModule();
  const workerData = {
    wasmModule,
    documents: run.documents.map((doc) => ({ fileName: doc.fileName, contents: sharedBytes(doc.contents) })),
    schemas: run.schemas,
    args: run.args,
    initialMemoryPages: Math.min(run.initialMemoryPages ?? DEFAULT_INITIAL_PAGES, run.maxMemoryPages),
    maxMemoryPages: run.maxMemoryPages,
  };
  // execArgv: [] — the worker needs none of the parent's loaders (tsx) or flags: it starts faster without them.
  const worker = new Worker(WORKER_FILE, { workerData, execArgv: [] });
  return new Promise<XmllintOutcome>((resolve, reject) => {
    worker.once('message', (outcome: XmllintOutcome) => resolve(outcome));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The xmllint worker exited (${code}) before its answer.`)));
  }).finally(() => worker.terminate());
}
