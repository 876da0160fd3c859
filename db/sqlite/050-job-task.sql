-- Tasks and their steps as the API lists them (written by the task and subtask grains), and step/task logs.
CREATE TABLE openc3_job_task (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    projectid    INTEGER NOT NULL,
    uuid         TEXT    NOT NULL UNIQUE,
    name         TEXT    NOT NULL,
    user         TEXT    NOT NULL,
    slave        TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    starttimems  TEXT,
    finishtimems TEXT,
    starttime    TEXT,
    finishtime   TEXT,
    calltype     TEXT    NOT NULL,
    jobtype      TEXT    NOT NULL,
    jobuuid      TEXT    NOT NULL,
    runtime      TEXT,
    mutex        TEXT    NOT NULL DEFAULT '',
    reason       TEXT,
    variable     TEXT,
    extid        TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX ix_task_project ON openc3_job_task (projectid, starttime);
CREATE TABLE openc3_job_subtask (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_uuid  TEXT NOT NULL,
    subtask_type TEXT NOT NULL,
    uuid         TEXT NOT NULL,
    nodecount    TEXT,
    starttime    TEXT,
    finishtime   TEXT,
    runtime      TEXT,
    status       TEXT,
    pause        TEXT NOT NULL DEFAULT '',
    UNIQUE (parent_uuid, subtask_type, uuid)
);
CREATE TABLE openc3_job_log (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    log_uuid TEXT    NOT NULL,
    text     TEXT    NOT NULL,
    time     INTEGER NOT NULL
);
CREATE INDEX ix_log_uuid ON openc3_job_log (log_uuid, id);
