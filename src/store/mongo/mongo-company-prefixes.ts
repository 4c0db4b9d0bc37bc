/**
 * Learned GS1 Company Prefix lengths in MongoDB (issue 5; GS1-EPC-Format: Always_EPC_URN, EPCIS-DIGEST §a):
 * collection `companyPrefixes`, one document per prefix (`_id` = the digits, `length`), shared by every instance
 * on the database so that a restart or another instance renders the same event the same way.
 */
import type { MongoContext } from './mongo-context';
import { duplicateKeyIndices, isDuplicateKey, read, retrying } from './mongo-errors';

export async function saveCompanyPrefixes(
  ctx: MongoContext,
  entries: ReadonlyArray<readonly [string, number]>,
): Promise<void> {
  if (entries.length === 0) return;
  const operations = entries.map(([prefix, length]) => ({
    updateOne: { filter: { _id: prefix }, update: { $set: { length } }, upsert: true },
  }));
  const write = () => retrying(() => ctx.companyPrefixes.bulkWrite(operations, { ordered: false }));
  try {
    await write();
  } catch (error) {
    // Two instances upserting the same new prefix at once: one insert loses with a duplicate key. The document
    // exists now, so the second attempt updates it.
    if (!isDuplicateKey(error) && duplicateKeyIndices(error) === null) throw error;
    await write();
  }
}

export async function loadCompanyPrefixes(ctx: MongoContext): Promise<Array<[string, number]>> {
  const docs = await read(() => ctx.companyPrefixes.find({}, { maxTimeMS: ctx.maxTimeMS }).sort({ _id: 1 }).toArray());
  return docs.flatMap((doc): Array<[string, number]> =>
    typeof doc._id === 'string' && typeof doc.length === 'number' ? [[doc._id, doc.length]] : [],
  );
}
