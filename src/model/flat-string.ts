/**
 * The concatenation of `parts` as one flat string. V8 keeps `a + b` (or a template literal) of 13 characters or more
 * as a pair of pointers to its parts (a cons string); writing the event (the embedded journal's JSON.stringify,
 * MongoDB's BSON serializer) then flattens it, allocating a flat copy beside the pair in the old generation, which
 * only a full collection reclaims. Strings that stored events keep for good (identity keys, composite query values,
 * index terms) are therefore built flat once: `join` allocates exactly the flat result.
 */
export const flatConcat = (...parts: string[]): string => parts.join('');
