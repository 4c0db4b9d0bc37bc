/**
 * The server that `npm run bench:capture` measures (its throughput, and its memory with `--xml-memory`, through
 * server-process.ts): the real entry point (the production
 * build's main.js named by BENCH_SERVER_MAIN, else src/main.ts; configured by the environment), plus one hook for
 * the benchmark: SIGUSR2 runs a full garbage collection (the process must be started with --expose-gc) and answers
 * with a `gc done` log line on stdout.
 */
import { createRequire } from 'node:module';

process.on('SIGUSR2', () => {
  global.gc?.();
  process.stdout.write(`${JSON.stringify({ msg: 'gc done', gc: typeof global.gc === 'function' })}\n`);
});

// The entry point starts the server when loaded: the production build's (BENCH_SERVER_MAIN, server-build.ts), or the
// sources'.
createRequire(__filename)(process.env['BENCH_SERVER_MAIN'] ?? '../../src/main');
