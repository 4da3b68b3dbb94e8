-- Notice templates (文书模板) as data: every version a process admin deployed, with who and
-- when. The highest version of a name is the one in force; the job workers read it from here
-- for the next notice (workers/notices/template-source.ts). The files of
-- config/notice-templates are the defaults, seeded at server start (server/templates).
CREATE TABLE notice_template_versions (
  id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The `template` header of notice.issue (accept-decision …), or _layout for the page frame.
  name             text        NOT NULL CHECK (name ~ '^(_layout|[a-z0-9][a-z0-9-]*)$'),
  version          integer     NOT NULL CHECK (version > 0),
  content          text        NOT NULL,
  -- The catalog entry (title, prefix, articles per regulation, law); null for _layout.
  entry            jsonb,
  checksum         text        NOT NULL,
  -- A rollback names the version whose content it deployed again.
  rolled_back_from uuid        REFERENCES notice_template_versions (id),
  -- Null for a default seeded from config/notice-templates.
  deployed_by      uuid        REFERENCES users (id),
  deployed_at      timestamptz NOT NULL,
  UNIQUE (name, version)
);
