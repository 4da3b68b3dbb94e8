-- The product's ticket store (工单): tickets, the submissions they came from, links between
-- them, deadlines per step, notices issued, cases (诉转案), in-platform notifications and the
-- append-only audit trail. Every list the UI shows is one of the indexes below.

CREATE SEQUENCE ticket_no_seq;
CREATE SEQUENCE case_no_seq;
CREATE SEQUENCE notice_no_seq;

-- One row per received submission: (channel, external number) is the idempotency key of
-- intake. A mixed submission (complaint + report) yields two tickets of one submission.
CREATE TABLE intake_submissions (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  channel      text        NOT NULL,
  external_no  text,
  payload      jsonb       NOT NULL,
  received_at  timestamptz NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX intake_submissions_external ON intake_submissions (channel, external_no) WHERE external_no IS NOT NULL;

CREATE TABLE tickets (
  id                        uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  ticket_no                 text        NOT NULL UNIQUE,
  submission_id             uuid        NOT NULL REFERENCES intake_submissions (id),
  channel                   text        NOT NULL CHECK (channel IN ('12315', '12345', 'letter', 'visit', 'online', 'odr')),
  external_no               text,
  kind                      text        NOT NULL CHECK (kind IN ('complaint', 'report', 'inquiry', 'suggestion')),
  status                    text        NOT NULL DEFAULT 'registered',
  received_at               timestamptz NOT NULL,
  registered_at             timestamptz NOT NULL DEFAULT now(),
  registered_by             text,

  complainant_name          text,
  complainant_phone         text,
  complainant_id_type       text,
  complainant_id_number     text,
  complainant_address       text,
  consent_publish           boolean     NOT NULL DEFAULT false,
  consent_mediation         boolean     NOT NULL DEFAULT false,
  anonymous                 boolean     NOT NULL DEFAULT false,

  respondent_name           text,
  respondent_uscc           text,
  respondent_address        text,
  respondent_region_code    text,
  respondent_platform       text,
  respondent_shop           text,

  fact_occurred_at          text,
  fact_place                text,
  goods_or_service          text,
  amount_involved           numeric(14, 2),
  description               text,
  requests                  text[]      NOT NULL DEFAULT '{}',
  category                  text,
  goods_class               text,
  online                    boolean     NOT NULL DEFAULT false,
  odr_chosen                boolean     NOT NULL DEFAULT false,
  attachments               jsonb       NOT NULL DEFAULT '[]',

  professional_claimant     boolean     NOT NULL DEFAULT false,
  repeat_complainant        boolean     NOT NULL DEFAULT false,
  department                text,
  return_count              integer     NOT NULL DEFAULT 0,
  reopen_count              integer     NOT NULL DEFAULT 0,
  amount_recovered          numeric(14, 2),
  satisfaction              text        CHECK (satisfaction IN ('非常满意', '满意', '一般', '不满意')),
  closed_at                 timestamptz,

  -- Keys for duplicate and repeat-complainant detection, computed at intake
  -- (tickets/matching.ts): who complains, and who about what.
  complainant_key           text,
  dedup_key                 text,

  process_id                text,
  process_instance_key      bigint,
  process_start_requested_at timestamptz,
  updated_at                timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tickets_received ON tickets (received_at DESC, id);
CREATE INDEX tickets_department ON tickets (department, received_at DESC);
CREATE INDEX tickets_status ON tickets (status, received_at DESC);
CREATE INDEX tickets_kind ON tickets (kind, received_at DESC);
CREATE INDEX tickets_channel_external ON tickets (channel, external_no);
CREATE INDEX tickets_category ON tickets (category, received_at DESC);
CREATE INDEX tickets_submission ON tickets (submission_id);
CREATE INDEX tickets_respondent_uscc ON tickets (respondent_uscc, received_at DESC) WHERE respondent_uscc IS NOT NULL;
CREATE INDEX tickets_respondent_name ON tickets (respondent_name, received_at DESC);
CREATE INDEX tickets_complainant_key ON tickets (complainant_key, received_at DESC) WHERE complainant_key IS NOT NULL;
CREATE INDEX tickets_complainant_phone ON tickets (complainant_phone) WHERE complainant_phone IS NOT NULL;
CREATE INDEX tickets_dedup ON tickets (dedup_key, received_at DESC) WHERE dedup_key IS NOT NULL;
CREATE INDEX tickets_professional ON tickets (received_at DESC) WHERE professional_claimant;
CREATE UNIQUE INDEX tickets_process_instance ON tickets (process_instance_key) WHERE process_instance_key IS NOT NULL;
-- Tickets whose process has not been started (intake crashed, engine down): recovery scans only these.
CREATE INDEX tickets_without_process ON tickets (registered_at) WHERE process_instance_key IS NULL AND kind IN ('complaint', 'report');

-- from → to: 'merged' (from was merged into to, 并案), 'split' (from was split off the same
-- submission as to, 拆分), 'duplicate' (from repeats to), 'converted' (from became case to_case_id, 诉转案).
CREATE TABLE ticket_links (
  id              bigserial   PRIMARY KEY,
  from_ticket_id  uuid        NOT NULL REFERENCES tickets (id),
  to_ticket_id    uuid        REFERENCES tickets (id),
  to_case_id      uuid,
  kind            text        NOT NULL CHECK (kind IN ('merged', 'split', 'duplicate', 'converted')),
  reason          text,
  created_by      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'converted') = (to_case_id IS NOT NULL AND to_ticket_id IS NULL)),
  CHECK (kind = 'converted' OR to_ticket_id IS NOT NULL)
);
CREATE UNIQUE INDEX ticket_links_unique_ticket ON ticket_links (from_ticket_id, kind, to_ticket_id) WHERE to_ticket_id IS NOT NULL;
CREATE UNIQUE INDEX ticket_links_unique_case ON ticket_links (from_ticket_id, to_case_id) WHERE to_case_id IS NOT NULL;
CREATE INDEX ticket_links_to ON ticket_links (to_ticket_id) WHERE to_ticket_id IS NOT NULL;
CREATE INDEX ticket_links_case ON ticket_links (to_case_id) WHERE to_case_id IS NOT NULL;

