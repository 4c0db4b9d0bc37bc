/**
 * An unordered insert of many documents as MongoDB `insert` commands (the server's own batch write), each holding as
 * many documents as fit a byte budget well under the server's 16 MiB command limit.
 *
 * Why not `Collection.insertMany`: the driver (v7) serializes every document into a buffer of its own to size its
 * batches and keeps them all until the server answers; a capture's write batches (1,000 events of about 2.5 KB)
 * then left old-generation garbage behind faster than it was collected. Measured with test/bench/xml-memory.ts
 * (50.6 MiB of XML, MongoDB store, peak RSS growth in document sizes, alternating runs): insertMany 4.77x and 4.29x,
 * one command per batch 4.08x and 4.06x.
 */
import { BSON, type Collection, type Db, type Document, MongoServerError } from 'mongodb';
import { duplicateKeyIndices } from './mongo-errors';

/** Bytes of documents per command: far under the 16 MiB limit on a command document (and its overhead). */
export const COMMAND_BYTES = 8 * 1024 * 1024;

/**
 * Inserts `docs` (unordered) and returns the indices of those refused with a duplicate key; any other write error is
 * thrown. Undefined fields are left out, as the store's client does (`ignoreUndefined`).
 */
export async function insertUnordered<T extends Document>(
  db: Db,
  collection: Collection<T>,
  docs: readonly T[],
  budget = COMMAND_BYTES,
): Promise<number[]> {
  const clashes: number[] = [];
  for (let start = 0; start < docs.length;) {
    let end = start;
    let bytes = 0;
    while (end < docs.length) {
      const size = BSON.calculateObjectSize(docs[end]!, { ignoreUndefined: true });
      if (end > start && bytes + size > budget) break;
      bytes += size;
      end += 1;
    }
    for (const index of await insertCommand(db, collection, docs.slice(start, end))) clashes.push(start + index);
    start = end;
  }
  return clashes;
}

async function insertCommand<T extends Document>(db: Db, collection: Collection<T>, docs: T[]): Promise<number[]> {
  const command: Document = { insert: collection.collectionName, documents: docs, ordered: false };
  const concern = collection.writeConcern;
  if (concern)
    command['writeConcern'] = {
      ...(concern.w === undefined ? {} : { w: concern.w }),
      ...(concern.wtimeoutMS === undefined ? {} : { wtimeout: concern.wtimeoutMS }),
      ...(concern.journal === undefined ? {} : { j: concern.journal }),
    };
  const reply = await db.command(command, { ignoreUndefined: true });
  const writeConcernError = reply['writeConcernError'] as Document | undefined;
  if (writeConcernError)
    throw new MongoServerError({ ...writeConcernError, message: String(writeConcernError['errmsg']) });
  if (reply['writeErrors'] === undefined) return [];
  const duplicates = duplicateKeyIndices(reply);
  if (duplicates) return duplicates;
  const first = (reply['writeErrors'] as Document[]).find((e) => e['code'] !== 11000) ?? {};
  throw new MongoServerError({ ...first, message: String(first['errmsg'] ?? 'insert failed') });
}
