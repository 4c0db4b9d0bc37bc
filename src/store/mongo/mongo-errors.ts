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

/** Runs a read and maps its timeout. */
export async function read<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    return mapReadError(error);
  }
}

/** A duplicate captureID on job creation is a client-visible conflict, not a server failure. */
export function mapJobInsertError(error: unknown, captureID: string): never {
  if (isDuplicateKey(error)) throw resourceExists(`A capture job with id ${captureID} already exists`);
  throw error;
}
