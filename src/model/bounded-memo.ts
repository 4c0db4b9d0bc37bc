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

/**
 * Interning with the same bound: the value equal to `value` remembered lately, else `copy(value)`, remembered under
 * itself, so that `value` (e.g. a view into a larger string) never stays reachable from the memo.
 */
export function interned<T>(memo: Map<T, T>, value: T, bound: number, copy: (value: T) => T): T {
  const known = memo.get(value);
  return known !== undefined ? known : remembered(memo, copy(value), bound, (kept) => kept);
}
