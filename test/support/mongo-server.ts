/**
 * The MongoDB wire-protocol server of the database tests (DESIGN.md "Tests"), resolved in this order:
 * `MONGODB_URI`; a `mongod` on PATH; a FerretDB binary (`FERRETDB_BIN`, `ferretdb` on PATH, the CI cache, or built
 * with Go by .ci/build-ferretdb.sh); `mongodb-memory-server` when installed. Otherwise the run fails saying how to
 * provide one: a test that silently skips the database is a defect. Started once per process, stopped by the
 * mocha root hook (root-hooks.ts) through mongo-server-registry.ts.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { registerSharedMongoServer } from './mongo-server-registry';
import { executableOnPath, isExecutable, startChildServer } from './spawned-server';

export interface TestMongo {
  uri: string;
  description: string;
}

const FERRETDB_VERSION = 'v1.24.2';
const REPO_ROOT = path.resolve(__dirname, '..', '..');
const execFileAsync = promisify(execFile);

let shared: Promise<TestMongo> | null = null;

/** The shared test server of this process (started on first use). */
export function getTestMongo(): Promise<TestMongo> {
  shared ??= resolveServer().then((server) => {
    console.log(`MongoDB test server: ${server.description}`);
    return server;
  });
  return shared;
}

let dbCounter = 0;
/** A database name unique to this process and call (letters, digits and `_`, at most 63 characters). */
export function uniqueDbName(prefix: string): string {
  dbCounter += 1;
  const clean = prefix.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 30);
  return `${clean}_${process.pid}_${Date.now().toString(36)}_${dbCounter}`.slice(0, 63);
}

async function resolveServer(): Promise<TestMongo> {
  const fromEnv = process.env.MONGODB_URI;
  if (fromEnv) return { uri: fromEnv, description: `${redact(fromEnv)} (from MONGODB_URI)` };

  const mongod = executableOnPath('mongod');
  if (mongod) return startMongod(mongod);

  const ferretdb = await findFerretDb();
  if (ferretdb) return startFerretDb(ferretdb);

  const memory = await startMemoryServer();
  if (memory) return memory;

  throw new Error(
    'No MongoDB wire-protocol server for the database tests. Provide one of: MONGODB_URI=mongodb://host:port; ' +
      'a `mongod` on PATH; a FerretDB binary (FERRETDB_BIN=/path/to/ferretdb, or `ferretdb` on PATH); ' +
      'Go on PATH so that .ci/build-ferretdb.sh can build FerretDB; or `npm install mongodb-memory-server` ' +
      '(downloads a mongod, needs internet access).',
  );
}

async function startMongod(bin: string): Promise<TestMongo> {
  const dir = mkdtempSync(path.join(tmpdir(), 'epcis-mongod-'));
  const server = await startChildServer({
    name: 'mongod',
    bin,
    dir,
    args: (port) => ['--dbpath', dir, '--port', String(port), '--bind_ip', '127.0.0.1', '--quiet'],
  });
  registerSharedMongoServer(server.stop);
  return { uri: server.uri, description: `mongod (${bin}) at ${server.uri} (started by the tests)` };
}

async function startFerretDb(bin: string): Promise<TestMongo> {
  const dir = mkdtempSync(path.join(tmpdir(), 'epcis-ferretdb-'));
  const server = await startChildServer({
    name: 'FerretDB',
    bin,
    dir,
    args: (port) => [
      '--handler=sqlite',
      `--sqlite-url=file:${dir}/`,
      `--state-dir=${dir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--telemetry=disable',
      '--log-level=ERROR',
      // No debug/metrics HTTP listener: its fixed default port (8088) collides between parallel test runs.
      '--debug-addr=',
    ],
  });
  registerSharedMongoServer(server.stop);
  const version = await ferretDbVersion(bin);
  return {
    uri: server.uri,
    description: `FerretDB ${version} (SQLite backend) at ${server.uri} (started by the tests)`,
  };
}

async function findFerretDb(): Promise<string | null> {
  const fromEnv = process.env.FERRETDB_BIN;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`FERRETDB_BIN=${fromEnv} is not an executable file`);
    return fromEnv;
  }
  const onPath = executableOnPath('ferretdb');
  if (onPath) return onPath;
  const cacheRoot = process.env.EPCIS_TEST_CACHE ?? path.join(process.env.HOME ?? tmpdir(), '.cache', 'epcis-test');
  const cached = path.join(cacheRoot, `ferretdb-${FERRETDB_VERSION}`, 'ferretdb');
  if (isExecutable(cached)) return cached;
  if (!executableOnPath('go')) return null;
  console.log('MongoDB test server: building FerretDB with Go (.ci/build-ferretdb.sh), this takes a few minutes once');
  const script = path.join(REPO_ROOT, '.ci', 'build-ferretdb.sh');
  const { stdout } = await execFileAsync(script, [], { maxBuffer: 16 * 1024 * 1024 });
  const built = stdout.trim().split('\n').pop() ?? '';
  return isExecutable(built) ? built : null;
}

async function ferretDbVersion(bin: string): Promise<string> {
  try {
    const { stdout } = await execFileAsync(bin, ['--version']);
    return /version:\s*(\S+)/.exec(stdout)?.[1] ?? 'unknown version';
  } catch {
    return 'unknown version';
  }
}

/** `mongodb-memory-server` is optional: used only when it can be loaded. */
async function startMemoryServer(): Promise<TestMongo | null> {
  const moduleName = 'mongodb-memory-server';
  type Loaded = { MongoMemoryServer?: MemoryServerClass; default?: { MongoMemoryServer?: MemoryServerClass } };
  let loaded: Loaded;
  try {
    loaded = (await import(moduleName)) as Loaded;
  } catch {
    return null;
  }
  const MemoryServer = loaded.MongoMemoryServer ?? loaded.default?.MongoMemoryServer;
  if (!MemoryServer) return null;
  const server = await MemoryServer.create();
  registerSharedMongoServer(async () => {
    await server.stop();
  });
  const uri = server.getUri();
  return { uri, description: `mongodb-memory-server at ${uri} (started by the tests)` };
}

interface MemoryServerClass {
  create(): Promise<{ getUri(): string; stop(): Promise<unknown> }>;
}

/** The URI without its credentials, for messages. */
function redact(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@');
}
