-- The agent module: regions (groups of SSH jump hosts), their bindings to tree nodes, their proxies (the jump
-- hosts) and the subnets or /regex/ of a binding whose hosts are reached through the region's proxies.
CREATE TABLE openc3_agent_region (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    projectid   INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    create_time TEXT    NOT NULL,
    UNIQUE (projectid, name)
);
CREATE TABLE openc3_agent_project_region_relation (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    projectid   INTEGER NOT NULL,
    regionid    INTEGER NOT NULL,
    create_time TEXT    NOT NULL,
    UNIQUE (projectid, regionid)
);
CREATE INDEX ix_agent_relation_region ON openc3_agent_project_region_relation (regionid);
CREATE TABLE openc3_agent_proxy (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    regionid  INTEGER NOT NULL,
    projectid INTEGER NOT NULL,
    ip        TEXT    NOT NULL,
    status    TEXT    NOT NULL,
    fail      INTEGER NOT NULL DEFAULT 0,
    reason    TEXT    NULL,
    version   TEXT    NULL,
    edit_time TEXT    NOT NULL,
    UNIQUE (projectid, ip)
);
CREATE INDEX ix_agent_proxy_region ON openc3_agent_proxy (regionid);
CREATE TABLE openc3_agent_agent (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    relationid INTEGER NOT NULL,
    projectid  INTEGER NOT NULL,
    ip         TEXT    NOT NULL,
    status     TEXT    NOT NULL,
    fail       INTEGER NOT NULL DEFAULT 0,
    reason     TEXT    NULL,
    version    TEXT    NULL,
    edit_time  TEXT    NOT NULL,
    UNIQUE (projectid, ip)
);
CREATE INDEX ix_agent_agent_relation ON openc3_agent_agent (relationid);
