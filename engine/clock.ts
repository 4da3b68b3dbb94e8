// One injectable clock for the whole engine: tests pin it (PUT /v2/clock) instead of sleeping.

export interface Clock {
  now(): number;
}

export class ControlledClock implements Clock {
  private pinned: number | undefined;

  now(): number {
    return this.pinned ?? Date.now();
  }

  pin(epochMillis: number): void {
    this.pinned = epochMillis;
  }

  reset(): void {
    this.pinned = undefined;
  }

  get isPinned(): boolean {
    return this.pinned !== undefined;
  }
}
