// A min-heap of (due time, key): the next timer or message expiry in O(log n), without a
// scan and without a setTimeout per entry. Entries whose row changed or went away are
// skipped when they reach the top (lazy deletion). Equal due times come out in key order,
// as Zeebe fires them: the timer created first fires first.

type Entry = [number, number];

function before(a: Entry, b: Entry): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

export class DueHeap {
  private items: Entry[] = [];

  constructor(private readonly currentDue: (key: number) => number | undefined) {}

  push(due: number, key: number): void {
    const items = this.items;
    items.push([due, key]);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i], items[parent])) break;
      [items[parent], items[i]] = [items[i], items[parent]];
      i = parent;
    }
  }

  /** The earliest live entry's due time, or undefined. */
  peekDue(): number | undefined {
    this.dropStale();
    return this.items[0]?.[0];
  }

  /** Keys due at or before `now`, earliest first, at most `limit`; they stay until their rows change. */
  due(now: number, limit: number): number[] {
    const keys: number[] = [];
    const seen = new Set<number>();
    const copy = new DueHeap(this.currentDue);
    copy.items = this.items.slice();
    for (;;) {
      copy.dropStale();
      const top = copy.items[0];
      if (!top || top[0] > now || keys.length >= limit) break;
      if (!seen.has(top[1])) {
        seen.add(top[1]);
        keys.push(top[1]);
      }
      copy.pop();
    }
    return keys;
  }

  private dropStale(): void {
    while (this.items.length && this.currentDue(this.items[0][1]) !== this.items[0][0]) this.pop();
  }

  private pop(): void {
    const items = this.items;
    const last = items.pop()!;
    if (items.length === 0) return;
    items[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < items.length && before(items[l], items[m])) m = l;
      if (r < items.length && before(items[r], items[m])) m = r;
      if (m === i) break;
      [items[m], items[i]] = [items[i], items[m]];
      i = m;
    }
  }
}
