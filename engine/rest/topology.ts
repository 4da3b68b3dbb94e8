// GET /v2/topology: one broker with one partition, as the built-in engine is; GET /v2/status.

import { Router } from 'express';
import type { RestContext } from './context.ts';

const VERSION = '8.8.0';

export function topologyRoutes(ctx: RestContext): Router {
  const router = Router();
  router.get('/topology', (_req, res) => {
    res.json({
      brokers: [{ nodeId: 0, host: ctx.host, port: ctx.grpcPort, partitions: [{ partitionId: 1, role: 'leader', health: 'healthy' }], version: VERSION }],
      clusterSize: 1,
      partitionsCount: 1,
      replicationFactor: 1,
      gatewayVersion: VERSION,
      lastCompletedChangeId: '-1',
    });
  });
  router.get('/status', (_req, res) => {
    res.status(204).end();
  });
  return router;
}
