/**
 * Master data in MongoDB: one document per (type, id), merged on every capture (vocabulary-merge.ts) with an
 * optimistic version check, so concurrent captures (also on other instances) never lose each other's attributes.
 */
import type { Filter } from '../event-store';
import type { VocabularyElementRecord } from '../../model/types';
import { decodeVocabularyElement, mergeVocabularyElement, vocabularyKey } from '../vocabulary-merge';
import type { MongoContext, VocabularyDocument } from './mongo-context';
import { isDuplicateKey, read, retrying } from './mongo-errors';

function plain(doc: VocabularyDocument): VocabularyElementRecord {
  return { type: doc.type, id: doc.id, attributes: doc.attributes, children: doc.children };
}

/** Merges already-encoded elements into the stored ones. Idempotent, so a roll-forward may repeat it. */
export async function applyVocabulary(ctx: MongoContext, elements: VocabularyElementRecord[]): Promise<void> {
  for (const element of elements) {
    const _id = vocabularyKey(element);
    for (;;) {
      const existing = await retrying(() => ctx.vocabulary.findOne({ _id }));
      const merged = mergeVocabularyElement(existing ? plain(existing) : undefined, element);
      if (!existing) {
        try {
          await retrying(() => ctx.vocabulary.insertOne({ _id, ...merged, v: 1 }));
          break;
        } catch (error) {
          if (isDuplicateKey(error)) continue;
          throw error;
        }
      }
      const replaced = await retrying(() =>
        ctx.vocabulary.replaceOne({ _id, v: existing.v }, { ...merged, v: existing.v + 1 }),
      );
      if (replaced.matchedCount === 1) break;
    }
  }
}

export async function findVocabulary(ctx: MongoContext, filter: Filter): Promise<VocabularyElementRecord[]> {
  const docs = await read(() =>
    ctx.vocabulary
      .find({ $and: [filter] }, { maxTimeMS: ctx.maxTimeMS })
      .sort({ _id: 1 })
      .toArray(),
  );
  return docs.map((doc) => decodeVocabularyElement(plain(doc)));
}
