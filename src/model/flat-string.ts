/**
 * The concatenation of `parts` as one flat string. V8 keeps `a + b` (or a template literal) of 13 characters or more
 * as a pair of pointers to its parts (a cons string); writing the event (the embedded journal's JSON.stringify,
 * MongoDB's BSON serializer) then flattens it, allocating a flat copy beside the pair in the old generation, which
 * only a full collection reclaims. Strings that stored events keep for good (identity keys, composite query values,
 * index terms) are therefore built flat once.
 *
 * Two or three parts are concatenated and the result read once: reading a character flattens a cons string in place
 * (its flat copy is made now, in the young generation, and the collector then drops the pair). Measured on 100,000
 * identity keys: 83-123 ns each against 156-177 for `join`. More parts go through `join`, which allocates exactly the
 * flat result (a Digital Link of 7 parts: 546-566 ns against 593-790 concatenated).
 */
export function flatConcat(...parts: string[]): string {
  if (parts.length > 3) return parts.join('');
  let text = '';
  for (const part of parts) text += part;
  text.charCodeAt(0);
  return text;
}
