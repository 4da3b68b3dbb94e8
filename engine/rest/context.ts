// What the routes work with: the engine (commands go through its loop) and the database (reads
// go to the search projections), plus the server's settings.

import type pg from 'pg';
import type { Engine } from '../runtime/engine.ts';

export interface RestContext {
  engine: Engine;
  db: pg.Pool;
  /** PUT /v2/clock and POST /v2/clock/reset answer only with ZEEBE_CLOCK_CONTROLLED=true. */
  clockControlled: boolean;
  /** The gateway port the topology names as the broker's. */
  grpcPort: number;
  host: string;
}
