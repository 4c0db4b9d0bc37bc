/**
 * `npm run bench:capture-embedded`: JSON capture over HTTP into the embedded store only (no MongoDB needed), measured
 * as `bench:capture` measures it (from the POST until the polled job says finished), plus the process CPU time per
 * event (every thread), which the load of other processes on a shared machine disturbs far less than the wall time.
 * Also printed: events per second until an indexed query right after the capture has answered (the embedded store makes
 * its postings after the job has finished, and the query waits for them). Each round captures a document twice,
 * alternately: as the server does by default, and with the event-check worker
 * off (EPCIS_VALIDATION_WORKER_MIN_BYTES=off: every event validated on the main thread), the baseline of the ratio.
 * Prints figures; asserts nothing about timings. BENCH_EVENTS (10,000) events per document, BENCH_ROUNDS (5) rounds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { aggregationEvent, epcisDocument, objectEvent, range } from '../support/event-factory';
import { median, openMeasuredStore, timedCapture } from './http-capture';
import { nodeFlagsNote, serverModules } from './server-build';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 10_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);

interface Round {
  /** Events per second of wall time. */
  wall: number;
  /** Microseconds of process CPU time (every thread) per event. */
  cpuMicros: number;
  /** Events per second until an indexed query right after the capture has answered (http-capture.ts). */
  queried: number;
}

/** The server's default, and the baseline: no event-check worker. */
const SETTINGS = [
  { label: 'default', validationWorkerMinBytes: undefined },
  { label: 'no worker', validationWorkerMinBytes: null },
] as const;

async function captureRound(body: string, count: number, validationWorkerMinBytes: null | undefined): Promise<Round> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'epcis-bench-'));
  const store = await openMeasuredStore({ dataDir });
  try {
    const { seconds, cpuMicros, queriedSeconds } = await timedCapture(store, body, undefined, validationWorkerMinBytes);
    return { wall: count / seconds, cpuMicros: cpuMicros / count, queried: count / queriedSeconds };
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const measured = serverModules();
  console.log(`embedded JSON capture: ${EVENTS} events per document, ${ROUNDS} rounds; node ${process.version}`);
  console.log(`server code measured: ${measured.description}; ${nodeFlagsNote()}`);
  for (const [label, make] of [
    ['ObjectEvent', objectEvent],
    ['AggregationEvent', aggregationEvent],
  ] as const) {
    const rounds: Round[][] = SETTINGS.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      const body = JSON.stringify(epcisDocument(range(round * EVENTS, EVENTS).map((i) => make(i))));
      // Alternating the order from round to round spreads the machine's drift over both settings.
      const order = round % 2 === 0 ? [0, 1] : [1, 0];
      for (const s of order) rounds[s]!.push(await captureRound(body, EVENTS, SETTINGS[s]!.validationWorkerMinBytes));
    }
    const medians = rounds.map((r) => median(r.map((x) => x.wall)));
    SETTINGS.forEach((setting, s) => {
      const walls = rounds[s]!.map((r) => r.wall);
      const cpus = rounds[s]!.map((r) => r.cpuMicros);
      console.log(
        `  ${label.padEnd(17)} ${setting.label.padEnd(9)} median ${Math.round(medians[s]!)} events/s ` +
          `(rounds: ${walls.map(Math.round).join(', ')}); ` +
          `CPU ${median(cpus).toFixed(1)} us/event median, ${Math.min(...cpus).toFixed(1)} best; ` +
          `until an indexed query answers: median ${Math.round(median(rounds[s]!.map((r) => r.queried)))} events/s`,
      );
    });
    console.log(`  ${label.padEnd(17)} default / no worker: ${(medians[0]! / medians[1]!).toFixed(2)}x`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
