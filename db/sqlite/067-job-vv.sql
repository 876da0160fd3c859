-- Version variables: `KEY:[value]` lines a task's output reported per host (written by the execution engine).
CREATE TABLE openc3_job_vv (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    projectid   INTEGER NOT NULL,
    node        TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    value       TEXT    NOT NULL,
    update_time TEXT    NOT NULL,
    UNIQUE (projectid, node, name)
);
