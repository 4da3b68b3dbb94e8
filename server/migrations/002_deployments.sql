-- Deployments made by process admins through the server (component 'server'): one row per
-- resource whose content the engine took as a new version, so the admin can see the
-- history, diff a version against the running one and roll back to it.
-- Numbered 003: 002 is left to the ticket tables being written beside this.
CREATE TABLE deployments (
  id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  deployment_key  text        NOT NULL,
  resource_name   text        NOT NULL,
  kind            text        NOT NULL CHECK (kind IN ('process', 'decision', 'form')),
  -- The process id, the decision requirements (definitions) id or the form id.
  resource_id     text        NOT NULL,
  -- For DMN: the decisions of the file.
  decision_ids    text[]      NOT NULL DEFAULT '{}',
  version         integer     NOT NULL,
  -- The engine's key of this version (process definition, decision requirements or form key).
  engine_key      text,
  checksum        text        NOT NULL,
  content         text        NOT NULL,
  -- A rollback names the version whose content it deployed again.
  rolled_back_from uuid       REFERENCES deployments (id),
  deployed_by     uuid        REFERENCES users (id),
  deployed_at     timestamptz NOT NULL,
  UNIQUE (kind, resource_id, version)
);
CREATE INDEX deployments_resource ON deployments (kind, resource_id, version DESC);
CREATE INDEX deployments_time ON deployments (deployed_at DESC);
