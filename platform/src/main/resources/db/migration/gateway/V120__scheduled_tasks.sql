-- db-scheduler's table (its PostgreSQL schema, version 16): the weeding job's schedule and the lock
-- that lets one instance of several run it.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks__execution_time__idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks__last_heartbeat__idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks__priority_execution_time__idx ON scheduled_tasks (priority DESC, execution_time ASC);
