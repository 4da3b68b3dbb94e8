-- Search projections for the supervision views (engine/exporter, read by engine/rest): the
-- sequence flows each instance took, the message subscriptions of instances and every message
-- correlation. Written in the commit, like those of 003; times are epoch milliseconds.

-- One row per process instance and flow it took (however often), as Camunda's exporter keeps
-- them: GET /v2/process-instances/{key}/sequence-flows draws the path an instance took.
CREATE TABLE engine_search_sequence_flows (
  process_instance_key bigint NOT NULL,
  -- the sequence flow's id in the BPMN
  element_id text NOT NULL,
  process_definition_key bigint NOT NULL,
  bpmn_process_id text NOT NULL,
  PRIMARY KEY (process_instance_key, element_id)
);

-- Message subscriptions of waiting instances (PROCESS_MESSAGE_SUBSCRIPTION): the state is the
-- intent of the last record (CREATED, CORRELATED, DELETED, MIGRATED), kept after it closes.
CREATE TABLE engine_search_message_subscriptions (
  key bigint PRIMARY KEY,
  process_instance_key bigint NOT NULL,
  process_definition_key bigint,
  bpmn_process_id text NOT NULL,
  element_id text NOT NULL,
  element_instance_key bigint NOT NULL,
  state text NOT NULL,
  last_updated bigint NOT NULL,
  message_name text NOT NULL,
  correlation_key text NOT NULL
);
CREATE INDEX engine_search_message_subscriptions_instance ON engine_search_message_subscriptions (process_instance_key);
CREATE INDEX engine_search_message_subscriptions_message ON engine_search_message_subscriptions (message_name, correlation_key);

-- Every correlation of a message: to a subscription of a waiting instance, or to a message
-- start event (no element instance). A non-interrupting subscription correlates many messages,
-- a message many processes; `key` only orders the rows (in correlation order).
CREATE TABLE engine_search_correlated_messages (
  key bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subscription_key bigint NOT NULL,
  message_key bigint NOT NULL,
  process_instance_key bigint NOT NULL,
  process_definition_key bigint,
  bpmn_process_id text NOT NULL,
  element_id text NOT NULL,
  element_instance_key bigint,
  message_name text NOT NULL,
  correlation_key text NOT NULL,
  correlation_time bigint NOT NULL,
  UNIQUE (subscription_key, message_key, process_instance_key)
);
CREATE INDEX engine_search_correlated_messages_instance ON engine_search_correlated_messages (process_instance_key);
CREATE INDEX engine_search_correlated_messages_message ON engine_search_correlated_messages (message_key);

-- A database with history gets it replayed into these tables at the next start
-- (engine/exporter/backfill.ts); a fresh one has nothing to replay.
INSERT INTO engine_meta (name, value)
SELECT 'search_backfilled_supervision', 1 WHERE NOT EXISTS (SELECT 1 FROM engine_records);
