// The engine clock: PUT /v2/clock pins it, POST /v2/clock/reset lets it tick again. Only with
// ZEEBE_CLOCK_CONTROLLED=true, as Zeebe: otherwise 403, the clock is not to be moved.

import { Router } from 'express';
import { ControlledClock } from '../clock.ts';
import type { RestContext } from './context.ts';
import { Problem } from './problem.ts';
import { validator } from './validate.ts';
import { pinClock, resetClock } from '../runtime/commands/clock-commands.ts';

// An int64: a JSON number, or digits in a string as Camunda's JSON mapping also takes.
const checkPin = validator<{ timestamp: number | string }>({
  type: 'object',
  required: ['timestamp'],
  properties: { timestamp: { anyOf: [{ type: 'integer', minimum: 0 }, { type: 'string', pattern: '^[0-9]{1,16}$' }] } },
});

export function clockRoutes(ctx: RestContext): Router {
  const router = Router();
  const controlled = (): ControlledClock => {
    const clock = ctx.engine.clock;
    if (!ctx.clockControlled || !(clock instanceof ControlledClock)) {
      throw new Problem(403, 'FORBIDDEN', 'The engine clock is not controllable: start the engine with ZEEBE_CLOCK_CONTROLLED=true to pin or reset it (for tests only)');
    }
    return clock;
  };
  router.put('/clock', async (req, res) => {
    const clock = controlled();
    const timestamp = Number(checkPin(req.body ?? {}).timestamp);
    await ctx.engine.submit((rt) => pinClock(rt, clock, timestamp));
    ctx.engine.clockChanged();
    res.status(204).end();
  });
  router.post('/clock/reset', async (_req, res) => {
    const clock = controlled();
    await ctx.engine.submit((rt) => resetClock(rt, clock));
    ctx.engine.clockChanged();
    res.status(204).end();
  });
  return router;
}
