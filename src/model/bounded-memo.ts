/**
 * A memo of a pure function that never outgrows `bound` entries: when full it is cleared whole (cheap, and the
 * values a capture repeats, such as its extension keys or read points, refill it at once).
 */
export function remembered<K, V>(memo: Map<K, V>, key: K, bound: number, compute: (key: K) => V): V {
  const known = memo.get(key);
  if (known !== undefined) return known;
  const value = compute(key);
  if (memo.size >= bound) memo.clear();
  memo.set(key, value);
  return value;
}
