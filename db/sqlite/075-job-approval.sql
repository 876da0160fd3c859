-- Approval rows: one per approver of an approval batch (`taskuuid` is the batch id, not a task uuid).
-- Written by the approval grain as a projection of its state; the approval list routes read it.
CREATE TABLE openc3_job_approval (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    taskuuid     TEXT NOT NULL,
    uuid         TEXT NOT NULL UNIQUE,
    user         TEXT NOT NULL,
    name         TEXT NOT NULL,
    submitter    TEXT NOT NULL,
    oauuid       TEXT NOT NULL DEFAULT '0',
    notifystatus TEXT NOT NULL DEFAULT 'null',
    cont         TEXT NOT NULL,
    opinion      TEXT NOT NULL DEFAULT 'unconfirmed',
    remarks      TEXT NOT NULL DEFAULT '',
    create_time  TEXT NOT NULL,
    finishtime   TEXT,
    assist       TEXT,
    everyone     TEXT NOT NULL,
    oasync       TEXT NOT NULL DEFAULT '0'
);
CREATE INDEX ix_approval_batch ON openc3_job_approval (taskuuid);
CREATE INDEX ix_approval_user ON openc3_job_approval (user, id);
