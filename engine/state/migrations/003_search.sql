-- Search projections: what Camunda's exporter writes to its secondary storage, written here by
-- engine/exporter in the same transaction as the engine's state, and read by the REST API
-- (/v2/.../search). Times are epoch milliseconds; keys are the engine's int8 keys. Rows stay
-- after their instance ends: they are the history that lists, audits and heatmaps read.

CREATE TABLE engine_search_process_definitions (
  key bigint PRIMARY KEY,
  bpmn_process_id text NOT NULL,
  name text,
  version integer NOT NULL,
  version_tag text,
  resource_name text NOT NULL,
  deployment_key bigint,
  -- element id -> name, for element instances' elementName (Camunda's process cache)
  element_names jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX engine_search_process_definitions_id ON engine_search_process_definitions (bpmn_process_id, version);

CREATE TABLE engine_search_decision_requirements (
  key bigint PRIMARY KEY,
  drg_id text NOT NULL,
  name text,
  version integer NOT NULL,
  resource_name text NOT NULL
);
CREATE INDEX engine_search_decision_requirements_id ON engine_search_decision_requirements (drg_id, version);

CREATE TABLE engine_search_decision_definitions (
  key bigint PRIMARY KEY,
  decision_id text NOT NULL,
  name text,
  version integer NOT NULL,
  drg_key bigint NOT NULL,
  drg_id text NOT NULL
);
CREATE INDEX engine_search_decision_definitions_id ON engine_search_decision_definitions (decision_id, version);
CREATE INDEX engine_search_decision_definitions_drg ON engine_search_decision_definitions (drg_key);

CREATE TABLE engine_search_forms (
  key bigint PRIMARY KEY,
  form_id text NOT NULL,
  version integer NOT NULL,
  version_tag text,
  resource_name text NOT NULL
);
CREATE INDEX engine_search_forms_id ON engine_search_forms (form_id, version);

CREATE TABLE engine_search_process_instances (
  key bigint PRIMARY KEY,
  process_definition_key bigint NOT NULL,
  bpmn_process_id text NOT NULL,
  version integer NOT NULL,
  parent_process_instance_key bigint,
  parent_element_instance_key bigint,
  state text NOT NULL,
  start_date bigint NOT NULL,
  end_date bigint
);
CREATE INDEX engine_search_process_instances_start ON engine_search_process_instances (start_date);
CREATE INDEX engine_search_process_instances_process ON engine_search_process_instances (bpmn_process_id, start_date);
CREATE INDEX engine_search_process_instances_definition ON engine_search_process_instances (process_definition_key);
CREATE INDEX engine_search_process_instances_active ON engine_search_process_instances (start_date) WHERE state = 'ACTIVE';
CREATE INDEX engine_search_process_instances_parent ON engine_search_process_instances (parent_process_instance_key) WHERE parent_process_instance_key IS NOT NULL;

-- Every element instance but the process itself and sequence flows, as Camunda exports them;
-- start and end per instance are what the supervisors' duration heatmaps aggregate.
CREATE TABLE engine_search_element_instances (
  key bigint PRIMARY KEY,
  process_instance_key bigint NOT NULL,
  process_definition_key bigint NOT NULL,
  bpmn_process_id text NOT NULL,
  element_id text NOT NULL,
  type text NOT NULL,
  flow_scope_key bigint NOT NULL,
  state text NOT NULL,
  start_date bigint NOT NULL,
  end_date bigint
);
CREATE INDEX engine_search_element_instances_instance ON engine_search_element_instances (process_instance_key, start_date);
CREATE INDEX engine_search_element_instances_element ON engine_search_element_instances (process_definition_key, element_id);
CREATE INDEX engine_search_element_instances_scope ON engine_search_element_instances (flow_scope_key);

CREATE TABLE engine_search_variables (
  key bigint PRIMARY KEY,
  name text NOT NULL,
  -- the value as JSON text, as the REST API shows it
  value text NOT NULL,
  scope_key bigint NOT NULL,
  process_instance_key bigint NOT NULL
);
CREATE INDEX engine_search_variables_instance ON engine_search_variables (process_instance_key, name);
CREATE INDEX engine_search_variables_scope ON engine_search_variables (scope_key, name);
CREATE INDEX engine_search_variables_name ON engine_search_variables (name);

CREATE TABLE engine_search_incidents (
  key bigint PRIMARY KEY,
  process_instance_key bigint NOT NULL,
  process_definition_key bigint NOT NULL,
  bpmn_process_id text NOT NULL,
  element_id text NOT NULL,
  element_instance_key bigint NOT NULL,
  job_key bigint,
  error_type text NOT NULL,
  error_message text NOT NULL,
  state text NOT NULL,
  creation_time bigint NOT NULL
);
CREATE INDEX engine_search_incidents_instance ON engine_search_incidents (process_instance_key);
CREATE INDEX engine_search_incidents_element ON engine_search_incidents (element_instance_key);
CREATE INDEX engine_search_incidents_active ON engine_search_incidents (creation_time) WHERE state = 'ACTIVE';

CREATE TABLE engine_search_user_tasks (
  key bigint PRIMARY KEY,
  state text NOT NULL,
  name text,
  assignee text,
  candidate_users text[] NOT NULL,
  candidate_groups text[] NOT NULL,
  due_date bigint,
  follow_up_date bigint,
  priority integer NOT NULL,
  form_key bigint,
  external_form_reference text,
  custom_headers jsonb NOT NULL,
  element_id text NOT NULL,
  element_instance_key bigint NOT NULL,
  process_instance_key bigint NOT NULL,
  process_definition_key bigint NOT NULL,
  bpmn_process_id text NOT NULL,
  process_definition_version integer NOT NULL,
  creation_date bigint NOT NULL,
  completion_date bigint
);
CREATE INDEX engine_search_user_tasks_open ON engine_search_user_tasks (creation_date) WHERE state = 'CREATED';
CREATE INDEX engine_search_user_tasks_assignee ON engine_search_user_tasks (assignee, state);
CREATE INDEX engine_search_user_tasks_groups ON engine_search_user_tasks USING gin (candidate_groups);
CREATE INDEX engine_search_user_tasks_users ON engine_search_user_tasks USING gin (candidate_users);
CREATE INDEX engine_search_user_tasks_instance ON engine_search_user_tasks (process_instance_key);
CREATE INDEX engine_search_user_tasks_element ON engine_search_user_tasks (element_instance_key);

CREATE TABLE engine_search_jobs (
  key bigint PRIMARY KEY,
  type text NOT NULL,
  worker text NOT NULL,
  state text NOT NULL,
  retries integer NOT NULL,
  error_message text,
  error_code text,
  deadline bigint,
  end_time bigint,
  has_failed_with_retries_left boolean NOT NULL,
  custom_headers jsonb NOT NULL,
  element_id text NOT NULL,
  element_instance_key bigint NOT NULL,
  process_instance_key bigint NOT NULL,
  process_definition_key bigint NOT NULL,
  bpmn_process_id text NOT NULL
);
CREATE INDEX engine_search_jobs_instance ON engine_search_jobs (process_instance_key);
CREATE INDEX engine_search_jobs_type ON engine_search_jobs (type, state);

-- A database that already has history gets it replayed into the projections at the next
-- start (engine/exporter/backfill.ts); a fresh one has nothing to replay.
INSERT INTO engine_meta (name, value)
SELECT 'search_backfilled', 1 WHERE NOT EXISTS (SELECT 1 FROM engine_records);
