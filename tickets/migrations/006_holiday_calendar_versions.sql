-- Every save of a year of the holiday calendar, with who and when: the history behind
-- 对比 and 回滚 on the 节假日日历 page. holiday_calendar_entries stays the calendar in
-- force (the workers read it); each save writes both in one transaction, so the highest
-- version of a year always holds the entries in force.
CREATE TABLE holiday_calendar_versions (
  year             integer     NOT NULL,
  version          integer     NOT NULL CHECK (version > 0),
  -- [{date, kind, name}] by date, as saved.
  entries          jsonb       NOT NULL,
  -- 'user:<id>', like the entries' updated_by.
  saved_by         text        NOT NULL,
  saved_at         timestamptz NOT NULL,
  -- A rollback names the version of the same year whose entries it saved again.
  rolled_back_from integer,
  PRIMARY KEY (year, version),
  FOREIGN KEY (year, rolled_back_from) REFERENCES holiday_calendar_versions (year, version)
);

-- The years entered before versions were kept: what is in force is their version 1.
INSERT INTO holiday_calendar_versions (year, version, entries, saved_by, saved_at)
SELECT extract(year FROM date)::int, 1,
       jsonb_agg(jsonb_build_object('date', to_char(date, 'YYYY-MM-DD'), 'kind', kind, 'name', name) ORDER BY date),
       (array_agg(updated_by ORDER BY updated_at DESC))[1], max(updated_at)
  FROM holiday_calendar_entries
 GROUP BY 1;
