/**
 * A sorted list of small items (the embedded store's time indexes keep event numbers in it): a list of sorted
 * chunks, so that an insertion anywhere costs a binary search and a splice within one chunk rather than a shift
 * of the whole list, and positions ("ranks") are found by binary search. Items the comparator calls equal keep
 * their insertion order. Nothing is ever removed (the embedded store never deletes an event).
 */
const DEFAULT_CHUNK = 512;

export class ChunkedSortedList<T> {
  private readonly chunks: T[][] = [];
  /** starts[i] = number of items before chunk i; rebuilt lazily after an insertion. */
  private starts: number[] = [];
  private startsValid = true;
  private count = 0;

  constructor(
    private readonly compare: (a: T, b: T) => number,
    private readonly chunkSize = DEFAULT_CHUNK,
  ) {}

  get size(): number {
    return this.count;
  }

  /** Inserts after every item that compares equal (so equal items keep insertion order). */
  insert(item: T): void {
    this.count += 1;
    this.startsValid = false;
    const last = this.chunks[this.chunks.length - 1];
    if (last === undefined) {
      this.chunks.push([item]);
      return;
    }
    // Fast path: appending in order (recordTime grows with every capture).
    if (this.compare(last[last.length - 1]!, item) <= 0) {
      last.push(item);
      if (last.length > 2 * this.chunkSize) this.split(this.chunks.length - 1);
      return;
    }
    // The first chunk whose last item is after `item`: it exists, since the last chunk's last item is.
    let low = 0;
    let high = this.chunks.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const chunk = this.chunks[middle]!;
      if (this.compare(chunk[chunk.length - 1]!, item) <= 0) low = middle + 1;
      else high = middle;
    }
    const chunk = this.chunks[low]!;
    chunk.splice(
      firstIndex(chunk, (x) => this.compare(x, item) > 0),
      0,
      item,
    );
    if (chunk.length > 2 * this.chunkSize) this.split(low);
  }

  /**
   * The number of items for which `before` holds, given that they form a prefix of the list (a monotone
   * predicate: true, ..., true, false, ..., false). This is the rank of the first item where it fails.
   */
  rank(before: (item: T) => boolean): number {
    const starts = this.offsets();
    let low = 0;
    let high = this.chunks.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const chunk = this.chunks[middle]!;
      if (before(chunk[chunk.length - 1]!)) low = middle + 1;
      else high = middle;
    }
    const chunk = this.chunks[low];
    if (chunk === undefined) return this.count;
    return starts[low]! + firstIndex(chunk, (x) => !before(x));
  }

  /**
   * Visits the items of ranks [from, to) in ascending order (direction 1) or descending (direction -1)
   * until `visit` returns false. Returns the number of items visited.
   */
  visit(from: number, to: number, direction: 1 | -1, visit: (item: T) => boolean): number {
    const start = Math.max(0, from);
    const end = Math.min(this.count, to);
    if (start >= end) return 0;
    const starts = this.offsets();
    let visited = 0;
    if (direction === 1) {
      let c = this.chunkAt(start);
      let i = start - starts[c]!;
      for (let rank = start; rank < end; c += 1, i = 0) {
        const chunk = this.chunks[c]!;
        for (; i < chunk.length && rank < end; i += 1, rank += 1) {
          visited += 1;
          if (!visit(chunk[i]!)) return visited;
        }
      }
    } else {
      let c = this.chunkAt(end - 1);
      let i = end - 1 - starts[c]!;
      for (let rank = end - 1; rank >= start; c -= 1) {
        const chunk = this.chunks[c]!;
        for (; i >= 0 && rank >= start; i -= 1, rank -= 1) {
          visited += 1;
          if (!visit(chunk[i]!)) return visited;
        }
        i = (this.chunks[c - 1]?.length ?? 0) - 1;
      }
    }
    return visited;
  }

  /** Every item, in order. */
  toArray(): T[] {
    return this.chunks.flat();
  }

  /** The chunk holding the item of a rank (0 <= rank < size). */
  private chunkAt(rank: number): number {
    const starts = this.offsets();
    let low = 0;
    let high = this.chunks.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (starts[middle]! <= rank) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  private split(index: number): void {
    const chunk = this.chunks[index]!;
    this.chunks.splice(index + 1, 0, chunk.splice(chunk.length >>> 1));
  }

  private offsets(): number[] {
    if (!this.startsValid) {
      this.starts = new Array<number>(this.chunks.length);
      let total = 0;
      for (let c = 0; c < this.chunks.length; c += 1) {
        this.starts[c] = total;
        total += this.chunks[c]!.length;
      }
      this.startsValid = true;
    }
    return this.starts;
  }
}

/** The first index of a sorted array where a monotone predicate (false..., true...) holds, or its length. */
function firstIndex<T>(items: T[], holds: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (holds(items[middle]!)) high = middle;
    else low = middle + 1;
  }
  return low;
}
