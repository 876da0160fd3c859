-- Resources (hosts) of service-tree nodes kept by the built-in connector. Deleted rows stay, renamed.
CREATE TABLE openc3_connector_nodelist (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    projectid   INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    inip        TEXT    NOT NULL,
    exip        TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    create_user TEXT    NOT NULL,
    create_time TEXT    NOT NULL,
    edit_user   TEXT    NOT NULL,
    edit_time   TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    UNIQUE (projectid, name)
);
