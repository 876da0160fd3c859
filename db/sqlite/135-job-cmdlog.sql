-- Web terminal command lines (`/api/job/cmd/:treeid/log`): who typed what on which hosts as which account.
CREATE TABLE openc3_job_cmdlog (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    projectid INTEGER NOT NULL,
    user      TEXT    NOT NULL,
    node      TEXT    NOT NULL,
    usr       TEXT    NOT NULL,
    cmd       TEXT    NOT NULL,
    time      TEXT    NOT NULL
);
CREATE INDEX ix_job_cmdlog_projectid ON openc3_job_cmdlog (projectid, id);
