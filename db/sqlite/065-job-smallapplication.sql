-- Light apps: a job shown as a button. jobid and treeid are text, as upstream stores and answers them.
CREATE TABLE openc3_job_smallapplication (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    jobid       TEXT NOT NULL,
    type        TEXT NOT NULL,
    title       TEXT NOT NULL,
    `describe`  TEXT NOT NULL,
    parameter   TEXT NOT NULL,
    edit_user   TEXT NOT NULL,
    create_user TEXT NOT NULL,
    edit_time   TEXT NOT NULL,
    create_time TEXT NOT NULL,
    treeid      TEXT NOT NULL DEFAULT '0',
    UNIQUE (jobid, treeid)
);
