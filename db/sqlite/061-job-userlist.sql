-- Remote accounts a step may run as, offered per tree node; projectid 0 rows are offered everywhere.
CREATE TABLE openc3_job_userlist (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    projectid   INTEGER NOT NULL,
    username    TEXT    NOT NULL,
    create_user TEXT    NOT NULL,
    create_time TEXT    NOT NULL,
    edit_user   TEXT    NOT NULL,
    edit_time   TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    UNIQUE (projectid, username)
);
