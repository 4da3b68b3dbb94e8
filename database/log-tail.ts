// Keeps the last lines of the PostgreSQL server log in memory: the log stays quiet while
// things work and is shown in full context when they do not.
export class LogTail {
  private readonly lines: string[] = [];
  private total = 0;
  private partial = '';
  /** Called for each complete line, e.g. to pass on the few lines that always matter. */
  onLine: ((line: string) => void) | undefined;

  constructor(private readonly capacity = 200) {}

  push(chunk: string): void {
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop() ?? '';
    for (const line of parts) {
      if (line.trim() === '') continue;
      this.lines.push(line);
      this.total++;
      if (this.lines.length > this.capacity) this.lines.shift();
      this.onLine?.(line);
    }
  }

  /** A position to read from later with since(). */
  mark(): number {
    return this.total;
  }

  since(mark: number): string {
    const kept = this.total - this.lines.length;
    return [...this.lines.slice(Math.max(0, mark - kept)), ...(this.partial ? [this.partial] : [])].join('\n');
  }

  last(count: number): string {
    return [...this.lines.slice(-count), ...(this.partial ? [this.partial] : [])].join('\n');
  }
}
