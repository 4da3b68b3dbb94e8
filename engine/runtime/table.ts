// An in-memory table of rows keyed by number, with what the commit needs (the dirty rows)
// and what a failed command needs (an undo journal). Rows are immutable: change = put a new object.

export type ChangeListener<T> = (key: number, previous: T | undefined, next: T | undefined) => void;

export class Table<T> {
  private readonly rows = new Map<number, T>();
  /** key -> row to upsert, or null to delete, since the last commit. */
  dirty = new Map<number, T | null>();
  private journal: Array<[number, T | undefined]> = [];
  private readonly listeners: ChangeListener<T>[] = [];

  constructor(readonly name: string) {}

  onChange(listener: ChangeListener<T>): void {
    this.listeners.push(listener);
  }

  get(key: number): T | undefined {
    return this.rows.get(key);
  }

  has(key: number): boolean {
    return this.rows.has(key);
  }

  values(): IterableIterator<T> {
    return this.rows.values();
  }

  get size(): number {
    return this.rows.size;
  }

  put(key: number, row: T): void {
    this.apply(key, row, true);
  }

  delete(key: number): void {
    if (this.rows.has(key)) this.apply(key, undefined, true);
  }

  /** Rows read from storage at start: no journal, not dirty. */
  load(key: number, row: T): void {
    this.rows.set(key, row);
    for (const l of this.listeners) l(key, undefined, row);
  }

  mark(): number {
    return this.journal.length;
  }

  rollback(mark: number): void {
    while (this.journal.length > mark) {
      const [key, previous] = this.journal.pop()!;
      this.apply(key, previous, false);
    }
  }

  clearJournal(): void {
    this.journal = [];
  }

  takeDirty(): Map<number, T | null> {
    const d = this.dirty;
    this.dirty = new Map();
    return d;
  }

  private apply(key: number, row: T | undefined, journal: boolean): void {
    const previous = this.rows.get(key);
    if (journal) this.journal.push([key, previous]);
    if (row === undefined) this.rows.delete(key);
    else this.rows.set(key, row);
    this.dirty.set(key, row ?? null);
    for (const l of this.listeners) l(key, previous, row);
  }
}
