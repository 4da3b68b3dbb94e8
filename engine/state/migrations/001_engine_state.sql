-- The built-in engine's state. Rows are the engine's in-memory rows as JSON: the engine is the
-- only reader and writer, and loads them at start. Nothing of the product reads these tables.
CREATE TABLE engine_meta (
  name text PRIMARY KEY,
  value bigint NOT NULL
);

CREATE TABLE engine_resources (key bigint PRIMARY KEY, data jsonb NOT NULL);
CREATE TABLE engine_element_instances (key bigint PRIMARY KEY, data jsonb NOT NULL);
CREATE TABLE engine_variables (key bigint PRIMARY KEY, data jsonb NOT NULL);
CREATE TABLE engine_jobs (key bigint PRIMARY KEY, data jsonb NOT NULL);
CREATE TABLE engine_incidents (key bigint PRIMARY KEY, data jsonb NOT NULL);

-- Append-only history: every record the engine writes, as Zeebe's exporters would see it.
CREATE TABLE engine_records (
  position bigserial PRIMARY KEY,
  key bigint NOT NULL,
  value_type text NOT NULL,
  intent text NOT NULL,
  process_instance_key bigint,
  timestamp bigint NOT NULL,
  value jsonb NOT NULL
);
CREATE INDEX engine_records_process_instance ON engine_records (process_instance_key) WHERE process_instance_key IS NOT NULL;
CREATE INDEX engine_records_key ON engine_records (key);
