-- One row per job whose effect is done, keyed by job type and element instance: a job that
-- the engine delivers twice (timeout, lost completion, redelivery after a restart) finds its
-- row and completes with the stored result instead of acting again.
CREATE TABLE job_effects (
  idempotency_key       text        PRIMARY KEY,
  job_type              text        NOT NULL,
  job_key               bigint      NOT NULL,
  process_instance_key  bigint      NOT NULL,
  result                jsonb       NOT NULL,
  created_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX job_effects_instance ON job_effects (process_instance_key);
