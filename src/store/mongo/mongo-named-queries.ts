/**
 * Named queries in MongoDB (EPCIS 2.0 REST binding, `POST /queries`; DESIGN.md: named queries live in MongoDB so
 * that instances stay stateless): collection `queries`, one document per name (`_id`). The query body and the
 * prefix table are kept as JSON text, since their keys may hold `.` or a leading `$`.
 */
import { resourceExists } from '../../errors/epcis-errors';
import type { JsonObject } from '../../model/types';
import type { NamedQueryRecord } from '../event-store';
import type { MongoContext, NamedQueryDocument } from './mongo-context';
import { isDuplicateKey, read } from './mongo-errors';

const toRecord = (doc: NamedQueryDocument): NamedQueryRecord => ({
  name: doc._id,
  query: JSON.parse(doc.queryJson) as JsonObject,
  namespaces: JSON.parse(doc.namespacesJson) as Record<string, string>,
  createdAt: doc.createdAt,
  owner: doc.owner,
});

export async function createNamedQuery(ctx: MongoContext, record: NamedQueryRecord): Promise<void> {
  try {
    await ctx.queries.insertOne({
      _id: record.name,
      queryJson: JSON.stringify(record.query),
      namespacesJson: JSON.stringify(record.namespaces),
      createdAt: record.createdAt,
      owner: record.owner,
    });
  } catch (error) {
    if (isDuplicateKey(error)) throw resourceExists(`A named query called ${record.name} already exists.`);
    throw error;
  }
}

export async function getNamedQuery(ctx: MongoContext, name: string): Promise<NamedQueryRecord | null> {
  const doc = await read(() => ctx.queries.findOne({ _id: name }, { maxTimeMS: ctx.maxTimeMS }));
  return doc ? toRecord(doc) : null;
}

export async function listNamedQueries(
  ctx: MongoContext,
  options: { after?: string; limit: number },
): Promise<NamedQueryRecord[]> {
  if (options.limit <= 0) return [];
  const filter = options.after === undefined ? {} : { _id: { $gt: options.after } };
  const docs = await read(() =>
    ctx.queries.find(filter, { maxTimeMS: ctx.maxTimeMS }).sort({ _id: 1 }).limit(options.limit).toArray(),
  );
  return docs.map(toRecord);
}

export async function deleteNamedQuery(ctx: MongoContext, name: string): Promise<boolean> {
  const result = await ctx.queries.deleteOne({ _id: name });
  return result.deletedCount === 1;
}
