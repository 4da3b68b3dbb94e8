-- Camunda user tasks (zeebe:userTask) of the built-in engine.
CREATE TABLE engine_user_tasks (key bigint PRIMARY KEY, data jsonb NOT NULL);
