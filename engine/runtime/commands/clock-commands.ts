// The engine clock as Zeebe's CLOCK commands move it (PUT /v2/clock, POST /v2/clock/reset):
// applied in the loop, so every command after it sees the new time, and recorded.

import type { ControlledClock } from '../../clock.ts';
import { reject } from '../rejection.ts';
import type { Runtime } from '../runtime.ts';

export function pinClock(rt: Runtime, clock: ControlledClock, epochMillis: number): void {
  if (!Number.isSafeInteger(epochMillis) || epochMillis < 0) {
    reject('INVALID_ARGUMENT', 'PIN', `Expected pin time to be not negative but it was ${epochMillis}`);
  }
  clock.pin(epochMillis);
  rt.record('CLOCK', 'PINNED', rt.newKey(), { time: epochMillis });
}

export function resetClock(rt: Runtime, clock: ControlledClock): void {
  clock.reset();
  rt.record('CLOCK', 'RESETTED', rt.newKey(), { time: clock.now() });
}
