-- The administrator's holiday calendar entries (国务院办公厅节假日安排): days off and make-up
-- working days of years the chinese-days package does not know, or corrections to it.
CREATE TABLE holiday_calendar_entries (
  date date PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name text NOT NULL,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
