/**
 * `npm run bench:capture-embedded`: JSON capture over HTTP into the embedded store only (no MongoDB needed), measured
 * as `bench:capture` measures it (from the POST until the polled job says finished), plus the process CPU time per
 * event, which the load of other processes on a shared machine disturbs far less than the wall time.
 * Prints figures; asserts nothing about timings. BENCH_EVENTS (10,000) events per document, BENCH_ROUNDS (5) rounds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultConfig } from '../../src/config/config';
import { createApp } from '../../src/http/app';
import { createLogger } from '../../src/logging/logger';
import type { JsonObject } from '../../src/model/types';
import { composeApp } from '../../src/server/compose';
import { openStore } from '../../src/store/open-store';
import { aggregationEvent, epcisDocument, objectEvent, range } from '../support/event-factory';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 10_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const POLL_MS = 20; // as bench:capture

interface Round {
  /** Events per second of wall time. */
  wall: number;
  /** Microseconds of process CPU time (every thread) per event. */
  cpuMicros: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function captureRound(body: string, count: number): Promise<Round> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'epcis-bench-'));
  const store = await openStore({ dataDir });
  const config = defaultConfig({
    logLevel: 'silent',
    capture: { maxEvents: 1_000_000, maxBytes: 512 * 1024 * 1024, maxDepth: 64, xmlSchemaValidation: true },
  });
  const app = createApp(composeApp(config, store, createLogger('silent')));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const response = await fetch(`${base}/capture`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/ld+json' },
      body,
    });
    if (response.status !== 202) throw new Error(`capture answered ${response.status}: ${await response.text()}`);
    const location = response.headers.get('location')!;
    for (;;) {
      const job = (await (await fetch(`${base}${location}`)).json()) as JsonObject;
      if (job['running'] === false) {
        if (job['success'] !== true) throw new Error(`capture failed: ${JSON.stringify(job['errors']).slice(0, 500)}`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const seconds = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    return { wall: count / seconds, cpuMicros: (used.user + used.system) / count };
  } finally {
    server.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`embedded JSON capture: ${EVENTS} events per document, ${ROUNDS} rounds; node ${process.version}`);
  for (const [label, make] of [
    ['ObjectEvent', objectEvent],
    ['AggregationEvent', aggregationEvent],
  ] as const) {
    const rounds: Round[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const body = JSON.stringify(epcisDocument(range(round * EVENTS, EVENTS).map((i) => make(i))));
      rounds.push(await captureRound(body, EVENTS));
    }
    const walls = rounds.map((r) => r.wall);
    const cpus = rounds.map((r) => r.cpuMicros);
    console.log(
      `  ${label.padEnd(17)} median ${Math.round(median(walls))} events/s (rounds: ${walls.map(Math.round).join(', ')}); ` +
        `CPU ${median(cpus).toFixed(1)} us/event median, ${Math.min(...cpus).toFixed(1)} best`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
