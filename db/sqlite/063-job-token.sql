-- File server upload tokens. Only a SHA-256 of the token is kept (and a masked form to show);
-- the token itself is shown once, when it is created.
CREATE TABLE openc3_job_token (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    projectid   INTEGER NOT NULL,
    token_hash  TEXT    NOT NULL,
    token_mask  TEXT    NOT NULL,
    `describe`  TEXT    NOT NULL,
    isjob       TEXT    NOT NULL,
    jobname     TEXT    NOT NULL,
    create_user TEXT    NOT NULL,
    create_time TEXT    NOT NULL,
    edit_user   TEXT    NOT NULL,
    edit_time   TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    UNIQUE (projectid, token_hash)
);
CREATE INDEX ix_job_token_hash ON openc3_job_token (token_hash);
