/**
 * The server code the capture benchmarks measure: the production build, as `npm start` runs it (`tsc -p
 * tsconfig.build.json`, JavaScript run by node), compiled once per benchmark run into a temporary directory beside
 * links to node_modules and schemas. The sources run under tsx are slower than what production runs: tsx compiles
 * with esbuild's keepNames, which adds a `__name(...)` call for every named function or closure created, and the
 * capture creates some per event. `BENCH_SOURCES=1` measures the sources under tsx instead.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as AppModule from '../../src/http/app';
import type * as ComposeModule from '../../src/server/compose';
import type * as ConfigModule from '../../src/config/config';
import type * as LoggerModule from '../../src/logging/logger';
import type * as OpenStoreModule from '../../src/store/open-store';
import { buildProductionInto } from '../support/production-build';

const ROOT = path.resolve(__dirname, '..', '..');
/** Loads a module by path at run time (which code is measured is decided then). */
const load = createRequire(__filename);

export interface ServerModules {
  /** What was measured, for the report. */
  description: string;
  app: typeof AppModule;
  compose: typeof ComposeModule;
  config: typeof ConfigModule;
  logger: typeof LoggerModule;
  openStore: typeof OpenStoreModule;
  /** The server's entry point (a file node runs). */
  mainFile: string;
}

let loaded: ServerModules | undefined;

/** The modules below `srcDir` (the sources, or the build's `src`). */
function modulesIn(srcDir: string, description: string, mainFile: string): ServerModules {
  const at = (module: string) => load(path.join(srcDir, module)) as unknown;
  return {
    description,
    app: at('http/app') as ServerModules['app'],
    compose: at('server/compose') as ServerModules['compose'],
    config: at('config/config') as ServerModules['config'],
    logger: at('logging/logger') as ServerModules['logger'],
    openStore: at('store/open-store') as ServerModules['openStore'],
    mainFile: path.join(srcDir, mainFile),
  };
}

function fromSources(): ServerModules {
  return modulesIn(path.join(ROOT, 'src'), 'the TypeScript sources under tsx (BENCH_SOURCES=1)', 'main.ts');
}

function fromBuild(): ServerModules {
  const dir = mkdtempSync(path.join(tmpdir(), 'epcis-bench-build-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const outDir = buildProductionInto(dir, 'inherit');
  return modulesIn(
    path.join(outDir, 'src'),
    'the production build (tsc -p tsconfig.build.json, as npm start runs it)',
    'main.js',
  );
}

/** The server modules to measure (built once per process). */
export function serverModules(): ServerModules {
  loaded ??= process.env['BENCH_SOURCES'] === '1' ? fromSources() : fromBuild();
  return loaded;
}

/**
 * The node options `npm start` runs the server with (package.json `scripts.start`: the `--` options between `node` and
 * the entry point), so that a server the benchmarks start runs as production runs it.
 */
export function startNodeFlags(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = manifest.scripts.start.trim().split(/\s+/);
  if (words[0] !== 'node') throw new Error(`package.json scripts.start does not run node: ${manifest.scripts.start}`);
  return words.slice(1).filter((word) => word.startsWith('--'));
}

/** For the report of an in-process benchmark: whether it runs with the node options of `npm start`. */
export function nodeFlagsNote(): string {
  const flags = startNodeFlags();
  const missing = flags.filter((flag) => !process.execArgv.includes(flag));
  return missing.length === 0
    ? `node options as npm start (${flags.join(' ') || 'none'})`
    : `WITHOUT npm start's node options ${missing.join(' ')} (run it through its npm script)`;
}
