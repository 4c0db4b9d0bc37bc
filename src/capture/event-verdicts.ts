/**
 * The verdicts of one capture's events as the event-check worker sends them (event-check-pool.ts): the capture
 * service asks for event i's problems once they are known, and validates the event itself whenever the worker
 * cannot answer (it failed or stopped, the document it parsed has another number of events, the job was cancelled).
 */
import type { ProblemBody } from '../model/types';
import type { DocumentParsed, EventsChecked } from './event-check-protocol';

/**
 * How long a capture waits for the worker's next message (ms). The worker checks a 20 MiB document's events in well
 * under a second, so this only ends a wait for a worker that is stuck or buried under other captures' documents.
 */
export const VERDICT_PATIENCE_MS = 30_000;

/** The answer for a valid event (frozen: callers may only read it). */
const NO_PROBLEMS: ProblemBody[] = Object.freeze([]) as unknown as ProblemBody[];

export class EventVerdicts {
  /** Events before this index have their verdicts. */
  private through = 0;
  private readonly invalid = new Map<number, ProblemBody[]>();
  /** The event counts found by the worker and by the capture service: the verdicts are used only if they agree. */
  private workerCount: number | undefined;
  private captureCount: number | undefined;
  private unusableReason: string | undefined;
  private cancelled = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly onCancel: () => void = () => undefined,
    /** A capture waits this long at most for the worker's next message; then it validates its events itself. */
    private readonly patienceMs = VERDICT_PATIENCE_MS,
  ) {}

  /** Why the worker gave no verdict for some events, when it failed them (not when the capture cancelled them). */
  get fallbackReason(): string | undefined {
    return this.cancelled ? undefined : this.unusableReason;
  }

  /** The capture service's event count (documentParts of its own parse of the same bytes). */
  expect(count: number): void {
    this.captureCount = count;
    this.compareCounts();
  }

  /** Whether every verdict has arrived (or none ever will). */
  get settled(): boolean {
    return this.unusableReason !== undefined || (this.workerCount !== undefined && this.through >= this.workerCount);
  }

  /**
   * A promise to wait on before asking for `index`'s problems, or undefined when its verdict is known or will never
   * come. The promise resolves at the next message of the worker: ask again then.
   */
  pending(index: number): Promise<void> | undefined {
    if (!this.usable() || index < this.through) return undefined;
    return new Promise((resolve) => {
      const previous = this.wake;
      const timer = setTimeout(() => this.giveUp(), this.patienceMs);
      this.wake = () => {
        clearTimeout(timer);
        previous?.();
        resolve();
      };
    });
  }

  /** Problems of event `index` ([] when valid), or undefined when the worker gives no verdict: validate it here. */
  problemsOf(index: number): ProblemBody[] | undefined {
    if (!this.usable() || index >= this.through) return undefined;
    return this.invalid.get(index) ?? NO_PROBLEMS;
  }

  /** The capture no longer needs verdicts (refused, cancelled, or done). */
  cancel(): void {
    if (this.settled) return;
    this.cancelled = true;
    this.fail('cancelled');
    this.onCancel();
  }

  /** From the worker: the document holds `message.events` events. */
  parsed(message: DocumentParsed): void {
    this.workerCount = message.events;
    this.compareCounts();
    this.notify();
  }

  /** From the worker: the next verdicts, in document order. */
  checked(message: EventsChecked): void {
    if (this.unusableReason !== undefined) return;
    for (const [index, problems] of message.invalid) this.invalid.set(index, problems);
    this.through = message.through;
    this.notify();
  }

  /** No more verdicts will come: every event not yet validated here is validated by the capture service. */
  fail(reason: string): void {
    if (this.unusableReason !== undefined) return;
    this.unusableReason = reason;
    this.invalid.clear();
    this.notify();
  }

  /** Verdicts count only for the events the capture service counted too (`expect`), and until a failure. */
  private usable(): boolean {
    return this.unusableReason === undefined && this.captureCount !== undefined;
  }

  /** The worker has said nothing for too long (busy with others' large documents, or stuck): its job is dropped. */
  private giveUp(): void {
    if (this.settled) return;
    this.fail(`no message from the worker for ${this.patienceMs} ms`);
    this.onCancel();
  }

  private compareCounts(): void {
    if (this.workerCount !== undefined && this.captureCount !== undefined && this.workerCount !== this.captureCount)
      this.fail(`the worker found ${this.workerCount} events, the capture ${this.captureCount}`);
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
