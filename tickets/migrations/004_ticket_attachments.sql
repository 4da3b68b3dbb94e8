-- Files uploaded to a ticket (附件). The bytes live here, in their own table so that reading
-- a ticket never drags them along; the ticket's `attachments` column lists their metadata
-- ({id, name, size, contentType, sha256, uploadedAt, uploadedBy}), written in the same
-- transaction, so an acknowledged upload is in both or in neither.
CREATE TABLE ticket_attachments (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  ticket_id     uuid        NOT NULL REFERENCES tickets (id),
  name          text        NOT NULL,
  content_type  text        NOT NULL,
  size          integer     NOT NULL,
  sha256        text        NOT NULL,
  content       bytea       NOT NULL,
  uploaded_at   timestamptz NOT NULL,
  uploaded_by   text        NOT NULL
);
CREATE INDEX ticket_attachments_ticket ON ticket_attachments (ticket_id, uploaded_at);
-- Large files are stored as they are: compressing photos and PDFs gains nothing.
ALTER TABLE ticket_attachments ALTER COLUMN content SET STORAGE EXTERNAL;
