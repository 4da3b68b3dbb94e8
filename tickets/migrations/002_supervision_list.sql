-- The 督办 list: tickets past a deadline, put there by the deadline watch (supervision.list)
-- and cleared when the ticket is closed. Supervisors work it every day.
CREATE TABLE supervision_list (
  id               bigserial   PRIMARY KEY,
  ticket_id        uuid        NOT NULL REFERENCES tickets (id),
  reason           text        NOT NULL,
  step             text,
  due_at           timestamptz,
  listed_at        timestamptz NOT NULL DEFAULT now(),
  listed_by        text,
  cleared_at       timestamptz,
  idempotency_key  text        UNIQUE
);
CREATE INDEX supervision_list_open ON supervision_list (listed_at DESC) WHERE cleared_at IS NULL;
CREATE INDEX supervision_list_ticket ON supervision_list (ticket_id);
