-- Built-in users, sessions, login audit, grants, service tree and private nodes of the default connector.
CREATE TABLE openc3_connector_userinfo (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL UNIQUE,
    pass        TEXT NOT NULL,
    create_time TEXT NOT NULL
);
CREATE TABLE openc3_connector_session (
    sid_hash TEXT    NOT NULL PRIMARY KEY,
    user     TEXT    NOT NULL,
    expire   INTEGER NOT NULL
);
CREATE INDEX ix_session_user ON openc3_connector_session (user);
CREATE TABLE openc3_connector_user_login_audit (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    user   TEXT    NOT NULL,
    action TEXT    NOT NULL,
    ip     TEXT    NOT NULL,
    t      INTEGER NOT NULL,
    time   TEXT    NOT NULL
);
CREATE INDEX ix_login_audit_user ON openc3_connector_user_login_audit (user, t);
CREATE INDEX ix_login_audit_ip ON openc3_connector_user_login_audit (ip, t);
CREATE TABLE openc3_connector_userauth (
    id    INTEGER PRIMARY KEY AUTOINCREMENT,
    name  TEXT    NOT NULL UNIQUE,
    level INTEGER NOT NULL
);
CREATE TABLE openc3_connector_userauthtree (
    id    INTEGER PRIMARY KEY AUTOINCREMENT,
    name  TEXT    NOT NULL,
    tree  INTEGER NOT NULL,
    level INTEGER NOT NULL,
    UNIQUE (name, tree)
);
CREATE TABLE openc3_connector_tree (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT    NOT NULL UNIQUE,
    len         INTEGER NOT NULL,
    update_time TEXT    NOT NULL
);
CREATE TABLE openc3_connector_private (
    id        INTEGER PRIMARY KEY,
    user      TEXT NOT NULL UNIQUE,
    edit_time TEXT NOT NULL,
    edit_user TEXT NOT NULL
);
