// The Orchestration Cluster REST API (/v2) of the built-in engine: the part that workers,
// server and UI use. Reads come from the search projections, commands go through the engine.
// Extensions beyond Camunda's API live under /v2/x/ (engine/rest/README.md).

import express, { type Express } from 'express';
import type { RestContext } from './context.ts';
import { clockRoutes } from './clock.ts';
import { decisionRoutes } from './decisions.ts';
import { processDefinitionRoutes } from './definitions.ts';
import { elementInstanceRoutes } from './element-instances.ts';
import { formRoutes } from './forms.ts';
import { incidentRoutes } from './incidents.ts';
import { jobRoutes } from './jobs.ts';
import { messageSubscriptionRoutes } from './message-subscriptions.ts';
import { problemHandler, unknownRoute } from './problem.ts';
import { processInstanceRoutes } from './process-instances.ts';
import { statisticsRoutes } from './statistics.ts';
import { topologyRoutes } from './topology.ts';
import { userTaskRoutes } from './user-tasks.ts';
import { variableRoutes } from './variables.ts';

export function createApp(ctx: RestContext): Express {
  const app = express();
  app.disable('x-powered-by');
  // Bodies are JSON whatever the content type says (some clients send none); 4 MB as gRPC.
  app.use(express.json({ type: () => true, limit: '4mb' }));
  const v2 = express.Router();
  for (const routes of [
    topologyRoutes, clockRoutes, userTaskRoutes, processInstanceRoutes, elementInstanceRoutes, incidentRoutes,
    variableRoutes, processDefinitionRoutes, decisionRoutes, formRoutes, jobRoutes, statisticsRoutes, messageSubscriptionRoutes,
  ]) {
    v2.use(routes(ctx));
  }
  app.use('/v2', v2);
  app.use(unknownRoute);
  app.use(problemHandler);
  return app;
}
