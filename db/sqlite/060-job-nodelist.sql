-- Machines a tree node adds by hand to its connector resources (`name::inip::exip` or a bare ip).
-- Deleted rows stay with status `deleted` and a renamed name, so the name can be added again.
CREATE TABLE openc3_job_nodelist (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    projectid   INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    inip        TEXT    NOT NULL,
    exip        TEXT    NOT NULL,
    type        TEXT    NOT NULL DEFAULT 'extend',
    create_user TEXT    NOT NULL,
    create_time TEXT    NOT NULL,
    edit_user   TEXT    NOT NULL,
    edit_time   TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    UNIQUE (projectid, name)
);
