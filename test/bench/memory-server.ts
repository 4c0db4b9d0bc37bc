/**
 * The server whose memory `npm run bench:capture -- --xml-memory` measures: the real entry point (src/main.ts,
 * configured by the environment), plus one hook for the benchmark: SIGUSR2 runs a full garbage collection (the
 * process must be started with --expose-gc) and answers with a `gc done` log line on stdout.
 */
process.on('SIGUSR2', () => {
  global.gc?.();
  process.stdout.write(`${JSON.stringify({ msg: 'gc done', gc: typeof global.gc === 'function' })}\n`);
});

// The entry point starts the server when loaded.
import '../../src/main';