-- The current deadline of each time-limited step of a ticket (deadline.compute).
CREATE TABLE ticket_deadlines (
  ticket_id       uuid        NOT NULL REFERENCES tickets (id),
  step            text        NOT NULL,
  started_at      timestamptz NOT NULL,
  due_date        date        NOT NULL,
  due_at          timestamptz NOT NULL,
  remind_at3      timestamptz,
  remind_at2      timestamptz,
  due_day_start   timestamptz,
  extended_due_at timestamptz,
  regulation      text        NOT NULL,
  article         text,
  citation        text,
  completed_at    timestamptz,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (ticket_id, step)
);
-- Supervision: open deadlines by due time (催办 / 督办 lists).
CREATE INDEX ticket_deadlines_open ON ticket_deadlines (due_at) WHERE completed_at IS NULL;

CREATE TABLE notices (
  id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  ticket_id        uuid        NOT NULL REFERENCES tickets (id),
  notice_no        text        NOT NULL UNIQUE,
  template         text        NOT NULL,
  title            text        NOT NULL,
  data             jsonb       NOT NULL,
  html             text        NOT NULL,
  issued_at        timestamptz NOT NULL DEFAULT now(),
  issued_by        text,
  idempotency_key  text        UNIQUE
);
CREATE INDEX notices_ticket ON notices (ticket_id, issued_at);

CREATE TABLE cases (
  id                   uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  case_no              text        NOT NULL UNIQUE,
  ticket_id            uuid        NOT NULL REFERENCES tickets (id),
  stage                text        NOT NULL DEFAULT 'clue_verification',
  decision             text        CHECK (decision IN ('penalty', 'no_penalty', 'transfer', 'transfer_police')),
  process_id           text,
  process_instance_key bigint,
  created_at           timestamptz NOT NULL DEFAULT now(),
  filed_at             timestamptz,
  closed_at            timestamptz,
  idempotency_key      text        UNIQUE
);
CREATE INDEX cases_ticket ON cases (ticket_id);
CREATE INDEX cases_stage ON cases (stage, created_at DESC);
CREATE INDEX cases_created ON cases (created_at DESC);
ALTER TABLE ticket_links ADD FOREIGN KEY (to_case_id) REFERENCES cases (id);

CREATE TABLE case_stages (
  id          bigserial   PRIMARY KEY,
  case_id     uuid        NOT NULL REFERENCES cases (id),
  stage       text        NOT NULL,
  entered_at  timestamptz NOT NULL DEFAULT now(),
  actor       text        NOT NULL,
  note        text
);
CREATE INDEX case_stages_case ON case_stages (case_id, id);

-- In-platform notifications (站内提醒), read by the inbox.
CREATE TABLE notifications (
  id               bigserial   PRIMARY KEY,
  recipient        text        NOT NULL,
  ticket_id        uuid        REFERENCES tickets (id),
  title            text        NOT NULL,
  body             text        NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  read_at          timestamptz,
  idempotency_key  text        UNIQUE
);
CREATE INDEX notifications_recipient ON notifications (recipient, created_at DESC);
CREATE INDEX notifications_unread ON notifications (recipient, created_at DESC) WHERE read_at IS NULL;
CREATE INDEX notifications_ticket ON notifications (ticket_id) WHERE ticket_id IS NOT NULL;

-- Who did what to which ticket, when, with the state before and after. Append-only: the
-- triggers below refuse UPDATE, DELETE and TRUNCATE for every role, owner included.
CREATE TABLE ticket_audit (
  id               bigserial   PRIMARY KEY,
  ticket_id        uuid        NOT NULL REFERENCES tickets (id),
  at               timestamptz NOT NULL DEFAULT now(),
  actor            text        NOT NULL,
  action           text        NOT NULL,
  before           jsonb,
  after            jsonb,
  process_instance_key bigint,
  idempotency_key  text        UNIQUE
);
CREATE INDEX ticket_audit_ticket ON ticket_audit (ticket_id, id);
CREATE INDEX ticket_audit_actor ON ticket_audit (actor, at DESC);

CREATE FUNCTION ticket_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ticket_audit is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER ticket_audit_no_change BEFORE UPDATE OR DELETE ON ticket_audit
  FOR EACH ROW EXECUTE FUNCTION ticket_audit_append_only();
CREATE TRIGGER ticket_audit_no_truncate BEFORE TRUNCATE ON ticket_audit
  FOR EACH STATEMENT EXECUTE FUNCTION ticket_audit_append_only();
