// Message subscriptions of process instances (POST /v2/message-subscriptions/search: what an
// instance waits for, and what became of it) and correlated messages
// (POST /v2/correlated-message-subscriptions/search: which message reached which instance,
// when), both Camunda 8.8, from the exporter's projections (engine/exporter/messages.ts).

import { Router } from 'express';
import type { RestContext } from './context.ts';
import { date, int, key, oneOf, str, type Field } from './filters.ts';
import { dateOut, keyOut, orUndefined, TENANT, TENANT_SQL } from './format.ts';
import { searcher, type SearchSpec } from './paging.ts';

const STATES = ['CORRELATED', 'CREATED', 'DELETED', 'MIGRATED'] as const;
/** The built-in engine is one partition. */
const PARTITION = 1;

interface SubscriptionRow {
  key: string;
  process_instance_key: string;
  process_definition_key: string | null;
  bpmn_process_id: string;
  element_id: string;
  element_instance_key: string;
  state: string;
  last_updated: string;
  message_name: string;
  correlation_key: string;
}

const SUBSCRIPTION_FIELDS: Record<string, Field> = {
  messageSubscriptionKey: key('t.key'),
  processDefinitionId: str('t.bpmn_process_id'),
  processInstanceKey: key('t.process_instance_key'),
  elementId: str('t.element_id'),
  elementInstanceKey: key('t.element_instance_key'),
  messageSubscriptionState: oneOf('t.state', STATES),
  lastUpdatedDate: date('t.last_updated'),
  messageName: str('t.message_name'),
  correlationKey: str('t.correlation_key'),
  tenantId: str(TENANT_SQL),
};

export const messageSubscriptionSearch: SearchSpec<SubscriptionRow> = {
  what: 'message subscription',
  from: 'engine_search_message_subscriptions t',
  select: 't.*',
  filters: SUBSCRIPTION_FIELDS,
  sorts: SUBSCRIPTION_FIELDS,
  item: (r) => ({
    messageSubscriptionKey: keyOut(r.key),
    processDefinitionId: r.bpmn_process_id,
    processDefinitionKey: keyOut(r.process_definition_key),
    processInstanceKey: keyOut(r.process_instance_key),
    elementId: r.element_id,
    elementInstanceKey: keyOut(r.element_instance_key),
    messageSubscriptionState: r.state,
    lastUpdatedDate: dateOut(r.last_updated),
    messageName: r.message_name,
    correlationKey: r.correlation_key,
    tenantId: TENANT,
  }),
};

interface CorrelationRow {
  subscription_key: string;
  message_key: string;
  process_instance_key: string;
  process_definition_key: string | null;
  bpmn_process_id: string;
  element_id: string;
  element_instance_key: string | null;
  message_name: string;
  correlation_key: string;
  correlation_time: string;
}

const CORRELATION_FIELDS: Record<string, Field> = {
  correlationKey: str('t.correlation_key'),
  correlationTime: date('t.correlation_time'),
  elementId: str('t.element_id'),
  elementInstanceKey: key('t.element_instance_key'),
  messageKey: key('t.message_key'),
  messageName: str('t.message_name'),
  partitionId: int(String(PARTITION)),
  processDefinitionId: str('t.bpmn_process_id'),
  processDefinitionKey: key('t.process_definition_key'),
  processInstanceKey: key('t.process_instance_key'),
  subscriptionKey: key('t.subscription_key'),
  tenantId: str(TENANT_SQL),
};

export const correlatedMessageSearch: SearchSpec<CorrelationRow> = {
  what: 'correlated message subscription',
  from: 'engine_search_correlated_messages t',
  select: 't.*',
  filters: CORRELATION_FIELDS,
  sorts: CORRELATION_FIELDS,
  item: (r) => ({
    correlationKey: r.correlation_key,
    correlationTime: dateOut(r.correlation_time),
    elementId: r.element_id,
    elementInstanceKey: keyOut(orUndefined(r.element_instance_key)),
    messageKey: keyOut(r.message_key),
    messageName: r.message_name,
    partitionId: PARTITION,
    processDefinitionId: r.bpmn_process_id,
    processDefinitionKey: keyOut(r.process_definition_key),
    processInstanceKey: keyOut(r.process_instance_key),
    subscriptionKey: keyOut(r.subscription_key),
    tenantId: TENANT,
  }),
};

const searchSubscriptions = searcher(messageSubscriptionSearch);
const searchCorrelations = searcher(correlatedMessageSearch);

export function messageSubscriptionRoutes(ctx: RestContext): Router {
  const router = Router();
  router.post('/message-subscriptions/search', async (req, res) => {
    res.json(await searchSubscriptions(ctx.db, req.body));
  });
  router.post('/correlated-message-subscriptions/search', async (req, res) => {
    res.json(await searchCorrelations(ctx.db, req.body));
  });
  return router;
}
