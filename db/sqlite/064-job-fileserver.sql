-- Files of a tree node. The content is a blob named by its md5 in the blob store (`FileServer:Path`),
-- shared by every row with the same md5; `size` is text, as upstream answers it.
CREATE TABLE openc3_job_fileserver (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    projectid   INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    size        TEXT    NOT NULL,
    md5         TEXT    NOT NULL,
    create_user TEXT    NOT NULL,
    create_time TEXT    NOT NULL,
    edit_user   TEXT    NOT NULL,
    edit_time   TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    UNIQUE (projectid, name)
);
CREATE INDEX ix_job_fileserver_md5 ON openc3_job_fileserver (md5);
