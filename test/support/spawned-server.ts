/**
 * Starts a MongoDB wire-protocol server binary (mongod or FerretDB) as a child process on a free local port, waits
 * until it answers `ping`, and returns how to stop it (the process and its temporary data directory).
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { MongoClient } from 'mongodb';

export interface SpawnedServer {
  uri: string;
  stop: () => Promise<void>;
}

export interface SpawnSpec {
  name: string;
  bin: string;
  /** A temporary directory owned by the server, removed when it stops. */
  dir: string;
  args: (port: number) => string[];
}

const READY_TIMEOUT_MS = 30_000;

export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export function executableOnPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startChildServer(spec: SpawnSpec): Promise<SpawnedServer> {
  const port = await freePort();
  const uri = `mongodb://127.0.0.1:${port}`;
  const child = spawn(spec.bin, spec.args(port), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
  });
  // A test process that ends without the root hook (e.g. killed by mocha --exit) must not leave the server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exitedPromise;
      clearTimeout(timer);
    }
    rmSync(spec.dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`${spec.name} (${spec.bin}) exited before answering ping: ${stderr.trim()}`);
    }
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 500, connectTimeoutMS: 500 });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return { uri, stop };
    } catch (error) {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`${spec.name} did not answer ping within ${READY_TIMEOUT_MS} ms: ${stderr}`, { cause: error });
      }
    } finally {
      await client.close().catch(() => undefined);
    }
    await sleep(100);
  }
}
