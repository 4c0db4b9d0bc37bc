/**
 * Batches XSD validations. Every xmllint run starts a worker, instantiates libxml2 (its wasm module is compiled once
 * per process, xmllint-run.ts) and parses the schemas: about 100 ms on the development machine whatever the document
 * size (240 ms when each run compiled the module), so documents that arrive while a run is
 * going are validated together in the next run, one file each (XsdValidator.validateMany). A lone request waits
 * for nothing; under load, many small XML captures (POST /events) share one start-up cost.
 *
 * One malformed document makes xmllint fail the whole run with a message that is not tied to a file and line:
 * when a batch of several documents reports such an error, each of its documents is validated again on its own,
 * so a client's document is never judged by another client's.
 */
import type { XmlSource, XsdValidationError } from './xsd-validator';

/** `D`: what a document is (the validator takes text or bytes; only its `length` matters here). */
export type BatchValidation<D extends XmlSource = XmlSource> = (docs: D[]) => Promise<XsdValidationError[][]>;

interface Pending<D> {
  xml: D;
  resolve: (errors: XsdValidationError[]) => void;
  reject: (error: unknown) => void;
}

export interface XsdBatcherOptions {
  /** Runs at the same time (default 2). */
  maxConcurrent?: number;
  /** Characters of XML per run at most (default 32 Mi); a larger document runs alone. */
  maxBatchChars?: number;
}

export class XsdBatcher<D extends XmlSource = XmlSource> {
  private readonly queue: Pending<D>[] = [];
  private running = 0;
  private readonly maxConcurrent: number;
  private readonly maxBatchChars: number;

  constructor(
    private readonly run: BatchValidation<D>,
    options: XsdBatcherOptions = {},
  ) {
    this.maxConcurrent = options.maxConcurrent ?? 2;
    this.maxBatchChars = options.maxBatchChars ?? 32 * 1024 * 1024;
  }

  validate(xml: D): Promise<XsdValidationError[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ xml, resolve, reject });
      this.start();
    });
  }

  private start(): void {
    while (this.running < this.maxConcurrent && this.queue.length > 0) {
      const batch = this.take();
      this.running += 1;
      void this.runBatch(batch).finally(() => {
        this.running -= 1;
        this.start();
      });
    }
  }

  private take(): Pending<D>[] {
    const batch = [this.queue.shift()!];
    let chars = batch[0]!.xml.length;
    while (this.queue.length > 0 && chars + this.queue[0]!.xml.length <= this.maxBatchChars) {
      const next = this.queue.shift()!;
      chars += next.xml.length;
      batch.push(next);
    }
    return batch;
  }

  private async runBatch(batch: Pending<D>[]): Promise<void> {
    try {
      let results = await this.run(batch.map((item) => item.xml));
      if (batch.length > 1 && results.some((errors) => errors.some((error) => error.line === null)))
        results = await Promise.all(batch.map(async (item) => (await this.run([item.xml]))[0]!));
      batch.forEach((item, i) => item.resolve(results[i]!));
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  }
}
