-- Crontabs fire a job of their tree node (through jobuuid) at the minutes of `cron` in `timezone`
-- ('' = the server's zone, our addition). The lock row (crontab, minute number) records a minute as taken.
CREATE TABLE openc3_job_crontab (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL,
    jobuuid     TEXT NOT NULL,
    cron        TEXT NOT NULL,
    mutex       TEXT NOT NULL DEFAULT '',
    timezone    TEXT NOT NULL DEFAULT '',
    create_user TEXT NOT NULL,
    create_time TEXT NOT NULL,
    edit_user   TEXT NOT NULL,
    edit_time   TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'available'
);
CREATE INDEX ix_crontab_jobuuid ON openc3_job_crontab (jobuuid);
CREATE TABLE openc3_job_crontablock (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    crontabid   INTEGER NOT NULL,
    timeid      INTEGER NOT NULL,
    create_time TEXT    NOT NULL,
    UNIQUE (crontabid, timeid)
);
