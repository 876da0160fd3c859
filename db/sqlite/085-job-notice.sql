-- Notices of task episodes (`<task uuid>:success|fail|waiting-N`) and approval requests (`approval:<uuid>`):
-- a notice is recorded once (the unique key makes it at most once, across restarts and silos), together
-- with one delivery per recipient and channel, which is retried with back-off until done or failed.
CREATE TABLE openc3_job_notice (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    notice      TEXT    NOT NULL UNIQUE,
    deliveries  INTEGER NOT NULL,
    create_time TEXT    NOT NULL
);
CREATE TABLE openc3_job_notice_delivery (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    notice      TEXT    NOT NULL,
    channel     TEXT    NOT NULL,
    recipient   TEXT    NOT NULL,
    title       TEXT    NOT NULL,
    content     TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    next_at     INTEGER NOT NULL,
    error       TEXT,
    update_time TEXT    NOT NULL,
    UNIQUE (notice, channel, recipient)
);
