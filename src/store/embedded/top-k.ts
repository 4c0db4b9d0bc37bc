/**
 * The first `k` items of a list in a total order, without sorting the whole list: a bounded max-heap holds the
 * best `k` seen so far, so a page of 30 out of thousands of matches costs about one comparison per match.
 * The order must be total (no two items equal), as (time, `_id`) is, so that the result is unique.
 */
export function firstK<T>(items: readonly T[], k: number, compare: (a: T, b: T) => number): T[] {
  if (k <= 0) return [];
  if (items.length <= k) return [...items].sort(compare);
  const heap: T[] = [];
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      siftUp(heap, heap.length - 1, compare);
    } else if (compare(item, heap[0]!) < 0) {
      heap[0] = item;
      siftDown(heap, compare);
    }
  }
  return heap.sort(compare);
}

/** Max-heap: a parent is after (greater than) its children. */
function siftUp<T>(heap: T[], at: number, compare: (a: T, b: T) => number): void {
  const item = heap[at]!;
  while (at > 0) {
    const parent = (at - 1) >>> 1;
    if (compare(heap[parent]!, item) >= 0) break;
    heap[at] = heap[parent]!;
    at = parent;
  }
  heap[at] = item;
}

function siftDown<T>(heap: T[], compare: (a: T, b: T) => number): void {
  const item = heap[0]!;
  let at = 0;
  for (;;) {
    let child = 2 * at + 1;
    if (child >= heap.length) break;
    if (child + 1 < heap.length && compare(heap[child + 1]!, heap[child]!) > 0) child += 1;
    if (compare(heap[child]!, item) <= 0) break;
    heap[at] = heap[child]!;
    at = child;
  }
  heap[at] = item;
}
