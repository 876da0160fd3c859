-- What the check loop saw of each host placed on a checked tree node: one row per node and address, kept when the
-- host leaves the node (as upstream). `fail` counts failed checks in a row; the agent's `nodeinfo` shows the rows.
CREATE TABLE openc3_agent_monitor (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    projectid INTEGER NOT NULL,
    ip        TEXT    NOT NULL,
    status    TEXT    NOT NULL,
    fail      INTEGER NOT NULL DEFAULT 0,
    reason    TEXT    NULL,
    version   TEXT    NULL,
    edit_time TEXT    NOT NULL,
    UNIQUE (projectid, ip)
);
