/**
 * GS1 Company Prefix lengths learned from captured EPC URNs, kept in the store (issue 5; GS1-EPC-Format:
 * Always_EPC_URN, EPCIS-DIGEST §a). Rendering a GS1 Digital Link as an EPC URN needs the prefix length; without
 * persistence a restart, or another instance on the same MongoDB, would render the same event differently.
 *
 * - Start-up: `load()` reads every stored entry into the table (configured prefixes still win over learned ones).
 * - Learning: each entry the table learns is queued; `flush()` writes the queue (only new entries). Captures await
 *   it before answering; a write failure is logged and the entries are retried with the next flush, never
 *   failing the capture. Entries learned while rendering are flushed on their own, shortly after.
 * - Several instances: a lookup miss starts a background reload (at most one per `refreshAfterMissMs`), so an
 *   entry another instance learned is used from the next request on; the request that missed is answered with
 *   what was known (rendering is synchronous).
 */
import type { CompanyPrefixEntry, CompanyPrefixTable } from '../identifiers';
import { createCompanyPrefixTable } from '../identifiers';
import type { EventStore } from '../store/event-store';
import type { LogSink } from './ports';

export interface CompanyPrefixMemoryDeps {
  store: Pick<EventStore, 'saveCompanyPrefixes' | 'loadCompanyPrefixes'>;
  logger: Pick<LogSink, 'warn'>;
  /** Configured entries (EPCIS_COMPANY_PREFIXES): they win over learned ones. */
  configured?: Iterable<CompanyPrefixEntry>;
  /** Least time between two reloads started by lookup misses (default 5000 ms; 0 = on every miss). */
  refreshAfterMissMs?: number;
  now?: () => number;
}

const DEFAULT_REFRESH_AFTER_MISS_MS = 5000;

export class CompanyPrefixMemory {
  readonly table: CompanyPrefixTable;
  private readonly pending = new Map<string, number>();
  private writing: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  private loaded: Promise<void> | null = null;
  private refreshing: Promise<number> | null = null;
  private lastRefreshAt = -Infinity;
  private readonly refreshAfterMissMs: number;
  private readonly now: () => number;

  constructor(private readonly deps: CompanyPrefixMemoryDeps) {
    this.refreshAfterMissMs = deps.refreshAfterMissMs ?? DEFAULT_REFRESH_AFTER_MISS_MS;
    this.now = deps.now ?? Date.now;
    this.table = createCompanyPrefixTable(deps.configured ?? [], {
      onLearned: (prefix, length) => this.remember(prefix, length),
      onMiss: () => this.refreshAfterMiss(),
    });
  }

  /** Reads the stored entries into the table, once (later calls return the same promise). Never rejects. */
  load(): Promise<void> {
    this.loaded ??= this.refresh().then(() => undefined);
    return this.loaded;
  }

  /** Reads the stored entries into the table; resolves with how many were new to it. Never rejects. */
  refresh(): Promise<number> {
    if (this.refreshing) return this.refreshing;
    this.lastRefreshAt = this.now();
    const run = (async () => {
      let added = 0;
      try {
        for (const [prefix, length] of await this.deps.store.loadCompanyPrefixes()) {
          try {
            if (this.table.learn(prefix, length)) added += 1;
          } catch (error) {
            this.deps.logger.warn({ prefix, length, err: error }, 'ignoring a bad stored company prefix entry');
          }
        }
      } catch (error) {
        this.deps.logger.warn({ err: error }, 'could not read the learned company prefixes');
      }
      return added;
    })();
    this.refreshing = run;
    void run.then(() => {
      if (this.refreshing === run) this.refreshing = null;
    });
    return run;
  }

  /** Writes every learned entry not written yet; resolves once they are (or the failure is logged). Never rejects. */
  flush(): Promise<void> {
    if (this.pending.size === 0) return this.writing;
    const batch = [...this.pending];
    this.pending.clear();
    this.writing = this.writing.then(async () => {
      try {
        await this.deps.store.saveCompanyPrefixes(batch);
      } catch (error) {
        this.deps.logger.warn(
          { err: error, prefixes: batch.map(([prefix]) => prefix) },
          'could not store learned company prefixes; retrying with the next capture',
        );
        for (const [prefix, length] of batch) if (!this.pending.has(prefix)) this.pending.set(prefix, length);
      }
    });
    return this.writing;
  }

  /** Writes what is queued and waits for any reload in flight (for shutdown and tests). Never rejects. */
  async settled(): Promise<void> {
    await Promise.all([this.flush(), this.refreshing]);
  }

  private remember(prefix: string, length: number): void {
    this.pending.set(prefix, length);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    queueMicrotask(() => {
      this.flushScheduled = false;
      void this.flush();
    });
  }

  private refreshAfterMiss(): void {
    if (this.refreshing || this.now() - this.lastRefreshAt < this.refreshAfterMissMs) return;
    void this.refresh();
  }
}
