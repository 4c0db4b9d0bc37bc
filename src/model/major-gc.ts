/**
 * Asking V8 for an ASYNCHRONOUS major garbage collection (incremental marking and concurrent sweeping: no
 * stop-the-world pause for the other requests) where the server knows it has left much garbage in the old
 * generation, which V8 only collects once that generation reaches a limit it sets for itself. Only when the process
 * runs with `--expose-gc` (npm start does); without it nothing happens.
 * Callers: a large request body once read (http/body-release.ts), and the writes of a long MongoDB capture
 * (store/mongo/mongo-commit.ts).
 */

/** V8's `gc` extension (`--expose-gc`), with the options this module uses. */
export type GcFunction = (options: { type: 'major'; execution: 'async' }) => unknown;

export const exposedGc = (): GcFunction | undefined => {
  const gc = (globalThis as { gc?: unknown }).gc;
  return typeof gc === 'function' ? (gc as GcFunction) : undefined;
};

/** Asks for an asynchronous major collection; returns whether it could (`gc` available). */
export function requestMajorGc(gc: GcFunction | undefined = exposedGc()): boolean {
  if (gc === undefined) return false;
  void Promise.resolve(gc({ type: 'major', execution: 'async' })).catch(() => undefined);
  return true;
}

/**
 * Requests a collection at most once per `intervalMs` of a long piece of work (the first one `intervalMs` after
 * the pacer is made): `tick()` at each step of the work.
 */
export class GcPacer {
  private last: number;

  constructor(
    private readonly intervalMs: number,
    private readonly gc: GcFunction | undefined = exposedGc(),
    private readonly now: () => number = () => performance.now(),
  ) {
    this.last = now();
  }

  /** Requests a collection when `intervalMs` have passed since the last one; returns whether it did. */
  tick(): boolean {
    if (this.gc === undefined || this.now() - this.last < this.intervalMs) return false;
    this.last = this.now();
    return requestMajorGc(this.gc);
  }
}
