/**
 * The append-only journal file of the embedded store. Every append is written and fsync'd (fdatasync) before it
 * resolves, so a capture job reports success only once its record is durable (DESIGN.md "Embedded store").
 * At open, a torn last record (crash during an append) is dropped and the file truncated to the last good record.
 */
import { constants } from 'node:fs';
import { type FileHandle, mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { lockDataDir } from './data-dir-lock';
import { parseJournal, writeFrame } from './journal-codec';

export const JOURNAL_FILE = 'epcis-journal.log';

export interface JournalLogger {
  warn(message: string): void;
}

export class JournalFile {
  private handle: FileHandle | null = null;
  private unlock: (() => void) | null = null;
  private size = 0;
  /** Set when an append failed and the file could not be restored: no further write is safe. */
  private broken: Error | null = null;

  constructor(
    readonly file: string,
    private readonly logger: JournalLogger,
  ) {}

  static inDirectory(dataDir: string, logger: JournalLogger): JournalFile {
    return new JournalFile(path.join(path.resolve(dataDir), JOURNAL_FILE), logger);
  }

  /** Opens (creating the directory and file if missing) and returns every durable record, in order. */
  async open(): Promise<unknown[]> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const unlock = lockDataDir(path.dirname(this.file));
    try {
      const records = await this.load();
      this.unlock = unlock;
      return records;
    } catch (error) {
      unlock();
      throw error;
    }
  }

  private async load(): Promise<unknown[]> {
    let content: Buffer;
    try {
      content = await readFile(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      content = Buffer.alloc(0);
    }
    const { records, validLength } = parseJournal(content);
    // Read-write without O_APPEND: a record is written at explicit offsets from the end, its header last (writeFrame).
    const handle = await open(this.file, constants.O_RDWR | constants.O_CREAT);
    try {
      if (validLength < content.length) {
        this.logger.warn(
          `${this.file}: dropped a torn or corrupt record at its end (bytes ${validLength}..${content.length}); ` +
            'it was never acknowledged, every earlier record is intact',
        );
        await handle.truncate(validLength);
        await handle.sync();
      }
      if (content.length === 0) await syncDirectory(path.dirname(this.file));
    } catch (error) {
      await handle.close();
      throw error;
    }
    this.handle = handle;
    this.size = validLength;
    return records;
  }

  /** Appends one record and makes it durable. On failure the file is cut back to its previous length. */
  async append(record: unknown): Promise<void> {
    if (this.broken) throw this.broken;
    const handle = this.handle;
    if (!handle) throw new Error('journal used before open() or after close()');
    const start = this.size;
    try {
      const length = await writeFrame(record, (bytes, offset) => writeFully(handle, bytes, start + offset));
      await handle.datasync();
      this.size = start + length;
    } catch (error) {
      try {
        await handle.truncate(this.size);
        await handle.sync();
      } catch (cause) {
        this.broken = new Error(`${this.file}: an append failed and the journal could not be restored`, { cause });
      }
      throw error;
    }
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    if (handle) await handle.close();
    this.unlock?.();
    this.unlock = null;
  }
}

/** Writes all of `bytes` at `position` (a write may take fewer bytes than it was given). */
async function writeFully(handle: FileHandle, bytes: Buffer, position: number): Promise<void> {
  for (let done = 0; done < bytes.length;) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done);
    if (bytesWritten === 0) throw new Error('journal: the file took no bytes');
    done += bytesWritten;
  }
}

/** Makes a newly created file's directory entry durable (best effort: not every platform can fsync a directory). */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Directories cannot be opened for fsync on some platforms (e.g. Windows); the file itself is still synced.
  }
}
