/**
 * Sharing the event loop during long synchronous work (validating and preparing the events of a large capture):
 * the work gives the loop a turn once it has run for `sliceMs`, so the server keeps answering other clients, and the
 * 202 of the capture goes out before its events are processed.
 */
export class TurnBudget {
  private sliceStart = performance.now();
  private calls = 0;

  constructor(
    private readonly sliceMs = 10,
    /** The clock is read once every `checkEvery` calls. */
    private readonly checkEvery = 32,
  ) {}

  /** Whether the current slice is used up. */
  spent(): boolean {
    this.calls += 1;
    if (this.calls % this.checkEvery !== 0) return false;
    return performance.now() - this.sliceStart >= this.sliceMs;
  }

  /** Gives the event loop a turn (I/O callbacks included), then starts a new slice. */
  async yield(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.sliceStart = performance.now();
  }
}
