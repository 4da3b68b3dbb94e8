-- Timers, message and signal subscriptions, and buffered messages of the built-in engine.
-- Timers keep their due time in an indexed column: pending timers cost nothing while idle.
CREATE TABLE engine_timers (
  key bigint PRIMARY KEY,
  data jsonb NOT NULL,
  due_date bigint GENERATED ALWAYS AS ((data->>'dueDate')::bigint) STORED
);
CREATE INDEX engine_timers_due ON engine_timers (due_date);
CREATE TABLE engine_message_subscriptions (key bigint PRIMARY KEY, data jsonb NOT NULL);
CREATE TABLE engine_messages (
  key bigint PRIMARY KEY,
  data jsonb NOT NULL,
  deadline bigint GENERATED ALWAYS AS ((data->>'deadline')::bigint) STORED
);
CREATE INDEX engine_messages_deadline ON engine_messages (deadline);
CREATE TABLE engine_signal_subscriptions (key bigint PRIMARY KEY, data jsonb NOT NULL);
