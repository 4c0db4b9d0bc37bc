/**
 * MongoDB server errors the adapter interprets: duplicate keys (E11000) during staging, and `MaxTimeMSExpired`
 * (code 50) on reads, which becomes QueryTooComplexException (SECURITY-AND-PERFORMANCE-NOTES 1.2.14).
 */
import { EpcisError, resourceExists } from '../../errors/epcis-errors';

export const DUPLICATE_KEY = 11000;
export const MAX_TIME_MS_EXPIRED = 50;

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

export function isDuplicateKey(error: unknown): boolean {
  return codeOf(error) === DUPLICATE_KEY;
}

/**
 * The batch indices that failed with a duplicate key in an unordered insertMany, or null when the error is
 * anything else (then it must propagate).
 */
export function duplicateKeyIndices(error: unknown): number[] | null {
  if (typeof error !== 'object' || error === null) return null;
  const raw = (error as { writeErrors?: unknown }).writeErrors;
  if (raw === undefined) return null;
  const writeErrors = (Array.isArray(raw) ? raw : [raw]) as { index?: unknown; code?: unknown }[];
  if (writeErrors.length === 0) return null;
  const indices: number[] = [];
  for (const writeError of writeErrors) {
    if (writeError.code !== DUPLICATE_KEY || typeof writeError.index !== 'number') return null;
    indices.push(writeError.index);
  }
  return indices;
}

/** Maps a read error: a `maxTimeMS` timeout becomes QueryTooComplexException, anything else is rethrown as is. */
export function mapReadError(error: unknown): never {
  if (codeOf(error) === MAX_TIME_MS_EXPIRED) {
    throw new EpcisError(
      'QueryTooComplexException',
      'The query did not complete within the time budget of the server; narrow it down (fewer values, a time range).',
    );
  }
  throw error;
}

/** Runs a read (retrying transient failures) and maps its timeout. */
export async function read<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await retrying(work);
  } catch (error) {
    return mapReadError(error);
  }
}

/** A duplicate captureID on job creation is a client-visible conflict, not a server failure. */
export function mapJobInsertError(error: unknown, captureID: string): never {
  if (isDuplicateKey(error)) throw resourceExists(`A capture job with id ${captureID} already exists`);
  throw error;
}

/**
 * Transient server errors worth retrying: MongoDB labels them (`RetryableWriteError`, `TransientTransactionError`;
 * the driver already retries once), and FerretDB's SQLite backend answers `database is locked (SQLITE_BUSY)` under
 * concurrent writes (measured: 10 concurrent 500-event captures). Every write of this adapter is idempotent or
 * recognises its own earlier effect (a staged event of the same capture counts as stored), so retrying is safe.
 */
export function isTransient(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const labelled = error as { hasErrorLabel?: (label: string) => boolean; message?: unknown };
  if (labelled.hasErrorLabel?.('RetryableWriteError') || labelled.hasErrorLabel?.('TransientTransactionError')) {
    return true;
  }
  return typeof labelled.message === 'string' && /SQLITE_BUSY|database is locked/.test(labelled.message);
}

const MAX_ATTEMPTS = 10;

/** Runs a server operation, retrying transient failures with jittered exponential backoff (about 3 s in all). */
export async function retrying<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isTransient(error)) throw error;
      const delay = Math.min(500, 5 * 2 ** attempt) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
