/**
 * A process-level mutual exclusion lock (FIFO). The stores hold it while they give a capture its recordTime and make
 * it visible, so that within one process visibility order follows recordTime order (EPCIS 2.0 §7.4.1 recordTime;
 * queries paging on recordTime and subscriptions rely on it).
 */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  async run<T>(work: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    try {
      return await work();
    } finally {
      release();
    }
  }
}

/** At most `limit` holders at a time (FIFO); `run` releases on completion or failure. */
export class Semaphore {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`Semaphore limit must be >= 1, got ${limit}`);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.queue.push(resolve));
    else this.active += 1;
    try {
      return await work();
    } finally {
      const next = this.queue.shift();
      if (next)
        next(); // the slot passes directly to the next waiter
      else this.active -= 1;
    }
  }
}

/** A clock that never goes backwards: each reading is at least the previous one (wall-clock steps are absorbed). */
export class MonotonicClock {
  private last = 0;

  now(): Date {
    this.last = Math.max(Date.now(), this.last);
    return new Date(this.last);
  }
}
