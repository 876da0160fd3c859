-- Jobs, their steps (never updated in place: a save inserts new rows), variables, scripts and node groups.
-- Times are 'YYYY-MM-DD HH:MM:SS' text; names are unique per tree node, deleted rows keep a suffixed name.
CREATE TABLE openc3_job_jobs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    projectid   INTEGER NOT NULL,
    uuid        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    uuids       TEXT    NOT NULL,
    status      TEXT    NOT NULL DEFAULT 'transient',
    mon_ids     TEXT    NOT NULL DEFAULT '',
    mon_status  INTEGER NOT NULL DEFAULT 0,
    create_user TEXT    NOT NULL,
    create_time TEXT    NOT NULL,
    edit_user   TEXT    NOT NULL,
    edit_time   TEXT    NOT NULL,
    UNIQUE (projectid, name)
);
CREATE TABLE openc3_job_plugin_cmd (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    jobuuid      TEXT NOT NULL,
    uuid         TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    user         TEXT NOT NULL,
    node_type    TEXT NOT NULL,
    node_cont    TEXT NOT NULL,
    scripts_type TEXT NOT NULL,
    scripts_cont TEXT NOT NULL,
    scripts_argv TEXT NOT NULL,
    timeout      TEXT NOT NULL,
    pause        TEXT NOT NULL,
    deployenv    TEXT NOT NULL,
    action       TEXT NOT NULL,
    batches      TEXT NOT NULL,
    create_time  TEXT NOT NULL
);
CREATE INDEX ix_plugin_cmd_jobuuid ON openc3_job_plugin_cmd (jobuuid);
CREATE TABLE openc3_job_plugin_scp (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    jobuuid     TEXT NOT NULL,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    user        TEXT NOT NULL,
    src         TEXT NOT NULL,
    src_type    TEXT NOT NULL,
    sp          TEXT NOT NULL,
    dst         TEXT NOT NULL,
    dst_type    TEXT NOT NULL,
    dp          TEXT NOT NULL,
    chown       TEXT NOT NULL,
    chmod       TEXT NOT NULL,
    timeout     TEXT NOT NULL,
    scp_delete  TEXT NOT NULL,
    pause       TEXT NOT NULL,
    deployenv   TEXT NOT NULL,
    action      TEXT NOT NULL,
    batches     TEXT NOT NULL,
    create_time TEXT NOT NULL
);
CREATE INDEX ix_plugin_scp_jobuuid ON openc3_job_plugin_scp (jobuuid);
CREATE TABLE openc3_job_plugin_approval (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    jobuuid     TEXT NOT NULL,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    cont        TEXT NOT NULL,
    approver    TEXT NOT NULL,
    deployenv   TEXT NOT NULL,
    action      TEXT NOT NULL,
    batches     TEXT NOT NULL,
    everyone    TEXT NOT NULL,
    timeout     TEXT NOT NULL,
    pause       TEXT NOT NULL,
    relaxed     TEXT NOT NULL DEFAULT 'off',
    create_time TEXT NOT NULL
);
CREATE INDEX ix_plugin_approval_jobuuid ON openc3_job_plugin_approval (jobuuid);
CREATE TABLE openc3_job_variable (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    jobuuid     TEXT NOT NULL,
    name        TEXT NOT NULL,
    value       TEXT NOT NULL DEFAULT '',
    `describe`  TEXT NOT NULL DEFAULT '',
    `option`    TEXT NOT NULL DEFAULT '',
    env         TEXT NOT NULL DEFAULT '',
    create_user TEXT NOT NULL,
    create_time TEXT NOT NULL,
    UNIQUE (jobuuid, name)
);
CREATE TABLE openc3_job_scripts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    projectid   INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    cont        TEXT    NOT NULL,
    create_user TEXT    NOT NULL,
    create_time TEXT    NOT NULL,
    edit_user   TEXT    NOT NULL,
    edit_time   TEXT    NOT NULL,
    status      TEXT    NOT NULL DEFAULT 'available',
    UNIQUE (projectid, name)
);
CREATE TABLE openc3_job_nodegroup (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    projectid   INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    plugin      TEXT    NOT NULL,
    params      TEXT    NOT NULL,
    create_user TEXT    NOT NULL,
    create_time TEXT    NOT NULL,
    edit_user   TEXT    NOT NULL,
    edit_time   TEXT    NOT NULL,
    status      TEXT    NOT NULL DEFAULT 'available',
    UNIQUE (projectid, name)
);
