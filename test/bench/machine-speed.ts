/**
 * How fast one core of the machine runs right now, for reading a benchmark's figures: on a shared machine the same
 * code runs several times as fast at one moment as a few minutes later (this reading ranged from 31k to 164k within
 * one run of bench:capture). It is a rough guide only: it measures one core, and a capture also uses the other (the
 * event-check worker, the collector's threads), so a round's figure does not always follow it. JSON.stringify +
 * SHA-256 of an ObjectEvent, per CPU-second; event-hash.ts prints the same kind of reference point for its own events.
 */
import { createHash } from 'node:crypto';
import { objectEvent, range } from '../support/event-factory';

const events = range(0, 1000).map((i) => objectEvent(i));
let sink = 0;

/** Events per CPU-second of JSON.stringify + SHA-256: the median of five windows of 2,000 events. */
export function machineSpeed(): number {
  const windows: number[] = [];
  for (let w = 0; w < 5; w++) {
    const start = process.cpuUsage();
    for (let r = 0; r < 2; r++)
      for (const event of events) sink += createHash('sha256').update(JSON.stringify(event)).digest('hex').length;
    const used = process.cpuUsage(start);
    windows.push((2 * events.length) / ((used.user + used.system) / 1e6));
  }
  if (sink === 0) throw new Error('unreachable');
  return [...windows].sort((a, b) => a - b)[2]!;
}

/** `machineSpeed()` for a log line: "123k". */
export const speedText = (speed: number): string => `${Math.round(speed / 1000)}k`;
